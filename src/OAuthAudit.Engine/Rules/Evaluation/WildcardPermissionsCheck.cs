using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>No role of the client may hold a permission with "*" in a part: it grants actions nobody listed, including ones added later.</summary>
    internal sealed class WildcardPermissionsCheck : IRuleCheck
    {
        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            var held = client.Roles
                .SelectMany(grant => grant.Held.Where(permission => permission.HasWildcard).Select(permission => (Grant: grant, Held: permission)))
                .GroupBy(chain => chain.Held.Text);
            foreach (var permission in held)
            {
                var chains = permission.Select(chain =>
                {
                    var includes = PermissionChains.Includes(chain.Grant, chain.Held);
                    return $"role '{chain.Grant.RoleDisplayName}' ({chain.Grant.DivisionDisplayName}) grants {PermissionChains.Describe(chain.Held, includes)}"
                        + PermissionChains.Reach(chain.Grant, includes);
                });
                yield return new FindingDraft(FindingKind.WildcardPermission, permission.Key,
                    $"holds the wildcard permission '{permission.Key}': {string.Join("; ", chains)}.", Remediations.RemoveRole);
            }
        }
    }
}
