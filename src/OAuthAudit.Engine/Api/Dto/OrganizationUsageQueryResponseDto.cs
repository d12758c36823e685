using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's OrganizationUsageQueryResponse: the job POST /api/v2/usage/aggregates/query/jobs started.</summary>
    internal sealed class OrganizationUsageQueryResponseDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("resultsUri")] public string? ResultsUri { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
