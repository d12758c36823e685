using System;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The one wildcard matcher every baseline wildcard uses: its dialect, and that hostile patterns cannot make it backtrack.</summary>
    public class WildcardTests
    {
        [Theory]
        [InlineData("*", "", true)]
        [InlineData("*", "anything at all", true)]
        [InlineData("", "", true)]
        [InlineData("", "x", false)]
        [InlineData("Legacy*", "legacy agent desktop", true)]
        [InlineData("Legacy*", "Old Legacy", false)]
        [InlineData("*admin*", "Genesys Cloud ADMIN Tooling", true)]
        [InlineData("*admin*", "Adm in", false)]
        [InlineData("?", "a", true)]
        [InlineData("?", "", false)]
        [InlineData("?", "ab", false)]
        [InlineData("a?c", "abc", true)]
        [InlineData("a?c", "ac", false)]
        [InlineData("a*b*c", "abc", true)]
        [InlineData("a*b*c", "aXbYc", true)]
        [InlineData("a*b*c", "aXcYb", false)]
        [InlineData("*b", "abab", true)]
        [InlineData("*ab*ab", "abab", true)]
        [InlineData("*ab*ab", "aab", false)]
        [InlineData("a**b", "ab", true)]
        [InlineData("*?", "", false)]
        [InlineData("*?", "x", true)]
        [InlineData("?*?", "x", false)]
        [InlineData("analytics*", "analytics:readonly", true)]
        [InlineData("*:readonly", "analytics:readonly", true)]
        [InlineData("*:readonly", "analytics", false)]
        [InlineData("[abc]", "[abc]", true)]
        [InlineData("[abc]", "a", false)]
        [InlineData("a.c", "abc", false)]
        [InlineData("(dev)*", "(dev) dashboard", true)]
        [InlineData("\u00c9quipe*", "\u00e9quipe support", true)]
        public void Matches_the_whole_text_with_star_and_question_mark_ignoring_case(string pattern, string text, bool expected)
        {
            Assert.Equal(expected, Wildcard.IsMatch(pattern, text));
        }

        [Theory]
        [InlineData("*", "line one\nline two")]
        [InlineData("line*two", "line one\nline two")]
        [InlineData("a?b", "a\nb")]
        [InlineData("Admin*", "Admin\u001b]0;ok\u0007")]
        public void Star_and_question_mark_match_control_characters_and_newlines_too(string pattern, string text)
        {
            // The regex this replaced let '.' stop at a newline, so a client named "Admin\n…" escaped every "Admin*" rule.
            Assert.True(Wildcard.IsMatch(pattern, text));
        }

        [Fact]
        public void Agrees_with_the_regex_dialect_it_replaced_on_ordinary_names()
        {
            var patterns = new[] { "*", "a*", "*a", "*a*", "a?c*", "?b*b?", "*ab*ba*", "??", "x*y*z" };
            var texts = new[] { "", "a", "ab", "abc", "aabbaa", "xyz", "xaybzc", "bab", "ABBA", "acb" };
            foreach (var pattern in patterns)
            {
                var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                foreach (var text in texts)
                {
                    Assert.True(regex.IsMatch(text) == Wildcard.IsMatch(pattern, text), $"'{pattern}' on '{text}'");
                }
            }
        }

        [Fact]
        public void The_pattern_that_took_53_seconds_as_a_regex_is_one_scan_per_segment()
        {
            const string pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*a*b";

            // 31 characters took 53 s with the backtracking regex; a million would take longer than the universe has left.
            Assert.False(Wildcard.IsMatch(pattern, new string('a', 31)));
            Assert.False(Wildcard.IsMatch(pattern, new string('a', 1_000_000)));
            Assert.True(Wildcard.IsMatch(pattern, new string('a', 1_000_000) + "b"));
        }

        [Fact]
        public void Every_baseline_wildcard_uses_it_names_roles_divisions_exemptions_and_scopes()
        {
            const string hostile = "'*a*a*a*a*a*a*a*a*a*a*a*a*a*b'";
            var longName = new string('a', 100_000);
            var baseline = Baselines.Parse("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: test }\nspec:\n  rules:\n"
                + $"    - id: R-1\n      description: d\n      severity: High\n      match: {{ names: [{hostile}, '*'] }}\n      exemptions: {{ names: [{hostile}] }}\n"
                + $"      forbiddenRoles: [{hostile}]\n      requiredRoles: [{hostile}]\n      allowedDivisions: [{hostile}]\n      forbiddenScopes: [{hostile}]\n");
            var client = new OAuthClient("client-id", longName, GrantTypes.ClientCredentials)
            {
                State = ClientStates.Active,
                Roles = ValueList.From(new[]
                {
                    new RoleGrant(new RoleDivision("role-1", "division-1"), new AuthorizationRole("role-1", longName, null, new HeldPermission[0], ValueList<string>.Empty, false), new AuthorizationDivision("division-1", longName, null, false)),
                }),
            };

            var result = new BaselineEvaluator(baseline, DateTime.UtcNow).Evaluate(client);

            Assert.Equal("R-1", Assert.Single(result.MatchedRules));
            Assert.Equal(new[] { FindingKind.MissingRole, FindingKind.DisallowedDivision }.OrderBy(kind => kind), result.Findings.Select(finding => finding.Kind).OrderBy(kind => kind));
        }

        [Fact]
        public void A_name_regex_that_runs_out_of_time_stops_the_client_without_a_verdict_naming_rule_pattern_and_client()
        {
            const string pattern = "^(a|aa)+$";
            var baseline = Baselines.Parse("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: test }\nspec:\n  rules:\n"
                + $"    - id: R-SLOW\n      description: d\n      severity: High\n      match: {{ namePatterns: ['{pattern}'] }}\n      forbidUnknownScopes: true\n");
            var client = new OAuthClient("client-7", new string('a', 60) + "!", GrantTypes.Code) { State = ClientStates.Active };

            var timeout = Assert.Throws<PatternTimeoutException>(() => new BaselineEvaluator(baseline, DateTime.UtcNow).Evaluate(client));

            Assert.Equal(("R-SLOW", pattern, "client-7"), (timeout.RuleId, timeout.Pattern, timeout.ClientId));
            Assert.Contains($"Rule R-SLOW: the name pattern '{pattern}' took longer than 1 s on client '{client.Name}' (client-7)", timeout.Message);
        }
    }
}
