using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's DomainOrganizationRole, trimmed to what an audit reads.</summary>
    internal sealed class DomainOrganizationRoleDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("permissions")] public List<string>? Permissions { get; set; }
        [JsonProperty("permissionPolicies")] public List<DomainPermissionPolicyDto>? PermissionPolicies { get; set; }
        [JsonProperty("default")] public bool? Default { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
