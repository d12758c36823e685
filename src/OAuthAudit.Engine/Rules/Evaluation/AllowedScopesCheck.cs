using System.Collections.Generic;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Least privilege: every scope held must be allowed (allowing X also allows X:readonly).</summary>
    internal sealed class AllowedScopesCheck : IRuleCheck
    {
        private readonly IReadOnlyList<ScopePattern> _allowed;

        // The same for every client: built once.
        private readonly string _allowedList;

        public AllowedScopesCheck(IReadOnlyList<ScopePattern> allowed)
        {
            _allowed = allowed;
            _allowedList = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            foreach (var scope in context.Client.Scopes)
            {
                var held = scope.Name;
                if (ScopeSemantics.IsAllowed(held, _allowed))
                {
                    continue;
                }

                var readOnlyAllowed = !ScopeSemantics.IsReadOnly(held) && ScopeSemantics.IsAllowed(held + OAuthScope.ReadOnlySuffix, _allowed);
                var message = readOnlyAllowed
                    ? $"holds '{held}', but only its read-only form '{held}{OAuthScope.ReadOnlySuffix}' is allowed."
                    : $"holds '{held}', which is not among the allowed scopes ({_allowedList}).";
                yield return new FindingDraft(FindingKind.ExcessiveScope, held, message, Remediations.RemoveScope);
            }
        }
    }
}
