using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's DomainPermission: one action of the permission catalogue.</summary>
    internal sealed class DomainPermissionDto
    {
        [JsonProperty("domain")] public string? Domain { get; set; }
        [JsonProperty("entityType")] public string? EntityType { get; set; }
        [JsonProperty("action")] public string? Action { get; set; }
        [JsonProperty("label")] public string? Label { get; set; }
        [JsonProperty("allowsConditions")] public bool? AllowsConditions { get; set; }
        [JsonProperty("divisionAware")] public bool? DivisionAware { get; set; }
    }
}
