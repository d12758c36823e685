using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>No role of the client may hold a permission with "*" in a part: it grants actions nobody listed, including ones added later.</summary>
    internal sealed class WildcardPermissionsCheck : IRuleCheck
    {
        // Per role: each wildcard permission it holds, described with what it includes, and how far that reaches.
        private static readonly RoleFacts<(string Text, string Grants, PermissionReach Reach)[]> Wildcards =
            new RoleFacts<(string Text, string Grants, PermissionReach Reach)[]>(grant => grant.Held
                .Where(permission => permission.HasWildcard)
                .Select(permission =>
                {
                    var includes = PermissionChains.Includes(grant, permission);
                    return (permission.Text, PermissionChains.Describe(permission, includes), PermissionChains.ReachOf(grant.Catalog, includes));
                })
                .ToArray());

        public void Check(CheckContext context)
        {
            // Each wildcard permission held (exactly as written), in the order first held, with the chains granting it.
            List<(string Text, List<string> Chains)>? held = null;
            var roles = context.Client.Roles;
            for (var index = 0; index < roles.Count; index++)
            {
                var grant = roles[index];
                foreach (var wildcard in Wildcards.For(grant))
                {
                    held ??= new List<(string, List<string>)>();
                    var chains = ChainsOf(held, wildcard.Text);
                    if (chains == null)
                    {
                        chains = new List<string>();
                        held.Add((wildcard.Text, chains));
                    }

                    chains.Add("role '" + grant.RoleDisplayName + "' (" + grant.DivisionDisplayName + ") grants " + wildcard.Grants + PermissionChains.Reach(grant, wildcard.Reach));
                }
            }

            if (held == null)
            {
                return;
            }

            foreach (var (text, chains) in held)
            {
                context.Found(FindingKind.WildcardPermission, text,
                    context.Named + "holds the wildcard permission '" + text + "': " + string.Join("; ", chains) + ".", Remediations.RemoveRole);
            }
        }

        private static List<string>? ChainsOf(List<(string Text, List<string> Chains)> held, string text)
        {
            foreach (var entry in held)
            {
                if (string.Equals(entry.Text, text, System.StringComparison.Ordinal))
                {
                    return entry.Chains;
                }
            }

            return null;
        }
    }
}
