using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold no scope granting a forbidden one (holding X also grants X:readonly).</summary>
    internal sealed class ForbiddenScopesCheck : IRuleCheck
    {
        private readonly IReadOnlyList<ScopePattern> _forbidden;

        public ForbiddenScopesCheck(IReadOnlyList<ScopePattern> forbidden)
        {
            _forbidden = forbidden;
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            var violations = ScopeSemantics.Grants(client.Scopes.Select(scope => scope.Name))
                .SelectMany(grant => _forbidden.Where(pattern => pattern.Matches(grant.Granted)).Select(pattern => (grant.Granted, grant.HeldAs, Pattern: pattern)))
                .GroupBy(violation => violation.HeldAs);
            foreach (var violation in violations)
            {
                var direct = violation.FirstOrDefault(item => item.Granted == item.HeldAs);
                var message = direct.HeldAs != null
                    ? $"holds '{violation.Key}', which is forbidden (by '{direct.Pattern}')."
                    : $"holds '{violation.Key}', which grants the forbidden '{violation.First().Granted}'.";
                yield return new FindingDraft(FindingKind.ForbiddenScope, violation.Key, message, Remediations.RemoveScope);
            }
        }
    }
}
