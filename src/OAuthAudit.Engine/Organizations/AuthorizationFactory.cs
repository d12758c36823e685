using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Builds roles and divisions from the API's JSON; each action of a permission policy becomes one domain:entity:action.</summary>
    internal static class AuthorizationFactory
    {
        /// <summary>The roles of a listing; an entry without an id cannot be granted, so it is passed over.</summary>
        public static IReadOnlyList<AuthorizationRole> Roles(IEnumerable<DomainOrganizationRoleDto> dtos) =>
            dtos.Where(role => role != null && !string.IsNullOrEmpty(role.Id)).Select(Role).ToArray();

        public static IReadOnlyList<AuthorizationDivision> Divisions(IEnumerable<AuthzDivisionDto> dtos) =>
            dtos.Where(division => !string.IsNullOrEmpty(division.Id)).Select(Division).ToArray();

        public static AuthorizationRole Role(DomainOrganizationRoleDto dto)
        {
            var legacy = ValueList.From(dto.Permissions?.Where(name => !string.IsNullOrWhiteSpace(name)));
            return new AuthorizationRole(dto.Id!, dto.Name ?? dto.Id!, dto.Description, PermissionsOf(dto, legacy), legacy, dto.Default ?? false);
        }

        public static AuthorizationDivision Division(AuthzDivisionDto dto) =>
            new AuthorizationDivision(dto.Id!, dto.Name ?? dto.Id!, dto.Description, dto.HomeDivision ?? false);

        /// <summary>
        /// One entry per distinct permission: conditional only when every policy granting it carries a resource
        /// condition; the legacy "admin" permission adds "*:*:*" (the API accepts it wherever it checks "admin").
        /// </summary>
        private static IReadOnlyList<HeldPermission> PermissionsOf(DomainOrganizationRoleDto dto, ValueList<string> legacy)
        {
            var held = (dto.PermissionPolicies ?? new List<DomainPermissionPolicyDto>())
                .Where(policy => policy != null)
                .SelectMany(policy => (policy.ActionSet ?? new List<string>())
                    .Where(action => !string.IsNullOrWhiteSpace(action))
                    .Select(action => (Text: $"{policy.Domain ?? "*"}:{policy.EntityName ?? "*"}:{action}", Conditional: IsConditional(policy))))
                .GroupBy(permission => permission.Text, StringComparer.Ordinal)
                .Select(same => new HeldPermission(same.Key, same.All(permission => permission.Conditional)))
                .ToList();
            if (legacy.Contains(HeldPermission.LegacyAdmin, StringComparer.OrdinalIgnoreCase)
                && !held.Any(permission => permission.Text == HeldPermission.All && !permission.IsConditional))
            {
                held.RemoveAll(permission => permission.Text == HeldPermission.All);
                held.Add(new HeldPermission(HeldPermission.All, isConditional: false, isLegacyAdmin: true));
            }

            return held;
        }

        private static bool IsConditional(DomainPermissionPolicyDto policy) =>
            policy.AllowConditions == true && policy.ResourceConditionNode != null && policy.ResourceConditionNode.Type != JTokenType.Null;
    }
}
