using System;
using System.Linq;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>deprecatedGrantTypes: the rule's severity before the end-of-life date, Critical from it on, the migration text as remediation.</summary>
    public class DeprecatedGrantTypeTests
    {
        private const string Head = "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: t\nspec:\n  rules:\n    - id: R-1\n      description: d\n      severity: Medium\n";

        private const string Implicit = "      deprecatedGrantTypes:\n        - grantType: TOKEN\n          endOfLife: 2027-03-01\n          migration: Use the code grant with PKCE.\n";

        [Theory]
        [InlineData("2027-02-28T23:59:59Z", Severity.Medium, "'Kiosk' uses the TOKEN grant type, which is being retired: it stops working on 2027-03-01, a date still ahead.")]
        [InlineData("2027-03-01T00:00:00Z", Severity.Critical, "'Kiosk' uses the TOKEN grant type, which was due to stop working on 2027-03-01; that date has passed.")]
        [InlineData("2028-01-15T08:00:00Z", Severity.Critical, "'Kiosk' uses the TOKEN grant type, which was due to stop working on 2027-03-01; that date has passed.")]
        public void A_client_on_a_deprecated_grant_type_is_flagged_at_the_rule_severity_then_critical_from_the_date(string now, Severity severity, string message)
        {
            var finding = Assert.Single(Evaluate(Head + Implicit, Client(GrantTypes.Token), now).Findings);

            Assert.Equal((FindingKind.DeprecatedGrantType, "TOKEN", severity), (finding.Kind, finding.Subject, finding.Severity));
            Assert.Equal(message, finding.Message);
            Assert.Equal("Use the code grant with PKCE.", finding.Remediation);
        }

        [Fact]
        public void The_migration_text_beats_the_rule_remediation_and_other_grant_types_pass()
        {
            var yaml = Head + "      remediation: The rule's own text.\n" + Implicit;

            Assert.Equal("Use the code grant with PKCE.", Evaluate(yaml, Client(GrantTypes.Token)).Findings.Single().Remediation);
            Assert.Empty(Evaluate(yaml, Client(GrantTypes.Code)).Findings);
        }

        [Fact]
        public void A_waiver_of_the_rule_still_applies_after_the_date()
        {
            var yaml = Head + Implicit + "  waivers:\n    - client: Kiosk\n      ruleId: R-1\n      subject: TOKEN\n      rationale: Replaced in Q2.\n      expiresOn: 2027-06-30\n";

            var finding = Evaluate(yaml, Client(GrantTypes.Token), "2027-04-01T00:00:00Z").Findings.Single();

            Assert.True(finding.Waived);
            Assert.Equal(Severity.Critical, finding.Severity);
        }

        [Fact]
        public void Several_grant_types_with_their_own_dates_and_the_alias_are_read()
        {
            var baseline = Baselines.Parse(Head + Implicit + "        - grantType: saml2bearer\n          endOfLife: 2030-01-01\n          migration: Move off SAML.\n");

            Assert.Equal("TOKEN ends 2027-03-01; SAML2-BEARER ends 2030-01-01", baseline.Rules[0].DeprecatedGrantTypes.ToString());
            Assert.Equal(Severity.Medium, new BaselineEvaluator(baseline, At("2029-12-31T00:00:00Z")).Evaluate(Client("SAML2BEARER")).Findings.Single().Severity);
        }

        [Fact]
        public void The_built_in_baseline_flags_implicit_clients_high_until_march_2027_then_critical()
        {
            var before = new BaselineEvaluator(Baselines.Loader.BuiltIn, At("2026-12-01T12:00:00Z")).Evaluate(Client(GrantTypes.Token)).Findings.Single(finding => finding.RuleId == "GC-009");
            var after = new BaselineEvaluator(Baselines.Loader.BuiltIn, At("2027-03-01T00:00:00Z")).Evaluate(Client(GrantTypes.Token)).Findings.Single(finding => finding.RuleId == "GC-009");

            Assert.Equal(Severity.High, before.Severity);
            Assert.Equal(Severity.Critical, after.Severity);
            Assert.Contains("2027-03-01", after.Message);
            Assert.Contains("Authorization Code grant with PKCE", after.Remediation);
            Assert.DoesNotContain(new BaselineEvaluator(Baselines.Loader.BuiltIn, At("2027-03-01T00:00:00Z")).Evaluate(Client(GrantTypes.Code)).Findings, finding => finding.Kind == FindingKind.DeprecatedGrantType);
        }

        public static TheoryData<string, string, int, int, string> BadEntries => new TheoryData<string, string, int, int, string>
        {
            { "not a date", Head + Implicit.Replace("2027-03-01", "March 2027"), 12, 22, "'spec.rules[0].deprecatedGrantTypes[0].endOfLife' is 'March 2027', which is not a date; expected YYYY-MM-DD, such as 2027-03-01." },
            { "impossible date", Head + Implicit.Replace("2027-03-01", "2027-02-30"), 12, 22, "is '2027-02-30', which is not a date" },
            { "date with a time", Head + Implicit.Replace("2027-03-01", "2027-03-01T00:00:00Z"), 12, 22, "is '2027-03-01T00:00:00Z', which is not a date" },
            { "unknown grant type", Head + Implicit.Replace("TOKEN", "IMPLICIT"), 11, 22, "'spec.rules[0].deprecatedGrantTypes[0].grantType' is 'IMPLICIT', which is not a grant type; expected one of CODE, TOKEN, SAML2-BEARER, PASSWORD, CLIENT-CREDENTIALS." },
            { "missing grantType", Head + "      deprecatedGrantTypes:\n        - endOfLife: 2027-03-01\n          migration: m\n", 11, 11, "'spec.rules[0].deprecatedGrantTypes[0]' has no 'grantType' (a grant type (CODE, TOKEN, SAML2-BEARER, PASSWORD, CLIENT-CREDENTIALS) expected)." },
            { "missing endOfLife", Head + "      deprecatedGrantTypes:\n        - grantType: TOKEN\n          migration: m\n", 11, 11, "'spec.rules[0].deprecatedGrantTypes[0]' has no 'endOfLife' (the first day the grant type no longer works, as YYYY-MM-DD expected)." },
            { "missing migration", Head + "      deprecatedGrantTypes:\n        - grantType: TOKEN\n          endOfLife: 2027-03-01\n", 11, 11, "'spec.rules[0].deprecatedGrantTypes[0]' has no 'migration' (a text saying what to move the integration to expected)." },
            { "blank migration", Head + Implicit.Replace("Use the code grant with PKCE.", "''"), 13, 22, "'spec.rules[0].deprecatedGrantTypes[0].migration' is empty" },
            { "unknown key", Head + Implicit + "          endsOn: 2027-03-01\n", 14, 11, "unknown key 'endsOn' in 'spec.rules[0].deprecatedGrantTypes[0]'. Valid keys there: grantType, endOfLife, migration." },
            { "empty list", Head + "      deprecatedGrantTypes: []\n", 10, 29, "'spec.rules[0].deprecatedGrantTypes' is an empty list; list at least one grant type being retired, or remove the key." },
            { "a plain grant type", Head + "      deprecatedGrantTypes: TOKEN\n", 10, 29, "'spec.rules[0].deprecatedGrantTypes' is 'TOKEN'; a list of grant types being retired (each a mapping with grantType, endOfLife and migration) expected." },
            { "entry is a string", Head + "      deprecatedGrantTypes: [TOKEN]\n", 10, 30, "'spec.rules[0].deprecatedGrantTypes[0]' is 'TOKEN'; a mapping with grantType, endOfLife and migration expected." },
            { "grant type twice", Head + Implicit + "        - grantType: token\n          endOfLife: 2028-01-01\n          migration: m\n", 14, 22, "'spec.rules[0].deprecatedGrantTypes[1].grantType' is 'token', which 'spec.rules[0].deprecatedGrantTypes[0].grantType' (line 11) already lists; give each grant type once per rule." },
        };

        [Theory]
        [MemberData(nameof(BadEntries))]
        public void A_bad_entry_is_refused_at_the_offending_node(string @case, string yaml, int line, int column, string problem)
        {
            var error = Assert.Throws<FileFormatException>(() => Baselines.Parse(yaml));

            Assert.True(
                error.Line == line && error.Column == column && error.Message.Contains(problem, StringComparison.Ordinal),
                $"{@case}: expected line {line}, column {column}, '{problem}'; got {error.Message}");
        }

        private static ClientAuditResult Evaluate(string yaml, OAuthClient client, string now = "2026-12-01T12:00:00Z") =>
            new BaselineEvaluator(Baselines.Parse(yaml), At(now)).Evaluate(client);

        private static DateTime At(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        private static OAuthClient Client(string grantType) => new OAuthClient("kiosk-id", "Kiosk", grantType) { State = ClientStates.Active };
    }
}
