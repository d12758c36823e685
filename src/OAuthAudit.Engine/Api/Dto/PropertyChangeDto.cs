using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's PropertyChange: one property of the entity, its values before and after.</summary>
    internal sealed class PropertyChangeDto
    {
        [JsonProperty("property")] public string? Property { get; set; }
        [JsonProperty("oldValues")] public List<string>? OldValues { get; set; }
        [JsonProperty("newValues")] public List<string>? NewValues { get; set; }
    }
}
