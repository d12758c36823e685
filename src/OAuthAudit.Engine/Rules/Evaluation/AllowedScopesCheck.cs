using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Least privilege: every scope held must be allowed (allowing X also allows X:readonly).</summary>
    internal sealed class AllowedScopesCheck : IRuleCheck
    {
        private readonly ScopePattern[] _allowed;

        // The same for every client: built once.
        private readonly string _allowedList;

        public AllowedScopesCheck(IReadOnlyList<ScopePattern> allowed)
        {
            _allowed = allowed.ToArray();
            _allowedList = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
        }

        public void Check(CheckContext context)
        {
            var scopes = context.Client.Scopes;
            for (var index = 0; index < scopes.Count; index++)
            {
                var held = scopes[index].Name;
                if (ScopeSemantics.IsAllowed(held, _allowed))
                {
                    continue;
                }

                var readOnlyAllowed = !ScopeSemantics.IsReadOnly(held) && ScopeSemantics.IsAllowed(held + OAuthScope.ReadOnlySuffix, _allowed);
                var message = readOnlyAllowed
                    ? context.Named + "holds '" + held + "', but only its read-only form '" + held + OAuthScope.ReadOnlySuffix + "' is allowed."
                    : context.Named + "holds '" + held + "', which is not among the allowed scopes (" + _allowedList + ").";
                context.Found(FindingKind.ExcessiveScope, held, message, Remediations.RemoveScope);
            }
        }
    }
}
