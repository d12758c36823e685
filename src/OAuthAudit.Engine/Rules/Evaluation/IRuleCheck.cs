using System.Collections.Generic;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>One demand of a rule (required scopes, token lifetime, ...), checked against one client.</summary>
    internal interface IRuleCheck
    {
        IEnumerable<FindingDraft> Check(OAuthClient client);
    }
}
