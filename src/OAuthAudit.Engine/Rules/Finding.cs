using System;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// One thing a baseline rule found about one client. A waived finding keeps its severity and message;
    /// Waived says it is accepted until the waiver expires. It names its client, organization and baseline, so findings
    /// of several organizations or baselines can be told apart in one export. Message is made for display: the org's
    /// text in it has control characters made visible; Subject and ClientName keep the raw values.
    /// </summary>
    public sealed class Finding
    {
        internal Finding(OAuthClient client, string baselineName, string ruleId, Severity severity, FindingKind kind, string subject, string message, string remediation)
            : this(client, baselineName, ruleId, severity, kind, subject, message, remediation, remediationShown: false)
        {
        }

        private Finding(OAuthClient client, string baselineName, string ruleId, Severity severity, FindingKind kind, string subject, string message, string remediation, bool remediationShown)
        {
            ClientId = client.Id;
            ClientName = client.Name;
            GrantType = client.AuthorizedGrantType;
            State = client.State;
            OrganizationName = client.OrganizationName;
            OrganizationId = client.OrganizationId;
            BaselineName = baselineName;
            RuleId = ruleId;
            Severity = severity;
            Kind = kind;
            Subject = subject;
            Message = DisplayText.Visible(message)!;
            Remediation = remediationShown ? remediation : DisplayText.Visible(remediation)!;
        }

        /// <summary>A finding as a run document recorded it (Runs/AuditRunReader), waiver included.</summary>
        internal Finding(string clientId, string clientName, string grantType, string? state, string? organizationName, string? organizationId, string baselineName,
            string ruleId, Severity severity, FindingKind kind, string subject, string message, string remediation, bool waived, string? waiverRationale, UtcTimestamp? waiverExpiresOn)
        {
            ClientId = clientId;
            ClientName = clientName;
            GrantType = grantType;
            State = state;
            OrganizationName = organizationName;
            OrganizationId = organizationId;
            BaselineName = baselineName;
            RuleId = ruleId;
            Severity = severity;
            Kind = kind;
            Subject = subject;
            Message = DisplayText.Visible(message)!;
            Remediation = DisplayText.Visible(remediation)!;
            Waived = waived;
            WaiverRationale = waiverRationale;
            WaiverExpiresOn = waiverExpiresOn;
        }
        /// <summary>A finding whose remediation is already display-safe (<see cref="DisplayText.Visible"/>): the evaluator makes each text so once, not per finding.</summary>
        internal static Finding Shown(OAuthClient client, string baselineName, string ruleId, Severity severity, FindingKind kind, string subject, string message, string shownRemediation) =>
            new Finding(client, baselineName, ruleId, severity, kind, subject, message, shownRemediation, remediationShown: true);

        public string ClientId { get; }

        public string ClientName { get; }

        public string GrantType { get; }

        public string? State { get; }

        public string? OrganizationName { get; }

        public string? OrganizationId { get; }

        public string BaselineName { get; }

        public string RuleId { get; }

        public Severity Severity { get; }

        public FindingKind Kind { get; }

        /// <summary>What the finding is about: a scope name, a redirect URI, a lifetime, a state.</summary>
        public string Subject { get; }

        public string Message { get; }

        public string Remediation { get; }

        public bool Waived { get; private set; }

        public string? WaiverRationale { get; private set; }

        public UtcTimestamp? WaiverExpiresOn { get; private set; }

        /// <summary>Outstanding: not waived. Only outstanding findings decide a client's outcome.</summary>
        public bool IsOutstanding => !Waived;

        internal void Waive(Waiver waiver)
        {
            Waived = true;
            WaiverRationale = waiver.Rationale;
            WaiverExpiresOn = waiver.ExpiresOn;
        }

        /// <summary>Rule, severity and message, "waived" after the severity when waived: a readable Findings cell in an export of results.</summary>
        public override string ToString() => $"{RuleId} ({Severity}{(Waived ? ", waived" : string.Empty)}): {Message}";
    }
}
