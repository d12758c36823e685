using System;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>What results and findings carry for a reader of an export: Passed, FailedRules, identity columns, readable cells.</summary>
    public class ResultShapeTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        private static readonly ScopeRegistry Registry = new ScopeRegistry(new[] { "users", "users:readonly" }.Select(name => new OAuthScope(name, null)));

        private const string Rules = """
              rules:
                - id: R-LOW
                  description: Only active clients.
                  severity: Low
                  allowedStates: [active]
                - id: R-INFO
                  description: Read-only forms suffice.
                  severity: Medium
                  requiredScopes: ['users:readonly']
                - id: R-TOKEN
                  description: A day at most.
                  severity: Medium
                  maxAccessTokenValiditySeconds: 86400
                - id: R-TEXT
                  description: No control characters.
                  severity: Medium
                  forbidSuspiciousText: true
            """;

        [Fact]
        public void Passed_is_true_only_for_Pass_and_FailedRules_names_the_rules_with_outstanding_findings_above_Info()
        {
            var pass = Evaluate(Client());
            var warning = Evaluate(Client(state: ClientStates.Disabled));
            var fail = Evaluate(Client(state: ClientStates.Disabled, tokenSeconds: 172800));

            Assert.Equal((Outcome.Pass, true, ""), (pass.Outcome, pass.Passed, pass.FailedRules.ToString()));
            Assert.Contains(pass.Findings, finding => finding.Severity == Severity.Info && finding.RuleId == "R-INFO");
            Assert.Equal((Outcome.Warning, false, "R-LOW"), (warning.Outcome, warning.Passed, warning.FailedRules.ToString()));
            Assert.Equal((Outcome.Fail, false, "R-LOW; R-TOKEN"), (fail.Outcome, fail.Passed, fail.FailedRules.ToString()));
            Assert.Equal("R-LOW; R-INFO; R-TOKEN; R-TEXT", fail.MatchedRules.ToString());
        }

        [Fact]
        public void Findings_carry_organization_baseline_grant_type_and_state_and_read_as_rule_severity_message()
        {
            var result = Evaluate(Client(state: ClientStates.Disabled, tokenSeconds: 172800));
            var token = result.Findings.Single(finding => finding.RuleId == "R-TOKEN");

            Assert.Equal(("Northwind", "shape-test", GrantTypes.Code, ClientStates.Disabled), (token.OrganizationName, token.BaselineName, token.GrantType, token.State));
            Assert.Equal("R-TOKEN (Medium): 'Client' issues tokens valid for 172800 s (48 h); the rule allows at most 86400 s (24 h).", token.ToString());
            Assert.StartsWith("R-LOW (Low): 'Client' is 'disabled'", result.Findings.ToString());
        }

        [Fact]
        public void Control_characters_in_name_description_or_redirect_uri_are_suspicious_text_and_the_message_shows_them_escaped()
        {
            var client = Client(name: "evil\u001b]0;x\u0007\r\nWARNING: ok", description: "a \u202eb");
            client.RegisteredRedirectUri = ValueList.From(new[] { "https://ok.example.com/cb", "https://x.example.com/\u0000cb" });

            var findings = Evaluate(client).Findings.Where(finding => finding.Kind == FindingKind.SuspiciousText).ToArray();

            Assert.Equal(new[] { "Name", "Description", "RegisteredRedirectUri" }, findings.Select(finding => finding.Subject));
            Assert.All(findings, finding => Assert.Equal(Severity.Medium, finding.Severity));
            Assert.Equal("'evil\\x1b]0;x\\x07\\x0d\\x0aWARNING: ok' has control or format characters in its name ('evil\\x1b]0;x\\x07\\x0d\\x0aWARNING: ok'), which can forge lines or send escape sequences to a terminal.", findings[0].Message);
            Assert.Contains("'a \\u202eb'", findings[1].Message);
            Assert.Equal("evil\u001b]0;x\u0007\r\nWARNING: ok", findings[0].ClientName);
            Assert.DoesNotContain(Evaluate(Client(name: "Plain (CI) \\ tool", description: "ünïcödé")).Findings, finding => finding.Kind == FindingKind.SuspiciousText);
        }

        [Fact]
        public void An_unknown_role_or_division_has_a_null_name_and_the_text_says_unknown()
        {
            var role = new AuthorizationRole("role-1", "Reader", null, new HeldPermission[0], ValueList<string>.Empty, isDefault: false);
            var unknownRole = new RoleGrant(new RoleDivision("gone-role", "div-1"), null, new AuthorizationDivision("div-1", "Sales", null, false));
            var unknownDivision = new RoleGrant(new RoleDivision("role-1", "gone-div"), role, null);
            var home = new RoleGrant(new RoleDivision("role-1", null), role, null);

            Assert.Equal((null, false, "Sales", true), (unknownRole.RoleName, unknownRole.IsKnownRole, unknownRole.DivisionName, unknownRole.IsKnownDivision));
            Assert.Equal("unknown role gone-role (Sales)", unknownRole.ToString());
            Assert.Equal(("Reader", true, null, false), (unknownDivision.RoleName, unknownDivision.IsKnownRole, unknownDivision.DivisionName, unknownDivision.IsKnownDivision));
            Assert.Equal("Reader (unknown division gone-div)", unknownDivision.ToString());
            Assert.Equal((RoleGrant.HomeDivisionName, true), (home.DivisionName, home.IsKnownDivision));
        }

        private static ClientAuditResult Evaluate(OAuthClient client) =>
            new BaselineEvaluator(Baselines.Parse("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: shape-test }\nspec:\n" + Rules, "shape.yml"), Now).Evaluate(client);

        private static OAuthClient Client(string name = "Client", string? description = null, string state = ClientStates.Active, int tokenSeconds = 3600) =>
            new OAuthClient("client-id", name, GrantTypes.Code)
            {
                Description = description,
                State = state,
                AccessTokenValiditySeconds = tokenSeconds,
                OrganizationName = "Northwind",
                Scopes = ValueList.From(new[] { "users" }.Select(Registry.Resolve)),
            };
    }
}
