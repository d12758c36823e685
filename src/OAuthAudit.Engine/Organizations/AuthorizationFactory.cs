using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Builds roles and divisions from the API's JSON; each action of a permission policy becomes one domain:entity:action.</summary>
    internal static class AuthorizationFactory
    {
        /// <summary>The roles of a listing; an entry without an id cannot be granted, so it is passed over.</summary>
        public static IReadOnlyList<AuthorizationRole> Roles(IEnumerable<DomainOrganizationRoleDto> dtos) =>
            dtos.Where(role => !string.IsNullOrEmpty(role.Id)).Select(Role).ToArray();

        public static IReadOnlyList<AuthorizationDivision> Divisions(IEnumerable<AuthzDivisionDto> dtos) =>
            dtos.Where(division => !string.IsNullOrEmpty(division.Id)).Select(Division).ToArray();

        public static AuthorizationRole Role(DomainOrganizationRoleDto dto) =>
            new AuthorizationRole(dto.Id!, dto.Name ?? dto.Id!, dto.Description, ValueList.From(PermissionsOf(dto)), ValueList.From(dto.Permissions?.Where(name => !string.IsNullOrWhiteSpace(name))), dto.Default ?? false);

        public static AuthorizationDivision Division(AuthzDivisionDto dto) =>
            new AuthorizationDivision(dto.Id!, dto.Name ?? dto.Id!, dto.Description, dto.HomeDivision ?? false);

        private static IEnumerable<string> PermissionsOf(DomainOrganizationRoleDto dto) =>
            (dto.PermissionPolicies ?? new List<DomainPermissionPolicyDto>())
                .SelectMany(policy => (policy.ActionSet ?? new List<string>())
                    .Where(action => !string.IsNullOrWhiteSpace(action))
                    .Select(action => $"{policy.Domain ?? "*"}:{policy.EntityName ?? "*"}:{action}"))
                .Distinct();
    }
}
