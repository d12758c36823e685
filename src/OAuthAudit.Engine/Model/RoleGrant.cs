using System.Collections.Generic;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// One role granted to a client-credentials client in one division, resolved to names. An id the
    /// organization does not know is kept and flagged (IsKnownRole/IsKnownDivision false), never dropped.
    /// </summary>
    public sealed class RoleGrant
    {
        public const string AllDivisionsName = "all divisions";
        public const string HomeDivisionName = "home division";

        internal RoleGrant(RoleDivision grant, AuthorizationRole? role, AuthorizationDivision? division, PermissionCatalog? catalog = null)
        {
            RoleId = grant.RoleId;
            RoleName = role?.Name ?? $"unknown role {grant.RoleId}";
            IsKnownRole = role != null;
            IsAllDivisions = grant.IsAllDivisions;
            var home = string.IsNullOrEmpty(grant.DivisionId);
            DivisionId = grant.IsAllDivisions ? RoleDivision.AllDivisions : division?.Id ?? grant.DivisionId;
            DivisionName = grant.IsAllDivisions ? AllDivisionsName
                : division?.Name ?? (home ? HomeDivisionName : $"unknown division {grant.DivisionId}");
            IsKnownDivision = grant.IsAllDivisions || home || division != null;
            Permissions = role?.Permissions ?? ValueList<string>.Empty;
            ConditionalPermissions = role?.ConditionalPermissions ?? ValueList<string>.Empty;
            Held = role?.Held ?? new HeldPermission[0];
            Catalog = catalog;
        }

        public string RoleId { get; }

        public string RoleName { get; }

        public bool IsKnownRole { get; }

        public string? DivisionId { get; }

        public string DivisionName { get; }

        public bool IsKnownDivision { get; }

        /// <summary>The grant holds in every division ("*"), present and future.</summary>
        public bool IsAllDivisions { get; }

        /// <summary>The role's permissions (empty for an unknown role).</summary>
        public ValueList<string> Permissions { get; }

        /// <summary>Those of Permissions the role holds only under a policy's resource condition.</summary>
        public ValueList<string> ConditionalPermissions { get; }

        internal IReadOnlyList<HeldPermission> Held { get; }

        /// <summary>The organization's permission catalogue, when it was read (a snapshot may not have one).</summary>
        internal PermissionCatalog? Catalog { get; }

        public override string ToString() => $"{RoleName} ({DivisionName})";
    }
}
