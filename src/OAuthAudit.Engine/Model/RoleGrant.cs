using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// One role granted to a client-credentials client in one division, resolved to names. An id the
    /// organization does not know is kept and flagged (IsKnownRole/IsKnownDivision false, its name null), never dropped.
    /// </summary>
    public sealed class RoleGrant
    {
        public const string AllDivisionsName = "all divisions";
        public const string HomeDivisionName = "home division";

        internal RoleGrant(RoleDivision grant, AuthorizationRole? role, AuthorizationDivision? division, PermissionCatalog? catalog = null, bool fromRoleIds = false)
        {
            IsFromRoleIds = fromRoleIds;
            RoleId = grant.RoleId;
            RoleName = role?.Name;
            IsKnownRole = role != null;
            IsAllDivisions = grant.IsAllDivisions;
            var home = string.IsNullOrEmpty(grant.DivisionId);
            DivisionId = grant.IsAllDivisions ? RoleDivision.AllDivisions : division?.Id ?? grant.DivisionId;
            DivisionName = grant.IsAllDivisions ? AllDivisionsName : division?.Name ?? (home ? HomeDivisionName : null);
            IsKnownDivision = grant.IsAllDivisions || home || division != null;
            Permissions = role?.Permissions ?? ValueList<string>.Empty;
            ConditionalPermissions = role?.ConditionalPermissions ?? ValueList<string>.Empty;
            Held = role?.Held ?? new HeldPermission[0];
            Role = role;
            Catalog = catalog;
        }

        /// <summary>A grant as a run document recorded it (Runs/AuditRunReader): names as written, a null name meaning the organization had none such.</summary>
        internal RoleGrant(string roleId, string? roleName, string? divisionId, string? divisionName, bool allDivisions, bool fromRoleIds,
            ValueList<string> permissions, ValueList<string> conditionalPermissions)
        {
            RoleId = roleId;
            RoleName = roleName;
            IsKnownRole = roleName != null;
            DivisionId = divisionId;
            DivisionName = divisionName;
            IsKnownDivision = allDivisions || divisionName != null;
            IsAllDivisions = allDivisions;
            IsFromRoleIds = fromRoleIds;
            Permissions = permissions;
            ConditionalPermissions = conditionalPermissions;
            var conditional = new HashSet<string>(conditionalPermissions, System.StringComparer.Ordinal);
            Held = permissions.Select(permission => new HeldPermission(permission, conditional.Contains(permission))).ToArray();
        }

        public string RoleId { get; }

        /// <summary>Null when the organization has no role with RoleId.</summary>
        public string? RoleName { get; }

        public bool IsKnownRole { get; }

        public string? DivisionId { get; }

        /// <summary>Null when the organization has no division with DivisionId.</summary>
        public string? DivisionName { get; }

        public bool IsKnownDivision { get; }

        /// <summary>The grant holds in every division ("*"), present and future.</summary>
        public bool IsAllDivisions { get; }

        /// <summary>The role's permissions (empty for an unknown role).</summary>
        public ValueList<string> Permissions { get; }

        /// <summary>Those of Permissions the role holds only under a policy's resource condition.</summary>
        public ValueList<string> ConditionalPermissions { get; }

        internal IReadOnlyList<HeldPermission> Held { get; }

        /// <summary>The organization's role, shared by every grant of it (what checks learn of a role once serves them all); null when unknown.</summary>
        internal AuthorizationRole? Role { get; }

        /// <summary>The organization's permission catalogue, when it was read (a snapshot may not have one).</summary>
        internal PermissionCatalog? Catalog { get; }

        /// <summary>
        /// Read from the client's deprecated roleIds because it has no roleDivisions: taken as a grant in the
        /// home division, where the API puts a role given without a division.
        /// </summary>
        public bool IsFromRoleIds { get; }

        /// <summary>The role as a reader names it, "unknown role &lt;id&gt;" when the organization has none such.</summary>
        public string RoleDisplayName => RoleName ?? $"unknown role {RoleId}";

        /// <summary>The division as a reader names it, "unknown division &lt;id&gt;" when the organization has none such.</summary>
        public string DivisionDisplayName => DivisionName ?? $"unknown division {DivisionId}";

        public override string ToString() =>
            DisplayText.Visible(IsFromRoleIds ? $"{RoleDisplayName} ({DivisionDisplayName}, from roleIds)" : $"{RoleDisplayName} ({DivisionDisplayName})")!;
    }
}
