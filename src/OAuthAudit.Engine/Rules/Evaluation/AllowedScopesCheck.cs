using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Least privilege: every scope held must be allowed (allowing X also allows X:readonly).</summary>
    internal sealed class AllowedScopesCheck : IRuleCheck
    {
        private readonly IReadOnlyList<ScopePattern> _allowed;

        public AllowedScopesCheck(IReadOnlyList<ScopePattern> allowed)
        {
            _allowed = allowed;
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            var allowedList = _allowed.Count == 0 ? "none" : string.Join(", ", _allowed);
            foreach (var held in client.Scopes.Select(scope => scope.Name).Where(name => !ScopeSemantics.IsAllowed(name, _allowed)))
            {
                var readOnlyAllowed = !ScopeSemantics.IsReadOnly(held) && ScopeSemantics.IsAllowed(held + OAuthScope.ReadOnlySuffix, _allowed);
                var message = readOnlyAllowed
                    ? $"holds '{held}', but only its read-only form '{held}{OAuthScope.ReadOnlySuffix}' is allowed."
                    : $"holds '{held}', which is not among the allowed scopes ({allowedList}).";
                yield return new FindingDraft(FindingKind.ExcessiveScope, held, message, Remediations.RemoveScope);
            }
        }
    }
}
