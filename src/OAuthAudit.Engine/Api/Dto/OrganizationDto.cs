using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    internal sealed class OrganizationDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("domain")] public string? Domain { get; set; }
        [JsonProperty("thirdPartyOrgName")] public string? ThirdPartyOrgName { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
