using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    internal sealed class RoleDivisionDto
    {
        [JsonProperty("roleId")] public string? RoleId { get; set; }
        [JsonProperty("divisionId")] public string? DivisionId { get; set; }
    }
}
