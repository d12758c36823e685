using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold no scope granting a forbidden one (holding X also grants X:readonly).</summary>
    internal sealed class ForbiddenScopesCheck : IRuleCheck
    {
        private readonly ScopePattern[] _forbidden;

        public ForbiddenScopesCheck(IReadOnlyList<ScopePattern> forbidden)
        {
            _forbidden = forbidden.ToArray();
        }

        public void Check(CheckContext context)
        {
            // Each held scope with a violation, in the order first seen: the first scope it grants that a pattern
            // forbids, and the first pattern forbidding the held scope itself (null when only its read-only form is).
            List<Violation>? violations = null;
            foreach (var grant in context.Facts.ScopeGrants)
            {
                var pattern = FirstForbidding(grant.Granted);
                if (pattern == null)
                {
                    continue;
                }

                violations ??= new List<Violation>();
                var violation = Of(violations, grant.HeldAs);
                if (violation == null)
                {
                    violation = new Violation(grant.HeldAs, grant.Granted);
                    violations.Add(violation);
                }

                if (violation.Direct == null && grant.Granted == grant.HeldAs)
                {
                    violation.Direct = pattern;
                }
            }

            if (violations == null)
            {
                return;
            }

            foreach (var violation in violations)
            {
                var held = violation.Held;
                var message = violation.Direct != null
                    ? context.Named + "holds '" + held + "', which is forbidden (by '" + violation.Direct.Text + "')."
                    : context.Named + "holds '" + held + "', which grants the forbidden '" + violation.FirstGranted + "'.";
                context.Found(FindingKind.ForbiddenScope, held, message, Remediations.RemoveScope);
            }
        }

        /// <summary>The violation noted for the held scope (compared exactly), or null.</summary>
        private static Violation? Of(List<Violation> violations, string held)
        {
            foreach (var violation in violations)
            {
                if (string.Equals(violation.Held, held, System.StringComparison.Ordinal))
                {
                    return violation;
                }
            }

            return null;
        }

        private ScopePattern? FirstForbidding(string granted)
        {
            foreach (var pattern in _forbidden)
            {
                if (pattern.Matches(granted))
                {
                    return pattern;
                }
            }

            return null;
        }

        private sealed class Violation
        {
            public Violation(string held, string firstGranted)
            {
                Held = held;
                FirstGranted = firstGranted;
            }

            public string Held { get; }

            public string FirstGranted { get; }

            public ScopePattern? Direct { get; set; }
        }
    }
}
