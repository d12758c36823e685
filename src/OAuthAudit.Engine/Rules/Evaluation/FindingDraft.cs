namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>What a check found, before the rule gives it an id, a severity and a remediation.</summary>
    internal sealed class FindingDraft
    {
        public FindingDraft(FindingKind kind, string subject, string message, string remediation, Severity? fixedSeverity = null)
        {
            Kind = kind;
            Subject = subject;
            Message = message;
            Remediation = remediation;
            FixedSeverity = fixedSeverity;
        }

        public FindingKind Kind { get; }

        public string Subject { get; }

        public string Message { get; }

        /// <summary>Used when the rule gives no remediation of its own.</summary>
        public string Remediation { get; }

        /// <summary>Set for findings that only inform (Info), whatever the rule's severity.</summary>
        public Severity? FixedSeverity { get; }
    }
}
