using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    internal sealed class DomainPermissionPolicyDto
    {
        [JsonProperty("domain")] public string? Domain { get; set; }
        [JsonProperty("entityName")] public string? EntityName { get; set; }
        [JsonProperty("actionSet")] public List<string>? ActionSet { get; set; }
    }
}
