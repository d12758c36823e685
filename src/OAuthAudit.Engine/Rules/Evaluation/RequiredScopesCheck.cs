using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold a scope granting each required one (holding X grants X:readonly).</summary>
    internal sealed class RequiredScopesCheck : IRuleCheck
    {
        private readonly IReadOnlyList<ScopePattern> _required;

        // The same for every client: built once.
        private readonly string[] _missing;

        public RequiredScopesCheck(IReadOnlyList<ScopePattern> required)
        {
            _required = required;
            _missing = required.Select(pattern => $"requires scope '{pattern}' and holds no scope that grants it.").ToArray();
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var grants = context.Facts.ScopeGrants;
            for (var index = 0; index < _required.Count; index++)
            {
                var required = _required[index];
                var satisfied = false;
                var direct = false;
                foreach (var grant in grants)
                {
                    if (required.Matches(grant.Granted))
                    {
                        satisfied = true;
                        if (grant.Granted == grant.HeldAs)
                        {
                            direct = true;
                            break;
                        }
                    }
                }

                if (!satisfied)
                {
                    yield return new FindingDraft(FindingKind.MissingScope, required.Text, _missing[index], Remediations.AddScope);
                }
                else if (!direct)
                {
                    var heldAs = string.Join("', '", grants.Where(grant => required.Matches(grant.Granted)).Select(grant => grant.HeldAs).Distinct());
                    yield return new FindingDraft(FindingKind.ImpliedScope, required.Text,
                        $"requires '{required}': satisfied by '{heldAs}', which also grants it.", Remediations.None, Severity.Info);
                }
            }
        }
    }
}
