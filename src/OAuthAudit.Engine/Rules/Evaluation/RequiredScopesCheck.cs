using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold a scope granting each required one (holding X grants X:readonly).</summary>
    internal sealed class RequiredScopesCheck : IRuleCheck
    {
        private readonly IReadOnlyList<ScopePattern> _required;

        public RequiredScopesCheck(IReadOnlyList<ScopePattern> required)
        {
            _required = required;
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            var grants = ScopeSemantics.Grants(client.Scopes.Select(scope => scope.Name));
            foreach (var required in _required)
            {
                var satisfying = grants.Where(grant => required.Matches(grant.Granted)).ToArray();
                if (satisfying.Length == 0)
                {
                    yield return new FindingDraft(FindingKind.MissingScope, required.Text,
                        $"requires scope '{required}' and holds no scope that grants it.", Remediations.AddScope);
                }
                else if (satisfying.All(grant => grant.Granted != grant.HeldAs))
                {
                    var heldAs = string.Join("', '", satisfying.Select(grant => grant.HeldAs).Distinct());
                    yield return new FindingDraft(FindingKind.ImpliedScope, required.Text,
                        $"requires '{required}': satisfied by '{heldAs}', which also grants it.", Remediations.None, Severity.Info);
                }
            }
        }
    }
}
