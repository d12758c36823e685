using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>The API's AuditLogMessage (the members the change history reads; context and entityChanges are left out).</summary>
    internal sealed class AuditLogMessageDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("userHomeOrgId")] public string? UserHomeOrgId { get; set; }
        [JsonProperty("user")] public DomainEntityRefDto? User { get; set; }
        [JsonProperty("client")] public AddressableEntityRefDto? Client { get; set; }
        [JsonProperty("remoteIp")] public List<string>? RemoteIp { get; set; }
        [JsonProperty("serviceName")] public string? ServiceName { get; set; }
        [JsonProperty("level")] public string? Level { get; set; }
        [JsonProperty("eventDate")] public DateTime? EventDate { get; set; }
        [JsonProperty("action")] public string? Action { get; set; }
        [JsonProperty("entity")] public DomainEntityRefDto? Entity { get; set; }
        [JsonProperty("entityType")] public string? EntityType { get; set; }
        [JsonProperty("status")] public string? Status { get; set; }
        [JsonProperty("application")] public string? Application { get; set; }
        [JsonProperty("propertyChanges")] public List<PropertyChangeDto>? PropertyChanges { get; set; }
    }
}
