using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Every scope held must be one the registry lists: others are retired or misspelt.</summary>
    internal sealed class UnknownScopesCheck : IRuleCheck
    {
        public IEnumerable<FindingDraft> Check(CheckContext context) =>
            context.Client.UnknownScopes.Select(name => new FindingDraft(FindingKind.UnknownScope, name,
                $"holds '{name}', which the scope registry does not list (retired or misspelt).", Remediations.ReplaceUnknownScope));
    }
}
