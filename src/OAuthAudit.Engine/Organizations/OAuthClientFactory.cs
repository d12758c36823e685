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
            return new OAuthClient(dto.Id!, dto.Name ?? dto.Id!, dto.AuthorizedGrantType!)
            {
                Description = dto.Description,
                State = dto.State,
                AccessTokenValiditySeconds = dto.AccessTokenValiditySeconds,
                RegisteredRedirectUri = ValueList.From(dto.RegisteredRedirectUri?.Where(uri => uri != null)),
                Scopes = ValueList.From(dto.Scope?.Where(name => !string.IsNullOrEmpty(name)).Select(registry.Resolve)),
                RoleDivisions = grants,
                Roles = ValueList.From(grants.Select(authorization.Resolve)),
                DateCreated = dto.DateCreated,
                DateModified = dto.DateModified,
                CreatedBy = Reference(dto.CreatedBy),
                ModifiedBy = Reference(dto.ModifiedBy),
                DateToDelete = dto.DateToDelete,
                SelfUri = dto.SelfUri,
                OrganizationName = organization.Name,
            };
        }

        private static EntityReference? Reference(DomainEntityRefDto? dto) =>
            dto == null ? null : new EntityReference(dto.Id, dto.Name, dto.SelfUri);
    }
}
