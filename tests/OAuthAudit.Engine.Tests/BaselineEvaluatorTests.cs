using System;
using System.IO;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Loading;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class BaselineEvaluatorTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        private static readonly ScopeRegistry Registry = new ScopeRegistry(
            new[] { "users", "users:readonly", "analytics", "analytics:readonly", "oauth", "oauth:readonly", "routing:readonly" }.Select(name => new OAuthScope(name, null)));

        [Theory]
        [InlineData("users", "users:readonly", "users")]
        [InlineData("users:readonly", "users:readonly", "")]
        [InlineData("users:readonly", "users", "")]
        [InlineData("users", "users", "")]
        [InlineData("analytics:readonly", "'*:readonly'", "")]
        [InlineData("analytics", "'*:readonly'", "analytics")]
        [InlineData("analytics", "'analytics*'", "")]
        public void Allowed_scopes_honour_the_readonly_implication(string held, string allowed, string excessive)
        {
            var result = Evaluate(Rule($"allowedScopes: [{allowed}]"), Client(held));

            Assert.Equal(excessive, result.ExcessiveScopes.ToString());
        }

        [Fact]
        public void Holding_a_read_write_scope_where_only_its_readonly_form_is_allowed_says_so()
        {
            var finding = Evaluate(Rule("allowedScopes: ['users:readonly']"), Client("users")).Findings.Single();

            Assert.Equal("'Client' holds 'users', but only its read-only form 'users:readonly' is allowed.", finding.Message);
        }

        [Fact]
        public void An_empty_allow_list_makes_every_scope_excessive()
        {
            var result = Evaluate(Rule("allowedScopes: []"), Client(new[] { "users:readonly", "analytics" }));

            Assert.Equal("users:readonly; analytics", result.ExcessiveScopes.ToString());
        }

        [Theory]
        [InlineData("users", "users:readonly", "users")]
        [InlineData("users:readonly", "users", "")]
        [InlineData("users:readonly", "users:readonly", "users:readonly")]
        [InlineData("oauth", "'oauth*'", "oauth")]
        public void Forbidden_scopes_are_violated_by_any_held_scope_that_grants_them(string held, string forbidden, string violating)
        {
            var result = Evaluate(Rule($"forbiddenScopes: [{forbidden}]"), Client(held));

            Assert.Equal(violating, result.ForbiddenScopes.ToString());
        }

        [Theory]
        [InlineData("users", "users:readonly", "", "ImpliedScope")]
        [InlineData("users:readonly", "users", "users", "MissingScope")]
        [InlineData("routing:readonly", "'routing*'", "", "")]
        [InlineData("analytics", "'*:readonly'", "", "ImpliedScope")]
        public void Required_scopes_are_satisfied_by_a_granting_scope_and_the_implication_is_shown(string held, string required, string missing, string kind)
        {
            var result = Evaluate(Rule($"requiredScopes: [{required}]"), Client(held));

            Assert.Equal(missing, result.MissingScopes.ToString());
            Assert.Equal(kind, string.Join(",", result.Findings.Select(finding => finding.Kind.ToString())));
            Assert.True(result.Findings.All(finding => finding.Kind != FindingKind.ImpliedScope || finding.Severity == Severity.Info));
        }

        [Theory]
        [InlineData("https://app.example.com/cb", "")]
        [InlineData("http://app.example.com/cb", "InsecureRedirectUri")]
        [InlineData("HTTP://APP.example.com/cb", "InsecureRedirectUri")]
        [InlineData("https://*.example.com/cb", "WildcardRedirectUri")]
        [InlineData("http://*.example.com/cb", "InsecureRedirectUri,WildcardRedirectUri")]
        [InlineData("https://localhost:5001/cb", "LocalhostRedirectUri")]
        [InlineData("http://127.0.0.1:8080/", "InsecureRedirectUri,LocalhostRedirectUri")]
        [InlineData("https://[::1]/cb", "LocalhostRedirectUri")]
        [InlineData("https://dev.localhost/cb", "LocalhostRedirectUri")]
        [InlineData("https://user@localhost/cb", "LocalhostRedirectUri")]
        [InlineData("com.northwind.app://oauth/callback", "")]
        [InlineData("not a uri", "InsecureRedirectUri")]
        public void Redirect_uris_are_judged_by_scheme_and_host(string uri, string kinds)
        {
            var client = Client();
            client.RegisteredRedirectUri = ValueList.From(new[] { uri });

            var result = Evaluate(Rule("redirectUris: { requireHttps: true, forbidWildcardHosts: true, forbidLocalhost: true }"), client);

            Assert.Equal(kinds, string.Join(",", result.Findings.Select(finding => finding.Kind.ToString())));
        }

        [Fact]
        public void Redirect_uris_of_grants_that_do_not_redirect_are_not_judged()
        {
            var client = Client(grantType: GrantTypes.ClientCredentials);
            client.RegisteredRedirectUri = ValueList.From(new[] { "http://localhost/" });

            Assert.Empty(Evaluate(Rule("redirectUris: { requireHttps: true }"), client).Findings);
        }

        [Fact]
        public void An_exempted_client_is_not_judged_by_the_rule()
        {
            var rule = Rule("forbiddenScopes: [oauth]", "exemptions: { names: ['Admin*'] }");

            var exempt = Evaluate(rule, Client(new[] { "oauth" }, name: "Admin Console"));
            var judged = Evaluate(rule, Client(new[] { "oauth" }, name: "Dashboard"));

            Assert.Equal(Outcome.NotApplicable, exempt.Outcome);
            Assert.Equal(Outcome.Fail, judged.Outcome);
        }

        [Theory]
        [InlineData("Client", null, "2026-11-23", true)]
        [InlineData("client-id", "oauth", "2030-01-01", true)]
        [InlineData("Client", "users", "2030-01-01", false)]
        [InlineData("Other", null, "2030-01-01", false)]
        [InlineData("Client", null, "2026-11-22", false)]
        public void A_waiver_covers_its_client_rule_and_subject_until_the_end_of_its_expiry_day(string client, string? subject, string expiresOn, bool waived)
        {
            var subjectLine = subject == null ? string.Empty : $"\n      subject: {subject}";
            var baseline = Baseline($"""
                  rules:
                    - id: R1
                      description: d
                      severity: High
                      forbiddenScopes: [oauth]
                  waivers:
                    - client: {client}
                      ruleId: R1{subjectLine}
                      rationale: accepted
                      expiresOn: {expiresOn}
                """);

            var result = new BaselineEvaluator(baseline, Now).Evaluate(Client("oauth"));

            var finding = result.Findings.Single();
            Assert.Equal(waived, finding.Waived);
            Assert.Equal(Severity.High, finding.Severity);
            Assert.Equal(waived ? Outcome.Pass : Outcome.Fail, result.Outcome);
            Assert.Equal(waived ? (Severity?)null : Severity.High, result.Severity);
        }

        [Theory]
        [InlineData(false, 0)]
        [InlineData(true, 1)]
        public void A_client_no_rule_applies_to_is_not_applicable_and_reported_when_asked(bool report, int findings)
        {
            var baseline = Baseline($"""
                  reportUnmatchedClients: {report.ToString().ToLowerInvariant()}
                  rules:
                    - id: R1
                      description: d
                      severity: High
                      match: {"{"} names: ['Nobody'] {"}"}
                      forbiddenScopes: [oauth]
                """);

            var result = new BaselineEvaluator(baseline, Now).Evaluate(Client("oauth"));

            Assert.Equal(Outcome.NotApplicable, result.Outcome);
            Assert.False(result.Passed);
            Assert.Equal(findings, result.Findings.Count);
        }

        [Fact]
        public void Token_lifetime_and_state_findings_name_the_values()
        {
            var client = Client();
            client.AccessTokenValiditySeconds = 172800;
            client.State = ClientStates.Inactive;
            client.DateToDelete = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

            var messages = Evaluate(Rule("maxAccessTokenValiditySeconds: 86400", "allowedStates: [active]"), client).Findings.Select(finding => finding.Message).ToArray();

            Assert.Equal(
                new[]
                {
                    "'Client' issues tokens valid for 172800 s (48 h); the rule allows at most 86400 s (24 h).",
                    "'Client' is 'inactive', pending deletion on 2026-12-01; the rule allows active.",
                },
                messages);
        }

        private static ClientAuditResult Evaluate(string rule, OAuthClient client) => new BaselineEvaluator(Baseline(rule), Now).Evaluate(client);

        private static string Rule(params string[] lines) =>
            "  rules:\n    - id: R1\n      description: d\n      severity: High\n" + string.Concat(lines.Select(line => "      " + line + "\n"));

        private static Baseline Baseline(string spec) =>
            Baselines.Parse("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: test }\nspec:\n" + spec, "test.yml");

        private static OAuthClient Client(params string[] scopes) => Client(scopes, "Client");


        private static OAuthClient Client(string[]? scopes = null, string name = "Client", string grantType = GrantTypes.Code) =>
            new OAuthClient("client-id", name, grantType)
            {
                State = ClientStates.Active,
                Scopes = ValueList.From((scopes ?? Array.Empty<string>()).Select(Registry.Resolve)),
            };
    }
}
