using System;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>The verdict of a baseline on one OAuth client, with every finding behind it.</summary>
    public sealed class ClientAuditResult
    {
        /// <param name="skippedRules">Matched rules not checked (data the run lacks); when they are all the matched rules, the outcome is Skipped.</param>
        /// <param name="skippedReason">Why those rules were skipped; null when none was.</param>
        internal ClientAuditResult(OAuthClient client, string baselineName, ValueList<string> matchedRules, ValueList<Finding> findings, UtcTimestamp evaluatedAt,
            ValueList<string>? skippedRules = null, string? skippedReason = null)
        {
            ClientId = client.Id;
            ClientName = client.Name;
            GrantType = client.AuthorizedGrantType;
            State = client.State;
            OrganizationName = client.OrganizationName;
            OrganizationId = client.OrganizationId;
            UnknownScopes = client.UnknownScopes;
            Scopes = client.Scopes;
            Roles = client.Roles;
            BaselineName = baselineName;
            MatchedRules = matchedRules;
            Findings = findings;
            EvaluatedAt = evaluatedAt;
            Severity = HighestOutstanding(findings);
            SkippedRules = skippedRules ?? ValueList<string>.Empty;
            Reason = SkippedRules.Count == 0 ? null : DisplayText.Visible(skippedReason);
            Outcome = OutcomeOf(matchedRules.Count, SkippedRules.Count, Severity);
            FailedRules = FailedRulesOf(findings);
            MissingScopes = SubjectsOf(findings, FindingKind.MissingScope);
            ExcessiveScopes = SubjectsOf(findings, FindingKind.ExcessiveScope);
            ForbiddenScopes = SubjectsOf(findings, FindingKind.ForbiddenScope);
        }

        /// <summary>
        /// A client the baseline did not judge: Error (it could not be read or checked) or Skipped (a rule that
        /// applies needs data the run did not load). It has no findings and no severity, so it never counts as a pass or a fail.
        /// </summary>
        internal ClientAuditResult(string clientId, string clientName, string grantType, string? state, string? organizationId, string? organizationName,
            string baselineName, Outcome outcome, ValueList<string> matchedRules, string reason, UtcTimestamp evaluatedAt,
            ValueList<OAuthScope>? scopes = null, ValueList<RoleGrant>? roles = null)
        {
            if (outcome != Outcome.Error && outcome != Outcome.Skipped)
            {
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only Error and Skipped are outcomes of a client that was not judged.");
            }

            ClientId = clientId;
            ClientName = clientName;
            GrantType = grantType;
            State = state;
            OrganizationId = organizationId;
            OrganizationName = organizationName;
            UnknownScopes = ValueList<string>.Empty;
            Scopes = scopes ?? ValueList<OAuthScope>.Empty;
            Roles = roles ?? ValueList<RoleGrant>.Empty;
            BaselineName = baselineName;
            MatchedRules = matchedRules;
            Findings = ValueList<Finding>.Empty;
            EvaluatedAt = evaluatedAt;
            Outcome = outcome;
            SkippedRules = outcome == Outcome.Skipped ? matchedRules : ValueList<string>.Empty;
            Reason = DisplayText.Visible(reason);
            FailedRules = ValueList<string>.Empty;
            MissingScopes = ValueList<string>.Empty;
            ExcessiveScopes = ValueList<string>.Empty;
            ForbiddenScopes = ValueList<string>.Empty;
        }

        /// <summary>A result as a run document recorded it (Runs/AuditRunReader): every value as written, the scope lists derived from the findings.</summary>
        internal ClientAuditResult(string clientId, string clientName, string grantType, string? state, string? organizationId, string? organizationName,
            string baselineName, Outcome outcome, Severity? severity, string? reason, ValueList<string> matchedRules, ValueList<string> failedRules,
            ValueList<string> skippedRules, ValueList<string> unknownScopes, ValueList<OAuthScope> scopes, ValueList<RoleGrant> roles, UtcTimestamp evaluatedAt,
            ValueList<Finding> findings)
        {
            ClientId = clientId;
            ClientName = clientName;
            GrantType = grantType;
            State = state;
            OrganizationId = organizationId;
            OrganizationName = organizationName;
            BaselineName = baselineName;
            Outcome = outcome;
            Severity = severity;
            Reason = DisplayText.Visible(reason);
            MatchedRules = matchedRules;
            FailedRules = failedRules;
            SkippedRules = skippedRules;
            UnknownScopes = unknownScopes;
            Scopes = scopes;
            Roles = roles;
            EvaluatedAt = evaluatedAt;
            Findings = findings;
            MissingScopes = SubjectsOf(findings, FindingKind.MissingScope);
            ExcessiveScopes = SubjectsOf(findings, FindingKind.ExcessiveScope);
            ForbiddenScopes = SubjectsOf(findings, FindingKind.ForbiddenScope);
        }

        /// <summary>
        /// The outcome the evaluator gives a judged client with these matched and skipped rules and this highest
        /// outstanding severity; the one place of that rule.
        /// </summary>
        internal static Outcome OutcomeOf(int matchedRules, int skippedRules, Severity? severity) =>
            matchedRules == 0 ? Outcome.NotApplicable
            : severity >= Rules.Severity.Medium ? Outcome.Fail
            : skippedRules >= matchedRules ? Outcome.Skipped
            : severity == Rules.Severity.Low ? Outcome.Warning
            : Outcome.Pass;

        public string ClientId { get; }

        public string ClientName { get; }

        public string GrantType { get; }

        public string? State { get; }

        public Outcome Outcome { get; }

        /// <summary>True only when the outcome is Pass: rules applied and nothing above Info is outstanding (Warning, Fail and NotApplicable are not passes).</summary>
        public bool Passed => Outcome == Outcome.Pass;

        /// <summary>The highest severity among outstanding (unwaived) findings; empty when there are none.</summary>
        public Severity? Severity { get; }

        public ValueList<string> MatchedRules { get; }

        /// <summary>Rules that apply but were not checked, because they need data the run did not load (or too little of it); the reason says which.</summary>
        public ValueList<string> SkippedRules { get; }

        /// <summary>The rules with an outstanding finding above Info: what keeps the outcome from Pass.</summary>
        public ValueList<string> FailedRules { get; }

        public ValueList<string> MissingScopes { get; }

        public ValueList<string> ExcessiveScopes { get; }

        public ValueList<string> ForbiddenScopes { get; }

        /// <summary>Scope names the client holds that the scope registry does not know.</summary>
        public ValueList<string> UnknownScopes { get; }

        /// <summary>The client's scopes as resolved when it was judged (empty when it could not be read).</summary>
        public ValueList<OAuthScope> Scopes { get; }

        /// <summary>The client's role × division grants as resolved when it was judged, with their permissions.</summary>
        public ValueList<RoleGrant> Roles { get; }

        public ValueList<Finding> Findings { get; }

        public int WaivedCount => Findings.Count(finding => finding.Waived);

        public string BaselineName { get; }

        public string? OrganizationName { get; }

        /// <summary>The organization's id: what keys an organization in a run (names are not unique).</summary>
        public string? OrganizationId { get; }

        /// <summary>Why the client was not judged (outcome Error or Skipped), or why some of its rules were skipped; empty otherwise.</summary>
        public string? Reason { get; }

        public UtcTimestamp EvaluatedAt { get; }

        /// <summary>The baseline that judged the client, so a run built from results holds its rules and hash; not shown.</summary>
        internal Baseline? JudgedBy { get; set; }

        /// <summary>The connection the client was read through, so a run built from results names its organization and source; not shown.</summary>
        internal Connections.GcContext? Context { get; set; }

        /// <summary>When the judged client was read from the API, if known: a run of these results starts no later.</summary>
        internal DateTime? FactsReadAt { get; set; }

        public override string ToString() => $"{DisplayText.Visible(ClientName)}: {Outcome}";

        /// <summary>The highest severity among outstanding findings; null when none is outstanding.</summary>
        private static Severity? HighestOutstanding(ValueList<Finding> findings)
        {
            Severity? highest = null;
            for (var index = 0; index < findings.Count; index++)
            {
                var finding = findings[index];
                if (finding.IsOutstanding && (highest == null || finding.Severity > highest))
                {
                    highest = finding.Severity;
                }
            }

            return highest;
        }

        /// <summary>The rules of outstanding findings above Info, each once (ignoring case, first spelling), in finding order.</summary>
        private static ValueList<string> FailedRulesOf(ValueList<Finding> findings)
        {
            var rules = new DistinctTexts();
            for (var index = 0; index < findings.Count; index++)
            {
                var finding = findings[index];
                if (finding.IsOutstanding && finding.Severity > Rules.Severity.Info)
                {
                    rules.Add(finding.RuleId);
                }
            }

            return rules.ToList();
        }

        /// <summary>The subjects of outstanding findings of the kind, each once (ignoring case, first spelling), in finding order.</summary>
        private static ValueList<string> SubjectsOf(ValueList<Finding> findings, FindingKind kind)
        {
            var subjects = new DistinctTexts();
            for (var index = 0; index < findings.Count; index++)
            {
                var finding = findings[index];
                if (finding.IsOutstanding && finding.Kind == kind)
                {
                    subjects.Add(finding.Subject);
                }
            }

            return subjects.ToList();
        }
    }
}
