using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>How a client comes to hold a permission: which grant, which of its role's permissions, and how far it reaches.</summary>
    internal static class PermissionChains
    {
        private const int NamedAtMost = 8;

        /// <summary>Each grant with the role's permissions that overlap the pattern, in grant order.</summary>
        public static IReadOnlyList<(RoleGrant Grant, IReadOnlyList<HeldPermission> Held)> Overlapping(OAuthClient client, PermissionPattern pattern) =>
            client.Roles
                .Select(grant => (Grant: grant, Held: (IReadOnlyList<HeldPermission>)grant.Held.Where(held => pattern.Overlaps(held.Text)).ToArray()))
                .Where(chain => chain.Held.Count > 0)
                .ToArray();

        /// <summary>The catalogue's actions a held permission with "*" stands for, narrowed to a pattern when one is given; empty without a catalogue.</summary>
        public static IReadOnlyList<string> Includes(RoleGrant grant, HeldPermission held, PermissionPattern? within = null) =>
            grant.Catalog == null || !held.HasWildcard
                ? new string[0]
                : grant.Catalog.Including(held.Text).Where(permission => within == null || PermissionPattern.Covers(within.Text, permission)).ToArray();

        /// <summary>"'oauth:client:*', which includes 'oauth:client:add', 'oauth:client:edit'" (at most a few named).</summary>
        public static string Describe(HeldPermission held, IReadOnlyList<string> includes) =>
            includes.Count == 0 ? held.Describe() : $"{held.Describe()}, which includes {Names(includes)}";

        /// <summary>
        /// For a grant in one division, how far the named permissions reach by the catalogue: organization-wide
        /// for those that are not division-aware, only in the grant's division for those that are. Empty for
        /// grants in all divisions and without a catalogue.
        /// </summary>
        public static string Reach(RoleGrant grant, IEnumerable<string> permissions)
        {
            if (grant.Catalog == null || grant.IsAllDivisions)
            {
                return string.Empty;
            }

            var known = permissions.Distinct().Select(permission => (Permission: permission, Aware: grant.Catalog.IsDivisionAware(permission))).Where(entry => entry.Aware.HasValue).ToArray();
            var everywhere = known.Where(entry => entry.Aware == false).Select(entry => entry.Permission).ToArray();
            var here = known.Where(entry => entry.Aware == true).Select(entry => entry.Permission).ToArray();
            var division = grant.DivisionName == RoleGrant.HomeDivisionName ? "the home division" : $"division '{grant.DivisionDisplayName}'";
            if (everywhere.Length > 0 && here.Length > 0)
            {
                return $", organization-wide for {Names(everywhere)} (not division-aware) and only in {division} for {Names(here)}";
            }

            return everywhere.Length > 0 ? ", organization-wide (not division-aware)"
                : here.Length > 0 ? $", only in {division}"
                : string.Empty;
        }

        public static string Names(IReadOnlyList<string> permissions) =>
            string.Join(", ", permissions.Take(NamedAtMost).Select(permission => $"'{permission}'"))
            + (permissions.Count > NamedAtMost ? $" and {permissions.Count - NamedAtMost} more" : string.Empty);

        /// <summary>The concrete permissions a chain names: the held ones themselves, or what their "*" includes.</summary>
        public static IEnumerable<string> Concrete(HeldPermission held, IReadOnlyList<string> includes) =>
            includes.Count > 0 ? includes : held.HasWildcard ? Enumerable.Empty<string>() : new[] { held.Text };
    }
}
