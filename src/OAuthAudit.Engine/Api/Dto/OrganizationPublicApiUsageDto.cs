using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's OrganizationPublicApiUsage: one row of a usage query (here one client on one day).</summary>
    internal sealed class OrganizationPublicApiUsageDto
    {
        /// <summary>yyyy-MM-dd.</summary>
        [JsonProperty("date")] public string? Date { get; set; }
        [JsonProperty("requestCount")] public long? RequestCount { get; set; }
        [JsonProperty("status200")] public long? Status200 { get; set; }
        [JsonProperty("status300")] public long? Status300 { get; set; }
        [JsonProperty("status400")] public long? Status400 { get; set; }
        [JsonProperty("status429")] public long? Status429 { get; set; }
        [JsonProperty("status500")] public long? Status500 { get; set; }
        [JsonProperty("oauthClient")] public DomainEntityRefDto? OauthClient { get; set; }
    }
}
