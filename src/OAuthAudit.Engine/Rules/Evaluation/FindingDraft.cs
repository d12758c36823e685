namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>What a check found, before the rule gives it an id, a severity and a remediation.</summary>
    internal sealed class FindingDraft
    {
        public FindingDraft(FindingKind kind, string subject, string message, string remediation, Severity? fixedSeverity = null, bool remediationOverridesRule = false)
        {
            RemediationOverridesRule = remediationOverridesRule;
            Kind = kind;
            Subject = subject;
            Message = message;
            Remediation = remediation;
            FixedSeverity = fixedSeverity;
        }

        public FindingKind Kind { get; }

        public string Subject { get; }

        public string Message { get; }

        /// <summary>Used when the rule gives no remediation of its own (or always, when RemediationOverridesRule).</summary>
        public string Remediation { get; }

        /// <summary>The remediation comes from the demand itself (a migration text), so it beats the rule's own.</summary>
        public bool RemediationOverridesRule { get; }

        /// <summary>Set for findings whose severity does not follow the rule's: Info ones, or Critical once a grant type has ended.</summary>
        public Severity? FixedSeverity { get; }
    }
}
