using System.Collections.Generic;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>One demand of a rule (required scopes, token lifetime, ...), checked against one client in its context.</summary>
    internal interface IRuleCheck
    {
        IEnumerable<FindingDraft> Check(CheckContext context);
    }
}
