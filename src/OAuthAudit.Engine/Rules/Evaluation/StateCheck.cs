using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must be in one of the allowed states (e.g. flag inactive clients pending deletion).</summary>
    internal sealed class StateCheck : IRuleCheck
    {
        private readonly IReadOnlyList<string> _allowed;

        public StateCheck(IReadOnlyList<string> allowed)
        {
            _allowed = allowed;
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            var state = client.State ?? "(none)";
            if (!_allowed.Contains(state, StringComparer.OrdinalIgnoreCase))
            {
                var deletion = client.DateToDelete is UtcTimestamp date ? $", pending deletion on {date:yyyy-MM-dd}" : string.Empty;
                yield return new FindingDraft(FindingKind.DisallowedState, state,
                    $"is '{state}'{deletion}; the rule allows {string.Join(", ", _allowed)}.", Remediations.ReviewState);
            }
        }
    }
}
