using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must be in one of the allowed states (e.g. flag inactive clients pending deletion).</summary>
    internal sealed class StateCheck : IRuleCheck
    {
        private readonly HashSet<string> _allowed;

        // The same for every client: built once.
        private readonly string _allowedList;

        public StateCheck(IReadOnlyList<string> allowed)
        {
            _allowed = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
            _allowedList = string.Join(", ", allowed);
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            var state = client.State ?? "(none)";
            if (!_allowed.Contains(state))
            {
                var deletion = client.DateToDelete is UtcTimestamp date ? $", pending deletion on {date:yyyy-MM-dd}" : string.Empty;
                yield return new FindingDraft(FindingKind.DisallowedState, state,
                    $"is '{state}'{deletion}; the rule allows {_allowedList}.", Remediations.ReviewState);
            }
        }
    }
}
