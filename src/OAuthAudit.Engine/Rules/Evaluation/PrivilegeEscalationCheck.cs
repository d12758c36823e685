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

        public void Check(CheckContext context)
        {
            var roles = context.Client.Roles;
            for (var index = 0; index < roles.Count; index++)
            {
                var grant = roles[index];
                var paths = Paths.For(grant);
                if (paths.Chains == null)
                {
                    continue;
                }

                context.Found(FindingKind.PrivilegeEscalation, grant.ToString(),
                    context.Named + "can widen access: role '" + grant.RoleDisplayName + "' (" + grant.DivisionDisplayName + ") grants " + paths.Chains
                    + PermissionChains.Reach(grant, paths.Reach) + ".", Remediations.RemoveRole);
            }
        }

        private static RolePaths PathsOf(RoleGrant grant)
        {
            // Each escalation permission the role grants, with the held permission granting it (an unconditional one before a conditional one).
            var paths = new List<EscalationPath>();
            foreach (var escalation in EscalationPermissions.All)
            {
                var held = GrantedBy(grant.Held, escalation.Permission, conditional: false) ?? GrantedBy(grant.Held, escalation.Permission, conditional: true);
                if (held != null)
                {
                    paths.Add(new EscalationPath(escalation.Permission, escalation.Why, held));
                }
            }

            if (paths.Count == 0)
            {
                return RolePaths.None;
            }

            // One chain per held permission, in the order first named.
            var chains = new List<string>();
            var done = new List<HeldPermission>();
            var permissions = new string[paths.Count];
            for (var index = 0; index < paths.Count; index++)
            {
                permissions[index] = paths[index].Permission.Text;
                var held = paths[index].Held;
                if (done.Contains(held))
                {
                    continue;
                }

                done.Add(held);
                var same = paths.Where(path => path.Held == held).ToArray();
                chains.Add(same.Length == 1 && same[0].Permission.Text == held.Text
                    ? $"{held.Describe()} ({same[0].Why})"
                    : $"{held.Describe()}, which includes {string.Join(", ", same.Select(path => $"'{path.Permission}' ({path.Why})"))}");
            }

            return new RolePaths(string.Join("; and ", chains), PermissionChains.ReachOf(grant.Catalog, permissions));
        }

        private static HeldPermission? GrantedBy(IReadOnlyList<HeldPermission> held, PermissionPattern permission, bool conditional)
        {
            for (var index = 0; index < held.Count; index++)
            {
                if (held[index].IsConditional == conditional && permission.IsGrantedBy(held[index].Text))
                {
                    return held[index];
                }
            }

            return null;
        }

        private sealed class EscalationPath
        {
            public EscalationPath(PermissionPattern permission, string why, HeldPermission held)
            {
                Permission = permission;
                Why = why;
                Held = held;
            }

            public PermissionPattern Permission { get; }

            public string Why { get; }

            public HeldPermission Held { get; }
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
