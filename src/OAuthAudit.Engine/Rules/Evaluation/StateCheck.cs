using System;
using System.Collections.Generic;
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
            _allowedList = "; the rule allows " + string.Join(", ", allowed) + ".";
        }

        public void Check(CheckContext context)
        {
            var client = context.Client;
            var state = client.State ?? "(none)";
            if (!_allowed.Contains(state))
            {
                var deletion = client.DateToDelete is UtcTimestamp date ? $", pending deletion on {date:yyyy-MM-dd}" : string.Empty;
                context.Found(FindingKind.DisallowedState, state, context.Named + "is '" + state + "'" + deletion + _allowedList, Remediations.ReviewState);
            }
        }
    }
}
