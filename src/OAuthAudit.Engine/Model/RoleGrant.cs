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

        internal RoleGrant(RoleDivision grant, AuthorizationRole? role, AuthorizationDivision? division, bool fromRoleIds = false)
        {
            IsFromRoleIds = fromRoleIds;
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

        /// <summary>
        /// Read from the client's deprecated roleIds because it has no roleDivisions: taken as a grant in the
        /// home division, where the API puts a role given without a division.
        /// </summary>
        public bool IsFromRoleIds { get; }

        public override string ToString() => IsFromRoleIds ? $"{RoleName} ({DivisionName}, from roleIds)" : $"{RoleName} ({DivisionName})";
    }
}
