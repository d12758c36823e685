using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's DomainPermissionCollection: one domain of GET /api/v2/authorization/permissions, entity → actions.</summary>
    internal sealed class DomainPermissionCollectionDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("domain")] public string? Domain { get; set; }
        [JsonProperty("permissionMap")] public Dictionary<string, List<DomainPermissionDto>?>? PermissionMap { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
