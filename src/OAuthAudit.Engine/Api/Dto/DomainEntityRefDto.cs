using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    internal sealed class DomainEntityRefDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
