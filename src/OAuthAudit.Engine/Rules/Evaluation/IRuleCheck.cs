namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>One demand of a rule (required scopes, token lifetime, ...), checked against one client in its context: each finding goes to <see cref="CheckContext.Found"/>.</summary>
    internal interface IRuleCheck
    {
        void Check(CheckContext context);
    }
}
