using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>How a client comes to hold a permission: which grant, and which of its role's permissions.</summary>
    internal static class PermissionChains
    {
        public static IReadOnlyList<(RoleGrant Grant, string Held)> Granting(OAuthClient client, PermissionPattern pattern) =>
            client.Roles
                .SelectMany(grant => grant.Permissions.Where(pattern.IsGrantedBy).Select(held => (grant, held)))
                .ToArray();

        public static string Describe(IReadOnlyList<(RoleGrant Grant, string Held)> chains)
        {
            var (grant, held) = chains[0];
            var others = chains.Count > 1 ? $" (and {chains.Count - 1} other grant{(chains.Count > 2 ? "s" : string.Empty)})" : string.Empty;
            return $"role '{grant.RoleDisplayName}' ({grant.DivisionDisplayName}) grants '{held}'{others}";
        }
    }
}
