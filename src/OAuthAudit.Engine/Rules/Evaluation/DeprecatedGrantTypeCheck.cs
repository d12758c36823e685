using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// A client on a grant type that is being retired: the rule's severity until the day it stops working,
    /// Critical from that day on (as of the evaluation time in the context); the remediation is the migration text.
    /// </summary>
    internal sealed class DeprecatedGrantTypeCheck : IRuleCheck
    {
        private readonly DeprecatedGrantType[] _deprecated;

        public DeprecatedGrantTypeCheck(IReadOnlyList<DeprecatedGrantType> deprecated)
        {
            _deprecated = deprecated.ToArray();
        }

        public void Check(CheckContext context)
        {
            var client = context.Client;
            DeprecatedGrantType? deprecated = null;
            foreach (var entry in _deprecated)
            {
                if (string.Equals(entry.GrantType, client.AuthorizedGrantType, StringComparison.OrdinalIgnoreCase))
                {
                    deprecated = entry;
                    break;
                }
            }

            if (deprecated == null)
            {
                return;
            }

            var date = deprecated.EndOfLife.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ended = deprecated.HasEnded(context.Now);
            var message = ended
                ? context.Named + "uses the " + deprecated.GrantType + " grant type, which was due to stop working on " + date + "; that date has passed."
                : context.Named + "uses the " + deprecated.GrantType + " grant type, which is being retired: it stops working on " + date + ", a date still ahead.";
            context.Found(FindingKind.DeprecatedGrantType, deprecated.GrantType, message, deprecated.Migration,
                ended ? Severity.Critical : (Severity?)null, remediationOverridesRule: true);
        }
    }
}
