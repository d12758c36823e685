using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Tests.Shared;
using OAuthAudit.Yaml;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The one table of demand kinds: the reader, the format document and the evaluator all follow it.</summary>
    public class DemandKindsTests
    {
        private static readonly DateTime Now = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void The_format_document_lists_exactly_the_rule_keys_of_the_table_in_its_order()
        {
            var documented = RuleKeyTable(File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "samples", "baseline-format.md")));

            Assert.Equal(RuleReader.Keys, documented);
            Assert.Equal(DemandKinds.All.Select(kind => kind.Key), documented.Skip(documented.IndexOf("onlyWhenLoaded") + 1));
        }

        [Fact]
        public void Every_demand_kind_has_one_reader_and_a_key_of_its_own()
        {
            Assert.Equal(DemandKinds.All, DemandReaders.All.Select(reader => reader.Kind));
            Assert.Equal(DemandKinds.All.Count, DemandKinds.All.Select(kind => kind.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        [Fact]
        public void A_flag_set_to_false_demands_nothing_and_a_rule_without_demands_cannot_be_built()
        {
            Assert.Null(DemandKinds.ForbidUnknownScopes.Of(false));
            Assert.NotNull(DemandKinds.ForbidUnknownScopes.Of(true));
            Assert.Throws<ArgumentException>(() => Rule());
            Assert.Throws<ArgumentException>(() => Rule(DemandKinds.ForbidUnknownRoles.Of(true)!, DemandKinds.ForbidUnknownRoles.Of(true)!));
        }

        [Fact]
        public void A_rule_built_directly_keeps_its_demands_in_table_order_and_shows_them_through_its_properties()
        {
            var rule = Rule(
                DemandKinds.ForbidSuspiciousText.Of(true)!,
                DemandKinds.RequiredScopes.Of(ValueList.From(new[] { new ScopePattern("users") }))!,
                DemandKinds.MaxAccessTokenValiditySeconds.Of(3600)!);

            Assert.Equal(new[] { "requiredScopes", "maxAccessTokenValiditySeconds", "forbidSuspiciousText" }, rule.Demands.Select(demand => demand.Key));
            Assert.Equal("users", rule.RequiredScopes.ToString());
            Assert.Equal(3600, rule.MaxAccessTokenValiditySeconds);
            Assert.True(rule.ForbidSuspiciousText);
            Assert.False(rule.ForbidUnknownScopes);
            Assert.Null(rule.AllowedScopes);
            Assert.Empty(rule.DeprecatedGrantTypes);
        }

        [Theory]
        [InlineData("2027-02-28T23:59:59Z", Severity.Medium)]
        [InlineData("2027-03-01T00:00:00Z", Severity.Critical)]
        public void A_time_based_demand_reads_the_evaluation_time_from_the_context(string now, Severity severity)
        {
            var deprecated = ValueList.From(new[] { new DeprecatedGrantType(GrantTypes.Token, new DateTime(2027, 3, 1), "Use the code grant with PKCE.") });
            var baseline = Baseline(Rule(DemandKinds.DeprecatedGrantTypes.Of(deprecated)!));
            var at = DateTime.Parse(now, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

            var finding = Assert.Single(new BaselineEvaluator(baseline, new EvaluationContext(at)).Evaluate(new OAuthClient("kiosk-id", "Kiosk", GrantTypes.Token)).Findings);

            Assert.Equal((FindingKind.DeprecatedGrantType, severity), (finding.Kind, finding.Severity));
        }

        [Fact]
        public void Allowed_divisions_with_forbid_all_divisions_report_an_all_divisions_grant_once_as_before()
        {
            var rule = Rule(DemandKinds.ForbidAllDivisions.Of(true)!, DemandKinds.AllowedDivisions.Of(ValueList.From(new[] { "Home" }))!);
            var parsed = Baselines.Parse(Head + "      allowedDivisions: [Home]\n      forbidAllDivisions: true\n").Rules.Single();

            Assert.Single(Engine.Rules.Evaluation.RuleChecks.For(rule));
            Assert.Equal(rule.Demands.Select(demand => demand.Kind.Written(demand)), parsed.Demands.Select(demand => demand.Kind.Written(demand)), new PlainComparer());
        }

        [Theory]
        [InlineData("samples/baseline.yml")]
        [InlineData(null)]
        public void What_a_writer_gets_from_each_demand_reads_back_as_the_same_demand(string? file)
        {
            var baseline = file == null ? Baselines.Loader.BuiltIn : Baselines.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)), file);
            var yaml = new StringBuilder("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: written }\nspec:\n  rules:\n");
            foreach (var rule in baseline.Rules)
            {
                yaml.Append($"    - id: {rule.Id}\n      description: d\n      severity: {rule.Severity}\n");
                foreach (var demand in rule.Demands)
                {
                    yaml.Append($"      {demand.Key}: {Yaml(demand.Kind.Written(demand))}\n");
                }
            }

            var read = Baselines.Parse(yaml.ToString(), "written.yml");

            Assert.Equal(baseline.Rules.Count, read.Rules.Count);
            foreach (var (original, copy) in baseline.Rules.Zip(read.Rules, (original, copy) => (original, copy)))
            {
                Assert.Equal(original.Demands.Select(demand => demand.Kind), copy.Demands.Select(demand => demand.Kind));
                Assert.Equal(original.Demands.Select(demand => demand.Kind.Written(demand)), copy.Demands.Select(demand => demand.Kind.Written(demand)), new PlainComparer());
            }
        }

        private const string Head = "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: t }\nspec:\n  rules:\n    - id: R-1\n      description: d\n      severity: Medium\n";

        /// <summary>The keys of the rule table (the table whose first key is id), in document order.</summary>
        private static List<string> RuleKeyTable(IEnumerable<string> lines)
        {
            var keys = new List<string>();
            foreach (var line in lines)
            {
                var key = Regex.Match(line, @"^\| `([A-Za-z]+)` \|");
                if (key.Success && (keys.Count > 0 || key.Groups[1].Value == "id"))
                {
                    keys.Add(key.Groups[1].Value);
                }
                else if (keys.Count > 0)
                {
                    break;
                }
            }

            return keys;
        }

        /// <summary>A plain written value as YAML flow text.</summary>
        private static string Yaml(object value) => value switch
        {
            bool flag => flag ? "true" : "false",
            int number => number.ToString(CultureInfo.InvariantCulture),
            string text => "'" + text.Replace("'", "''") + "'",
            IEnumerable<KeyValuePair<string, object>> map => "{ " + string.Join(", ", map.Select(entry => entry.Key + ": " + Yaml(entry.Value))) + " }",
            IEnumerable<object> list => "[" + string.Join(", ", list.Select(Yaml)) + "]",
            _ => throw new ArgumentException($"Not a plain value: {value.GetType()}"),
        };

        private static BaselineRule Rule(params Demand[] demands) =>
            new BaselineRule("R-1", "d", Severity.Medium, null, ClientMatch.Everything, null, demands);

        private static Baseline Baseline(params BaselineRule[] rules) =>
            new Baseline("direct", null, "direct", ValueList.From(rules), ValueList<Waiver>.Empty, reportUnmatchedClients: false);

        private sealed class PlainComparer : IEqualityComparer<object>
        {
            public new bool Equals(object? left, object? right) => Yaml(left!) == Yaml(right!);

            public int GetHashCode(object value) => Yaml(value).GetHashCode(StringComparison.Ordinal);
        }
    }
}
