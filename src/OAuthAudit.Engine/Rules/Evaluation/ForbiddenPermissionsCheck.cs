using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// No role of the client may hold a permission a forbidden pattern overlaps: "oauth:client:*" forbids any
    /// action on OAuth clients, however the role lists it; "*:*:*" held overlaps every pattern.
    /// </summary>
    internal sealed class ForbiddenPermissionsCheck : IRuleCheck
    {
        private readonly IReadOnlyList<PermissionPattern> _forbidden;

        public ForbiddenPermissionsCheck(IReadOnlyList<PermissionPattern> forbidden)
        {
            _forbidden = forbidden;
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            foreach (var pattern in _forbidden)
            {
                var chains = PermissionChains.Overlapping(client, pattern);
                if (chains.Count > 0)
                {
                    yield return new FindingDraft(FindingKind.ForbiddenPermission, pattern.Text,
                        $"holds the forbidden permission '{pattern}': {string.Join("; ", chains.Select(chain => Describe(chain.Grant, chain.Held, pattern)))}.", Remediations.RemoveRole);
                }
            }
        }

        private static string Describe(RoleGrant grant, IReadOnlyList<HeldPermission> held, PermissionPattern pattern)
        {
            var named = held.Select(permission => (Held: permission, Includes: PermissionChains.Includes(grant, permission, pattern))).ToArray();
            var separator = named.Any(entry => entry.Includes.Count > 0) ? " and " : ", ";
            return $"role '{grant.RoleDisplayName}' ({grant.DivisionDisplayName}) grants {string.Join(separator, named.Select(entry => PermissionChains.Describe(entry.Held, entry.Includes)))}"
                + PermissionChains.Reach(grant, named.SelectMany(entry => PermissionChains.Concrete(entry.Held, entry.Includes)));
        }
    }
}
