using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold no role matching a forbidden name, in any division.</summary>
    internal sealed class ForbiddenRolesCheck : IRuleCheck
    {
        private readonly WildcardNames _forbidden;

        public ForbiddenRolesCheck(IReadOnlyList<string> forbidden)
        {
            _forbidden = new WildcardNames(forbidden, remember: true);
        }

        public IEnumerable<FindingDraft> Check(CheckContext context) =>
            context.Client.Roles
                .Where(grant => grant.IsKnownRole && _forbidden.Matches(grant.RoleName!))
                .GroupBy(grant => grant.RoleName!)
                .Select(grants => new FindingDraft(FindingKind.ForbiddenRole, grants.Key,
                    $"holds role '{grants.Key}' ({string.Join(", ", grants.Select(grant => grant.DivisionDisplayName))}), which is forbidden.", Remediations.RemoveRole));
    }
}
