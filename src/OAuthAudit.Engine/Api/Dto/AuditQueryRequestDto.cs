using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The body of POST /api/v2/audits/query (the API's AuditQueryRequest).</summary>
    internal sealed class AuditQueryRequestDto
    {
        /// <summary>ISO-8601 "start/end", UTC.</summary>
        [JsonProperty("interval")] public string? Interval { get; set; }
        [JsonProperty("serviceName")] public string? ServiceName { get; set; }
        [JsonProperty("filters")] public List<AuditQueryFilterDto>? Filters { get; set; }
        [JsonProperty("sort")] public List<AuditQuerySortDto>? Sort { get; set; }
    }
}
