using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    internal sealed class OAuthScopeListingDto
    {
        [JsonProperty("total")] public long? Total { get; set; }
        [JsonProperty("entities")] public List<OAuthScopeDto>? Entities { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
