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

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            if (client.Roles.All(grant => Wildcards.For(grant).Length == 0))
            {
                yield break;
            }

            var held = client.Roles
                .SelectMany(grant => Wildcards.For(grant).Select(wildcard => (Grant: grant, Wildcard: wildcard)))
                .GroupBy(chain => chain.Wildcard.Text);
            foreach (var permission in held)
            {
                var chains = permission.Select(chain =>
                    $"role '{chain.Grant.RoleDisplayName}' ({chain.Grant.DivisionDisplayName}) grants {chain.Wildcard.Grants}" + PermissionChains.Reach(chain.Grant, chain.Wildcard.Reach));
                yield return new FindingDraft(FindingKind.WildcardPermission, permission.Key,
                    $"holds the wildcard permission '{permission.Key}': {string.Join("; ", chains)}.", Remediations.RemoveRole);
            }
        }
    }
}
