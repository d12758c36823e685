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
            // In the order first granted; a text granted by several policies is conditional only if every one is.
            var held = new List<HeldPermission>();
            var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var policy in dto.PermissionPolicies ?? new List<DomainPermissionPolicyDto>())
            {
                if (policy?.ActionSet == null)
                {
                    continue;
                }

                var conditional = IsConditional(policy);
                foreach (var action in policy.ActionSet)
                {
                    if (string.IsNullOrWhiteSpace(action))
                    {
                        continue;
                    }

                    var text = $"{policy.Domain ?? "*"}:{policy.EntityName ?? "*"}:{action}";
                    if (!indexOf.TryGetValue(text, out var index))
                    {
                        indexOf.Add(text, held.Count);
                        held.Add(new HeldPermission(text, conditional));
                    }
                    else if (held[index].IsConditional && !conditional)
                    {
                        held[index] = new HeldPermission(text, isConditional: false);
                    }
                }
            }

            if (legacy.Contains(HeldPermission.LegacyAdmin, StringComparer.OrdinalIgnoreCase)
                && !held.Exists(permission => permission.Text == HeldPermission.All && !permission.IsConditional))
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
