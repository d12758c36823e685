using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditQueryFilter: property is one of UserId, TrusteeOrganizationId, ClientId, Action, EntityType, EntityId.</summary>
    internal sealed class AuditQueryFilterDto
    {
        public const string EntityType = "EntityType";
        public const string EntityId = "EntityId";

        [JsonProperty("property")] public string? Property { get; set; }
        [JsonProperty("value")] public string? Value { get; set; }
    }
}
