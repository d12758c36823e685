using System;
using System.Collections.Generic;
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
            // Each held scope with a violation, in the order first seen: the first scope it grants that a pattern
            // forbids, and the first pattern forbidding the held scope itself (null when only its read-only form is).
            List<string>? order = null;
            Dictionary<string, (string FirstGranted, ScopePattern? Direct)>? violations = null;
            foreach (var grant in context.Facts.ScopeGrants)
            {
                var pattern = FirstForbidding(grant.Granted);
                if (pattern == null)
                {
                    continue;
                }

                order ??= new List<string>();
                violations ??= new Dictionary<string, (string, ScopePattern?)>(StringComparer.Ordinal);
                if (!violations.TryGetValue(grant.HeldAs, out var violation))
                {
                    violation = (grant.Granted, null);
                    order.Add(grant.HeldAs);
                }

                if (violation.Direct == null && grant.Granted == grant.HeldAs)
                {
                    violation.Direct = pattern;
                }

                violations[grant.HeldAs] = violation;
            }

            if (order == null)
            {
                yield break;
            }

            foreach (var held in order)
            {
                var violation = violations![held];
                var message = violation.Direct != null
                    ? $"holds '{held}', which is forbidden (by '{violation.Direct}')."
                    : $"holds '{held}', which grants the forbidden '{violation.FirstGranted}'.";
                yield return new FindingDraft(FindingKind.ForbiddenScope, held, message, Remediations.RemoveScope);
            }
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
    }
}
