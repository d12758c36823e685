using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    internal sealed class OAuthScopeDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
