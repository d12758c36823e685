using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold a scope granting each required one (holding X grants X:readonly).</summary>
    internal sealed class RequiredScopesCheck : IRuleCheck
    {
        private readonly ScopePattern[] _required;

        // The same for every client: built once.
        private readonly string[] _missing;

        public RequiredScopesCheck(IReadOnlyList<ScopePattern> required)
        {
            _required = required.ToArray();
            _missing = required.Select(pattern => $"requires scope '{pattern}' and holds no scope that grants it.").ToArray();
        }

        public void Check(CheckContext context)
        {
            var grants = context.Facts.ScopeGrants;
            for (var index = 0; index < _required.Length; index++)
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
                    context.Found(FindingKind.MissingScope, required.Text, context.Named + _missing[index], Remediations.AddScope);
                }
                else if (!direct)
                {
                    context.Found(FindingKind.ImpliedScope, required.Text,
                        context.Named + "requires '" + required.Text + "': satisfied by '" + HeldAs(grants, required) + "', which also grants it.", Remediations.None, Severity.Info);
                }
            }
        }

        /// <summary>"a', 'b": each held scope (once, in order) granting a scope the pattern matches.</summary>
        private static string HeldAs((string Granted, string HeldAs)[] grants, ScopePattern required)
        {
            var held = new List<string>();
            foreach (var grant in grants)
            {
                if (required.Matches(grant.Granted) && !held.Contains(grant.HeldAs))
                {
                    held.Add(grant.HeldAs);
                }
            }

            return string.Join("', '", held);
        }
    }
}
