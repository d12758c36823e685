using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Grants must stay in the allowed divisions; a grant in all divisions ("*") can be forbidden outright.</summary>
    internal sealed class DivisionCheck : IRuleCheck
    {
        private readonly WildcardNames? _allowed;
        private readonly bool _forbidAllDivisions;
        private static readonly RoleFacts<PermissionReach> RoleReach = new RoleFacts<PermissionReach>(grant =>
            PermissionChains.ReachOf(grant.Catalog, grant.Held.SelectMany(held => PermissionChains.Concrete(held, PermissionChains.Includes(grant, held)))));

        // Per role, by division: the reach as this check words it.
        private static readonly RoleFacts<ConcurrentDictionary<string, string>> Applies =
            new RoleFacts<ConcurrentDictionary<string, string>>(_ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));

        public DivisionCheck(IReadOnlyList<string>? allowed, bool forbidAllDivisions)
        {
            _allowed = allowed == null ? null : new WildcardNames(allowed, remember: true);
            _forbidAllDivisions = forbidAllDivisions;
        }

        public void Check(CheckContext context)
        {
            var roles = context.Client.Roles;
            for (var index = 0; index < roles.Count; index++)
            {
                var grant = roles[index];
                if (_forbidAllDivisions && grant.IsAllDivisions)
                {
                    context.Found(FindingKind.AllDivisionsGrant, grant.ToString(),
                        context.Named + "holds role '" + grant.RoleDisplayName + "' in all divisions, present and future.", Remediations.NarrowDivisions);
                }
                else if (_allowed != null && grant.IsKnownDivision && !_allowed.Matches(grant.IsAllDivisions ? RoleDivision.AllDivisions : grant.DivisionName!))
                {
                    context.Found(FindingKind.DisallowedDivision, grant.ToString(),
                        context.Named + "holds role '" + grant.RoleDisplayName + "' in " + (grant.IsAllDivisions ? "all divisions" : "division '" + grant.DivisionDisplayName + "'")
                        + ", outside the allowed divisions" + Reach(grant) + ".", Remediations.NarrowDivisions);
                }
            }
        }

        /// <summary>"; the grant applies organization-wide (not division-aware)" and the like, when the catalogue tells.</summary>
        private static string Reach(RoleGrant grant)
        {
            var reach = RoleReach.For(grant);
            if (grant.Catalog == null || grant.IsAllDivisions || reach.IsEmpty)
            {
                return string.Empty;
            }

            var division = grant.DivisionDisplayName;
            var known = Applies.For(grant);
            return known.TryGetValue(division, out var text) ? text : known.GetOrAdd(division, "; the grant applies" + reach.In(division).Substring(1));
        }
    }
}
