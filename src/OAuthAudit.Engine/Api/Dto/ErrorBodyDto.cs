using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's ErrorBody.</summary>
    internal sealed class ErrorBodyDto
    {
        [JsonProperty("message")] public string? Message { get; set; }
        [JsonProperty("code")] public string? Code { get; set; }
        [JsonProperty("status")] public int? Status { get; set; }
        [JsonProperty("messageParams")] public Dictionary<string, string>? MessageParams { get; set; }
        [JsonProperty("contextId")] public string? ContextId { get; set; }
    }
}
