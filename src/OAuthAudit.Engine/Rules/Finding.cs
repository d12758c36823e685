using System;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// One thing a baseline rule found about one client. A waived finding keeps its severity and message;
    /// Waived says it is accepted until the waiver expires.
    /// </summary>
    public sealed class Finding
    {
        internal Finding(string clientId, string clientName, string ruleId, Severity severity, FindingKind kind, string subject, string message, string remediation)
        {
            ClientId = clientId;
            ClientName = clientName;
            RuleId = ruleId;
            Severity = severity;
            Kind = kind;
            Subject = subject;
            Message = message;
            Remediation = remediation;
        }

        public string ClientId { get; }

        public string ClientName { get; }

        public string RuleId { get; }

        public Severity Severity { get; }

        public FindingKind Kind { get; }

        /// <summary>What the finding is about: a scope name, a redirect URI, a lifetime, a state.</summary>
        public string Subject { get; }

        public string Message { get; }

        public string Remediation { get; }

        public bool Waived { get; private set; }

        public string? WaiverRationale { get; private set; }

        public DateTime? WaiverExpiresOn { get; private set; }

        /// <summary>Outstanding: not waived. Only outstanding findings decide a client's outcome.</summary>
        public bool IsOutstanding => !Waived;

        internal void Waive(Waiver waiver)
        {
            Waived = true;
            WaiverRationale = waiver.Rationale;
            WaiverExpiresOn = waiver.ExpiresOn;
        }

        public override string ToString() => $"{RuleId} {Kind} {Subject}" + (Waived ? " (waived)" : string.Empty);
    }
}
