using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>How a client comes to hold a permission: which grant, which of its role's permissions, and how far it reaches.</summary>
    internal static class PermissionChains
    {
        private const int NamedAtMost = 8;

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
        public static string Reach(RoleGrant grant, IEnumerable<string> permissions) =>
            grant.Catalog == null || grant.IsAllDivisions ? string.Empty : Reach(grant, ReachOf(grant.Catalog, permissions));

        /// <summary>Appends "role 'R' (D) grants …" and how far it reaches: one grant's part of a permission finding's message.</summary>
        public static void AppendGrant(List<string> message, RoleGrant grant, string grants, PermissionReach reach)
        {
            message.Add("role '");
            message.Add(grant.RoleDisplayName);
            message.Add("' (");
            message.Add(grant.DivisionDisplayName);
            message.Add(") grants ");
            message.Add(grants);
            message.Add(Reach(grant, reach));
        }

        /// <summary>The same from the permissions' split worked out beforehand (<see cref="ReachOf"/>, with the grant's catalogue).</summary>
        public static string Reach(RoleGrant grant, PermissionReach reach) =>
            grant.Catalog == null || grant.IsAllDivisions || reach.IsEmpty ? string.Empty : reach.In(grant.DivisionDisplayName);

        /// <summary>Which of the permissions the catalogue says reach organization-wide and which only in a grant's division: what a role holds, the same for every grant of it.</summary>
        public static PermissionReach ReachOf(PermissionCatalog? catalog, IEnumerable<string> permissions)
        {
            if (catalog == null)
            {
                return PermissionReach.None;
            }

            var known = permissions.Distinct().Select(permission => (Permission: permission, Aware: catalog.IsDivisionAware(permission))).Where(entry => entry.Aware.HasValue).ToArray();
            var everywhere = known.Where(entry => entry.Aware == false).Select(entry => entry.Permission).ToArray();
            var here = known.Where(entry => entry.Aware == true).Select(entry => entry.Permission).ToArray();
            return new PermissionReach(everywhere.Length > 0 ? Names(everywhere) : null, here.Length > 0 ? Names(here) : null);
        }

        public static string Names(IReadOnlyList<string> permissions) =>
            string.Join(", ", permissions.Take(NamedAtMost).Select(permission => $"'{permission}'"))
            + (permissions.Count > NamedAtMost ? $" and {permissions.Count - NamedAtMost} more" : string.Empty);

        /// <summary>The concrete permissions a chain names: the held ones themselves, or what their "*" includes.</summary>
        public static IEnumerable<string> Concrete(HeldPermission held, IReadOnlyList<string> includes) =>
            includes.Count > 0 ? includes : held.HasWildcard ? Enumerable.Empty<string>() : new[] { held.Text };
    }

    /// <summary>A set of permissions split by how far a grant of them reaches, as named lists ("'a:b:c', 'd:e:f'"); null where none.</summary>
    internal sealed class PermissionReach
    {
        public static readonly PermissionReach None = new PermissionReach(null, null);

        // The text for a grant in each division asked (a role's reach is asked again for every client holding the role there).
        private readonly ConcurrentDictionary<string, string> _inDivision = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        public PermissionReach(string? everywhere, string? here)
        {
            Everywhere = everywhere;
            Here = here;
        }

        /// <summary>The permissions that are not division-aware: a grant of them applies organization-wide.</summary>
        public string? Everywhere { get; }

        /// <summary>The division-aware ones: a grant of them applies only in its division.</summary>
        public string? Here { get; }

        public bool IsEmpty => Everywhere == null && Here == null;

        /// <summary>", organization-wide for ... (not division-aware) and only in division 'X' for ...": the reach of a grant in the division (by its display name).</summary>
        public string In(string division) =>
            _inDivision.TryGetValue(division, out var text) ? text : _inDivision.GetOrAdd(division, Describe(division));

        private string Describe(string divisionName)
        {
            var division = divisionName == RoleGrant.HomeDivisionName ? "the home division" : $"division '{divisionName}'";
            if (Everywhere != null && Here != null)
            {
                return $", organization-wide for {Everywhere} (not division-aware) and only in {division} for {Here}";
            }

            return Everywhere != null ? ", organization-wide (not division-aware)"
                : Here != null ? $", only in {division}"
                : string.Empty;
        }
    }
}
