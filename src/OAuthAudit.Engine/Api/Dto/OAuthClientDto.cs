using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api.Dto
{
    /// <summary>
    /// The API's OAuthClient JSON. It deliberately has no "secret" member: an older API that still
    /// returns the secret has it dropped at parse time.
    /// </summary>
    internal sealed class OAuthClientDto
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("authorizedGrantType")] public string? AuthorizedGrantType { get; set; }
        [JsonProperty("state")] public string? State { get; set; }
        [JsonProperty("accessTokenValiditySeconds")] public int? AccessTokenValiditySeconds { get; set; }
        [JsonProperty("registeredRedirectUri")] public List<string>? RegisteredRedirectUri { get; set; }
        [JsonProperty("scope")] public List<string>? Scope { get; set; }
        [JsonProperty("roleIds")] public List<string>? RoleIds { get; set; }
        [JsonProperty("roleDivisions")] public List<RoleDivisionDto>? RoleDivisions { get; set; }
        [JsonProperty("dateCreated")] public DateTime? DateCreated { get; set; }
        [JsonProperty("dateModified")] public DateTime? DateModified { get; set; }
        [JsonProperty("createdBy")] public DomainEntityRefDto? CreatedBy { get; set; }
        [JsonProperty("modifiedBy")] public DomainEntityRefDto? ModifiedBy { get; set; }
        [JsonProperty("dateToDelete")] public DateTime? DateToDelete { get; set; }
        [JsonProperty("selfUri")] public string? SelfUri { get; set; }
    }
}
