namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Every scope held must be one the registry lists: others are retired or misspelt.</summary>
    internal sealed class UnknownScopesCheck : IRuleCheck
    {
        public void Check(CheckContext context)
        {
            var unknown = context.Client.UnknownScopes;
            for (var index = 0; index < unknown.Count; index++)
            {
                var name = unknown[index];
                context.Found(FindingKind.UnknownScope, name,
                    context.Named + "holds '" + name + "', which the scope registry does not list (retired or misspelt).", Remediations.ReplaceUnknownScope);
            }
        }
    }
}
