namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Where a check's findings go, as found (no list of drafts per rule and client, no iterator per check).</summary>
    internal interface IFindingSink
    {
        /// <param name="message">The whole message, the client's name in front (<see cref="CheckContext.Named"/>).</param>
        /// <param name="remediation">Used when the rule gives no remediation of its own (or always, when <paramref name="remediationOverridesRule"/>).</param>
        /// <param name="fixedSeverity">Set for findings whose severity does not follow the rule's: Info ones, or Critical once a grant type has ended.</param>
        /// <param name="remediationOverridesRule">The remediation comes from the demand itself (a migration text), so it beats the rule's own.</param>
        void Found(FindingKind kind, string subject, string message, string remediation, Severity? fixedSeverity, bool remediationOverridesRule);
    }
}
