using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Builds roles and divisions from the API's JSON; a permission policy becomes one domain:entity:action per action.</summary>
    internal static class AuthorizationFactory
    {
        public static AuthorizationRegistry Registry(IEnumerable<DomainOrganizationRoleDto> roles, IEnumerable<AuthzDivisionDto> divisions) =>
            new AuthorizationRegistry(
                roles.Where(role => !string.IsNullOrEmpty(role.Id)).Select(Role),
                divisions.Where(division => !string.IsNullOrEmpty(division.Id)).Select(Division));

        public static AuthorizationRole Role(DomainOrganizationRoleDto dto) =>
            new AuthorizationRole(dto.Id!, dto.Name ?? dto.Id!, dto.Description, ValueList.From(PermissionsOf(dto)), dto.Default ?? false);

        public static AuthorizationDivision Division(AuthzDivisionDto dto) =>
            new AuthorizationDivision(dto.Id!, dto.Name ?? dto.Id!, dto.Description, dto.HomeDivision ?? false);

        private static IEnumerable<string> PermissionsOf(DomainOrganizationRoleDto dto) =>
            (dto.PermissionPolicies ?? new List<DomainPermissionPolicyDto>())
                .SelectMany(policy => (policy.ActionSet ?? new List<string>())
                    .Select(action => $"{policy.Domain ?? "*"}:{policy.EntityName ?? "*"}:{action}"))
                .Concat(dto.Permissions ?? new List<string>())
                .Where(permission => !string.IsNullOrWhiteSpace(permission))
                .Distinct();
    }
}
