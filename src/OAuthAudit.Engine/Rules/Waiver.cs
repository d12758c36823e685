using System;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// An accepted exception: findings of one rule for one client (by name or id, optionally one subject) are
    /// waived, with a rationale, until an expiry date. An expired waiver no longer applies.
    /// </summary>
    public sealed class Waiver
    {
        public Waiver(string client, string ruleId, string? subject, string rationale, DateTime expiresOn)
        {
            Client = client;
            RuleId = ruleId;
            Subject = subject;
            Rationale = rationale;
            ExpiresOn = DateTime.SpecifyKind(expiresOn.Date, DateTimeKind.Utc);
        }

        /// <summary>The client's name or id.</summary>
        public string Client { get; }

        public string RuleId { get; }

        /// <summary>When set, only findings about this subject (a scope, a URI) are waived.</summary>
        public string? Subject { get; }

        public string Rationale { get; }

        /// <summary>The last day (UTC) the waiver applies.</summary>
        public UtcTimestamp ExpiresOn { get; }

        public bool IsExpired(DateTime now) => now.ToUniversalTime().Date > ExpiresOn.UtcDateTime;

        /// <summary>The waiver names this client (by id or name).</summary>
        public bool Names(string clientId, string clientName) =>
            string.Equals(clientId, Client, StringComparison.OrdinalIgnoreCase) || string.Equals(clientName, Client, StringComparison.OrdinalIgnoreCase);

        public bool Covers(Finding finding) =>
            string.Equals(finding.RuleId, RuleId, StringComparison.OrdinalIgnoreCase)
            && Names(finding.ClientId, finding.ClientName)
            && (Subject == null || string.Equals(finding.Subject, Subject, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => DisplayText.Visible($"{RuleId} for {Client}" + (Subject == null ? string.Empty : $" ({Subject})") + $" until {ExpiresOn:yyyy-MM-dd}")!;
    }
}
