using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditQueryService: a service name and the entity types it audits.</summary>
    internal sealed class AuditQueryServiceDto
    {
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("entities")] public List<AuditQueryEntityDto>? Entities { get; set; }
    }
}
