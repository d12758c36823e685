using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// Flags each role grant that lets the client widen its own or anyone's access, naming the chain:
    /// the role, the division, the permission it holds and what that permission allows. An unconditional
    /// path is named before a conditional one.
    /// </summary>
    internal sealed class PrivilegeEscalationCheck : IRuleCheck
    {
        // The paths depend on the role alone; only the division (and so the reach) differs between its grants.
        private static readonly RoleFacts<RolePaths> Paths = new RoleFacts<RolePaths>(PathsOf);

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            foreach (var grant in client.Roles)
            {
                var paths = Paths.For(grant);
                if (paths.Chains == null)
                {
                    continue;
                }

                yield return new FindingDraft(FindingKind.PrivilegeEscalation, grant.ToString(),
                    $"can widen access: role '{grant.RoleDisplayName}' ({grant.DivisionDisplayName}) grants {paths.Chains}"
                    + $"{PermissionChains.Reach(grant, paths.Reach)}.", Remediations.RemoveRole);
            }
        }

        private static RolePaths PathsOf(RoleGrant grant)
        {
            var paths = EscalationPermissions.All
                .Select(escalation => (escalation.Permission, escalation.Why, Held: grant.Held.OrderBy(held => held.IsConditional).FirstOrDefault(held => escalation.Permission.IsGrantedBy(held.Text))))
                .Where(path => path.Held != null)
                .ToArray();
            if (paths.Length == 0)
            {
                return RolePaths.None;
            }

            var chains = paths.GroupBy(path => path.Held!).Select(held => held.Count() == 1 && held.First().Permission.Text == held.Key.Text
                ? $"{held.Key.Describe()} ({held.First().Why})"
                : $"{held.Key.Describe()}, which includes {string.Join(", ", held.Select(path => $"'{path.Permission}' ({path.Why})"))}");
            return new RolePaths(string.Join("; and ", chains), PermissionChains.ReachOf(grant.Catalog, paths.Select(path => path.Permission.Text)));
        }

        private sealed class RolePaths
        {
            public static readonly RolePaths None = new RolePaths(null, PermissionReach.None);

            public RolePaths(string? chains, PermissionReach reach)
            {
                Chains = chains;
                Reach = reach;
            }

            /// <summary>The escalation paths the role opens, described; null when it opens none.</summary>
            public string? Chains { get; }

            public PermissionReach Reach { get; }
        }
    }
}
