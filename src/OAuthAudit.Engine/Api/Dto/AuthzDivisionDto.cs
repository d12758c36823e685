using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    internal sealed class AuthzDivisionDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("homeDivision")] public bool? HomeDivision { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
