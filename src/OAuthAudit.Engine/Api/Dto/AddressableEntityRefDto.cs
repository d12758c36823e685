using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AddressableEntityRef: an id without a name (an audit message's client).</summary>
    internal sealed class AddressableEntityRefDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
