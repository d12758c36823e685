using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditQueryExecutionResultsResponse: one page of a transaction's results; a cursor means more follow.</summary>
    internal sealed class AuditQueryExecutionResultsResponseDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("pageSize")] public int? PageSize { get; set; }
        [JsonProperty("cursor")] public string? Cursor { get; set; }
        [JsonProperty("entities")] public List<AuditLogMessageDto>? Entities { get; set; }
    }
}
