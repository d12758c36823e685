using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The paged listing shape shared by the API's *EntityListing models.</summary>
    internal sealed class EntityListingDto<T>
    {
        [JsonProperty("entities")] public List<T>? Entities { get; set; }
        [JsonProperty("pageSize")] public int? PageSize { get; set; }
        [JsonProperty("pageNumber")] public int? PageNumber { get; set; }
        [JsonProperty("total")] public long? Total { get; set; }
        [JsonProperty("pageCount")] public int? PageCount { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
        [JsonProperty("nextUri")] public string? NextUri { get; set; }
    }
}
