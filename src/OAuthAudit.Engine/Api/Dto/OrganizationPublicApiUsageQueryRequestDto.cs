using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's OrganizationPublicApiUsageQueryRequest: the body of POST /api/v2/usage/aggregates/query/jobs.</summary>
    internal sealed class OrganizationPublicApiUsageQueryRequestDto
    {
        /// <summary>ISO-8601 start/end, both inclusive; the start at most a year ago, the end at most 90 days after it.</summary>
        [JsonProperty("interval")] public string Interval { get; set; } = string.Empty;

        /// <summary>GranularityEnum: Day, Week or Month.</summary>
        [JsonProperty("granularity")] public string? Granularity { get; set; }

        /// <summary>MetricsEnum: Requests, Status200, Status300, Status400, Status429, Status500.</summary>
        [JsonProperty("metrics")] public List<string>? Metrics { get; set; }

        /// <summary>GroupByEnum: OauthClientName, OauthClientId, UserId, HttpMethod, TemplateUri, Platform.</summary>
        [JsonProperty("groupBy")] public List<string>? GroupBy { get; set; }
    }
}
