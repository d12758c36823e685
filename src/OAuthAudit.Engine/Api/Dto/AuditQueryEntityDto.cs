using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditQueryEntity: an entity type and the actions audited for it.</summary>
    internal sealed class AuditQueryEntityDto
    {
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("actions")] public List<string>? Actions { get; set; }
    }
}
