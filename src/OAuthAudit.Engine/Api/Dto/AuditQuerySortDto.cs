using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditQuerySort: name Timestamp, sortOrder ascending or descending.</summary>
    internal sealed class AuditQuerySortDto
    {
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("sortOrder")] public string? SortOrder { get; set; }
    }
}
