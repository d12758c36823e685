using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditQueryServiceMapping: which service audits which entity types (GET /api/v2/audits/query/servicemapping).</summary>
    internal sealed class AuditQueryServiceMappingDto
    {
        [JsonProperty("services")] public List<AuditQueryServiceDto>? Services { get; set; }
    }
}
