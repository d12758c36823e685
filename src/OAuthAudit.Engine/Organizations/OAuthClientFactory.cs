using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Builds pipeline OAuthClient objects from the API's JSON, resolving scope names and role grants.</summary>
    internal static class OAuthClientFactory
    {
        /// <summary>The first field a client cannot be audited without that the JSON lacks, or null.</summary>
        public static string? MissingRequiredField(OAuthClientDto dto) =>
            string.IsNullOrEmpty(dto.Id) ? "id"
            : string.IsNullOrEmpty(dto.AuthorizedGrantType) ? "authorizedGrantType"
            : null;

        public static OAuthClient Create(OAuthClientDto dto, ScopeRegistry registry, AuthorizationRegistry authorization, Organization organization)
        {
            var grants = ValueList.From(dto.RoleDivisions?
                .Where(grant => grant.RoleId != null)
                .Select(grant => new RoleDivision(grant.RoleId!, grant.DivisionId)));
            var roleIds = RoleIds(dto);

            // roleDivisions are the API's current truth; only a client without them is audited by its deprecated roleIds.
            var roles = grants.Count > 0 ? grants.Select(authorization.Resolve) : roleIds.Select(authorization.ResolveRoleId);
            return new OAuthClient(dto.Id!, dto.Name ?? dto.Id!, dto.AuthorizedGrantType!)
            {
                Description = dto.Description,
                State = dto.State,
                AccessTokenValiditySeconds = dto.AccessTokenValiditySeconds,
                RegisteredRedirectUri = ValueList.From(dto.RegisteredRedirectUri?.Where(uri => uri != null)),
                Scopes = ValueList.From(dto.Scope?.Where(name => !string.IsNullOrEmpty(name)).Select(registry.Resolve)),
                RoleDivisions = grants,
                RoleIds = roleIds,
                Roles = ValueList.From(roles),
                DateCreated = dto.DateCreated,
                DateModified = dto.DateModified,
                CreatedBy = Reference(dto.CreatedBy),
                ModifiedBy = Reference(dto.ModifiedBy),
                DateToDelete = dto.DateToDelete,
                SelfUri = dto.SelfUri,
                OrganizationName = organization.Name,
                OrganizationId = organization.Id,
            };
        }

        /// <summary>Whether the client grants any role (roleDivisions or the deprecated roleIds), so roles and divisions must be read.</summary>
        public static bool HasRoleGrants(OAuthClientDto dto) =>
            dto.RoleDivisions?.Count > 0 || dto.RoleIds?.Any(id => !string.IsNullOrEmpty(id)) == true;

        /// <summary>Every role id the client references, in roleDivisions and in the deprecated roleIds.</summary>
        public static IEnumerable<string> ReferencedRoleIds(OAuthClientDto dto) =>
            (dto.RoleDivisions ?? Enumerable.Empty<RoleDivisionDto>()).Select(grant => grant?.RoleId)
                .Concat(dto.RoleIds ?? Enumerable.Empty<string?>())
                .Where(id => !string.IsNullOrEmpty(id))
                .Select(id => id!);

        private static ValueList<string> RoleIds(OAuthClientDto dto) =>
            ValueList.From(dto.RoleIds?.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.OrdinalIgnoreCase));

        private static EntityReference? Reference(DomainEntityRefDto? dto) =>
            dto == null ? null : new EntityReference(dto.Id, dto.Name, dto.SelfUri);
    }
}
