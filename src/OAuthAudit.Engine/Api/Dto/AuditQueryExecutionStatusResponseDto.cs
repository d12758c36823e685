using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditQueryExecutionStatusResponse: the answer to the query POST and to each poll of its transaction.</summary>
    internal sealed class AuditQueryExecutionStatusResponseDto
    {
        public const string Queued = "Queued";
        public const string Running = "Running";
        public const string Succeeded = "Succeeded";
        public const string Failed = "Failed";
        public const string Cancelled = "Cancelled";

        /// <summary>The transaction id.</summary>
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("state")] public string? State { get; set; }
        [JsonProperty("startDate")] public DateTime? StartDate { get; set; }
        [JsonProperty("interval")] public string? Interval { get; set; }
        [JsonProperty("serviceName")] public string? ServiceName { get; set; }
        [JsonProperty("filters")] public List<AuditQueryFilterDto>? Filters { get; set; }
        [JsonProperty("sort")] public List<AuditQuerySortDto>? Sort { get; set; }
    }
}
