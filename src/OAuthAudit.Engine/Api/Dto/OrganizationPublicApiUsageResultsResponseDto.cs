using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's OrganizationPublicApiUsageResultsResponse: a usage query job's state and, once it succeeded, one page of its rows.</summary>
    internal sealed class OrganizationPublicApiUsageResultsResponseDto
    {
        [JsonProperty("name")] public string? Name { get; set; }

        /// <summary>QueryStatusEnum: Queued, Running, Succeeded, Failed, Cancelled.</summary>
        [JsonProperty("queryStatus")] public string? QueryStatus { get; set; }

        /// <summary>Why the job failed; may be absent even when it did.</summary>
        [JsonProperty("errorBody")] public ErrorBodyDto? ErrorBody { get; set; }

        /// <summary>Only when another page of results follows.</summary>
        [JsonProperty("nextUri")] public string? NextUri { get; set; }

        [JsonProperty("entities")] public List<OrganizationPublicApiUsageDto>? Entities { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
