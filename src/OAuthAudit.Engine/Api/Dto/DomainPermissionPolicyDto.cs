using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's DomainPermissionPolicy, trimmed to what an audit reads.</summary>
    internal sealed class DomainPermissionPolicyDto
    {
        [JsonProperty("domain")] public string? Domain { get; set; }
        [JsonProperty("entityName")] public string? EntityName { get; set; }
        [JsonProperty("policyName")] public string? PolicyName { get; set; }
        [JsonProperty("actionSet")] public List<string>? ActionSet { get; set; }
        [JsonProperty("allowConditions")] public bool? AllowConditions { get; set; }

        /// <summary>A DomainResourceConditionNode; kept as JSON, only its presence matters to an audit.</summary>
        [JsonProperty("resourceConditionNode")] public JToken? ResourceConditionNode { get; set; }
    }
}
