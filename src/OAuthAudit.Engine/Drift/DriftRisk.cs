using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>
    /// The one table of change risks. "Flagged" means the baseline in effect (the given one, else the built-in one)
    /// has an outstanding (unwaived) finding about that very item on the difference side.
    /// <list type="table">
    /// <item>High: a scope added (or joining the registry) that is flagged forbidden or not allowed; a role grant added
    /// in all divisions, whose role holds an escalation or wildcard permission, or that is flagged (forbidden role,
    /// division, permission, escalation); permissions added to a held role that include an escalation, wildcard or
    /// flagged permission; a redirect URI added that is flagged; a longer token lifetime that is flagged; a grant type
    /// change to a flagged grant type; a new client holding a wildcard (a "*" permission, an all-divisions grant, a
    /// "*" in a redirect URI) or with an outstanding High or Critical finding.</item>
    /// <item>Medium: any other addition (client, scope, redirect URI, role grant, permissions, a scope joining the
    /// registry), a longer or newly set token lifetime, a grant type change, a client made active.</item>
    /// <item>Low: removals (client, scope, redirect URI, role grant, a scope leaving the registry, a division removed),
    /// a shorter token lifetime, a client made inactive or disabled, a role that only lost permissions.</item>
    /// <item>Info: renames of clients, roles and divisions, description changes, a resolved finding.</item>
    /// <item>A finding that appeared: High for a High or Critical finding, else its severity (Medium, Low, Info); Info when waived.</item>
    /// </list>
    /// </summary>
    internal sealed class DriftRisk
    {
        private static readonly FindingKind[] ScopeFlags = { FindingKind.ForbiddenScope, FindingKind.ExcessiveScope };
        private static readonly FindingKind[] GrantFlags = { FindingKind.DisallowedDivision, FindingKind.AllDivisionsGrant, FindingKind.PrivilegeEscalation };
        private static readonly FindingKind[] RedirectFlags = { FindingKind.InsecureRedirectUri, FindingKind.WildcardRedirectUri, FindingKind.LocalhostRedirectUri };

        private readonly IReadOnlyList<Finding> _outstanding;

        /// <param name="outstanding">The difference side's outstanding findings about the client (none when it was removed).</param>
        public DriftRisk(IEnumerable<Finding> outstanding)
        {
            _outstanding = outstanding.Where(finding => finding.IsOutstanding).ToArray();
        }

        public static ChangeRisk Removal => ChangeRisk.Low;

        public static ChangeRisk Cosmetic => ChangeRisk.Info;

        public ChangeRisk ClientAdded(OAuthClient client) =>
            HasWildcard(client) || _outstanding.Any(finding => finding.Severity >= Severity.High) ? ChangeRisk.High : ChangeRisk.Medium;

        public ChangeRisk ScopeAdded(string scope) => Flagged(ScopeFlags, scope, StringComparer.OrdinalIgnoreCase) ? ChangeRisk.High : ChangeRisk.Medium;

        public ChangeRisk RedirectUriAdded(string uri) => Flagged(RedirectFlags, uri, StringComparer.Ordinal) ? ChangeRisk.High : ChangeRisk.Medium;

        public ChangeRisk RoleGrantAdded(RoleGrant grant) =>
            grant.IsAllDivisions
            || grant.Permissions.Any(IsDangerous)
            || (grant.RoleName != null && Flagged(new[] { FindingKind.ForbiddenRole }, grant.RoleName, StringComparer.OrdinalIgnoreCase))
            || Flagged(GrantFlags, grant.ToString(), StringComparer.Ordinal)
                ? ChangeRisk.High
                : ChangeRisk.Medium;

        public ChangeRisk PermissionsChanged(IReadOnlyCollection<string> added) =>
            added.Count == 0 ? ChangeRisk.Low : added.Any(IsDangerous) ? ChangeRisk.High : ChangeRisk.Medium;

        public ChangeRisk TokenLifetimeChanged(int? before, int? after) =>
            after.HasValue && before.HasValue && after < before ? ChangeRisk.Low
            : _outstanding.Any(finding => finding.Kind == FindingKind.TokenLifetime) ? ChangeRisk.High
            : ChangeRisk.Medium;

        public ChangeRisk GrantTypeChanged() =>
            _outstanding.Any(finding => finding.Kind == FindingKind.DeprecatedGrantType) ? ChangeRisk.High : ChangeRisk.Medium;

        public static ChangeRisk StateChanged(string? after) =>
            string.Equals(after, ClientStates.Active, StringComparison.OrdinalIgnoreCase) ? ChangeRisk.Medium : ChangeRisk.Low;

        public static ChangeRisk FindingAppeared(Finding finding) =>
            finding.Waived ? ChangeRisk.Info
            : finding.Severity >= Severity.High ? ChangeRisk.High
            : finding.Severity == Severity.Medium ? ChangeRisk.Medium
            : finding.Severity == Severity.Low ? ChangeRisk.Low
            : ChangeRisk.Info;

        public static ChangeRisk FindingResolved => ChangeRisk.Info;

        /// <summary>An escalation permission, a wildcard, or one a flagged forbidden-permission pattern overlaps.</summary>
        private bool IsDangerous(string permission) =>
            permission.Split(':').Contains(PermissionPattern.Any)
            || EscalationPermissions.All.Any(entry => entry.Permission.IsGrantedBy(permission))
            || _outstanding.Any(finding => finding.Kind == FindingKind.ForbiddenPermission && PermissionPattern.IsValid(finding.Subject) && new PermissionPattern(finding.Subject).Overlaps(permission));

        private bool Flagged(IReadOnlyCollection<FindingKind> kinds, string subject, StringComparer comparer) =>
            _outstanding.Any(finding => kinds.Contains(finding.Kind) && comparer.Equals(finding.Subject, subject));

        private static bool HasWildcard(OAuthClient client) =>
            client.Roles.Any(grant => grant.IsAllDivisions || grant.Permissions.Any(permission => permission.Split(':').Contains(PermissionPattern.Any)))
            || client.RegisteredRedirectUri.Any(uri => uri.IndexOf('*') >= 0);
    }
}
