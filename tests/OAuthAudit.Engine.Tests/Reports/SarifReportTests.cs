using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests.Reports
{
    /// <summary>
    /// The SARIF 2.1.0 report read back as JSON. The files these tests leave in out/reports/ (demo.sarif, hostile.sarif,
    /// two-organizations.sarif) are what .ci/run hands the official validator (@microsoft/sarif-multitool).
    /// </summary>
    public class SarifReportTests
    {
        [Fact]
        public void A_demo_run_is_one_SARIF_run_with_every_baseline_rule_and_one_result_per_finding()
        {
            var run = ReportRuns.Demo();
            var log = Parse(ReportRuns.Render(ReportFormat.Sarif, run), "demo.sarif");

            Assert.Equal("2.1.0", (string)log["version"]!);
            Assert.Equal(SarifReportWriter.SchemaUri, (string)log["$schema"]!);
            var sarifRun = (JObject)Assert.Single((JArray)log["runs"]!);
            var driver = sarifRun["tool"]!["driver"]!;
            Assert.Equal((RunTool.ToolName, run.Tool.Version, run.Tool.Version), ((string)driver["name"]!, (string)driver["version"]!, (string)driver["semanticVersion"]!));
            Assert.True(Uri.IsWellFormedUriString((string)driver["informationUri"]!, UriKind.Absolute));
            var rules = ((JArray)driver["rules"]!).Cast<JObject>().ToArray();
            Assert.Equal(run.Baseline.Rules.Select(rule => rule.Id), rules.Take(run.Baseline.Rules.Count).Select(rule => (string)rule["id"]!));
            foreach (var (rule, written) in run.Baseline.Rules.Zip(rules))
            {
                Assert.Equal(rule.Description, (string)written["shortDescription"]!["text"]!);
                Assert.StartsWith(rule.Description, (string)written["fullDescription"]!["text"]!, StringComparison.Ordinal);
                Assert.Equal(rule.Remediation ?? rule.Description, Unescape((string)written["help"]!["text"]!));
                Assert.Equal(ExpectedLevel(rule.Severity), (string)written["defaultConfiguration"]!["level"]!);
                Assert.Matches("^[A-Za-z][A-Za-z0-9]*$", (string)written["name"]!);
            }

            var findings = ReportRuns.Findings(run);
            var results = ((JArray)sarifRun["results"]!).Cast<JObject>().ToArray();
            Assert.Equal(findings.Count, results.Length);
            foreach (var (finding, result) in findings.Zip(results))
            {
                Assert.Equal(finding.RuleId, (string)result["ruleId"]!);
                Assert.Equal(finding.RuleId, (string)rules[(int)result["ruleIndex"]!]["id"]!);
                Assert.Equal(ExpectedLevel(finding.Severity), (string)result["level"]!);
                Assert.Equal(finding.Message, Unescape((string)result["message"]!["text"]!));
                var logical = (JObject)Assert.Single((JArray)result["locations"]![0]!["logicalLocations"]!);
                Assert.Equal($"{run.Organization.Name}/{finding.ClientName}", (string)logical["fullyQualifiedName"]!);
                Assert.Equal("resource", (string)logical["kind"]!);
                var declared = sarifRun["logicalLocations"]![(int)logical["index"]!]!;
                Assert.Equal((string)logical["fullyQualifiedName"]!, (string)declared["fullyQualifiedName"]!);
                Assert.Equal(finding.ClientId, (string)declared["properties"]!["clientId"]!);
                Assert.Equal(run.Organization.Name, (string)sarifRun["logicalLocations"]![(int)declared["parentIndex"]!]!["name"]!);
                Assert.Equal(new Uri(ReportRuns.SampleBaseline).AbsoluteUri, (string)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
                if (finding.Waived)
                {
                    var suppression = (JObject)Assert.Single((JArray)result["suppressions"]!);
                    Assert.Equal(("external", finding.WaiverRationale), ((string)suppression["kind"]!, (string)suppression["justification"]!));
                }
                else
                {
                    Assert.Null(result["suppressions"]);
                }
            }

            Assert.Contains(findings, finding => finding.Waived);
            Assert.Contains(results, result => (string)result["level"]! == "error");
        }

        [Fact]
        public void Fingerprints_are_stable_across_renders_and_differ_between_findings()
        {
            var first = Results(Parse(ReportRuns.Render(ReportFormat.Sarif, ReportRuns.Demo()), null));
            var second = Results(Parse(ReportRuns.Render(ReportFormat.Sarif, ReportRuns.Demo()), null));

            var fingerprints = first.Select(result => (string)result["partialFingerprints"]![SarifReportWriter.FingerprintKey]!).ToArray();
            Assert.Equal(fingerprints, second.Select(result => (string)result["partialFingerprints"]![SarifReportWriter.FingerprintKey]!));
            Assert.All(fingerprints, fingerprint => Assert.Matches("^[0-9a-f]{64}$", fingerprint));
            var keys = first.Select(result => ((string)result["properties"]!["clientId"]!, (string)result["ruleId"]!, (string)result["properties"]!["findingKind"]!, (string)result["properties"]!["subject"]!)).ToArray();
            Assert.Equal(keys.Distinct().Count(), fingerprints.Distinct().Count());
            Assert.NotEqual(SarifReportWriter.Fingerprint("org", "a", "R", FindingKind.ForbiddenScope, "b/c"), SarifReportWriter.Fingerprint("org", "a/b", "R", FindingKind.ForbiddenScope, "c"));
        }

        [Fact]
        public void Run_errors_and_skipped_clients_are_notifications_and_a_run_with_errors_did_not_execute_successfully()
        {
            var run = ReportRuns.Demo();
            var invocation = Parse(ReportRuns.Render(ReportFormat.Sarif, run), null)["runs"]![0]!["invocations"]![0]!;

            Assert.False((bool)invocation["executionSuccessful"]!);
            Assert.Equal(("2026-12-01T20:00:00Z", "2026-12-01T20:01:00Z"), ((string)invocation["startTimeUtc"]!, (string)invocation["endTimeUtc"]!));
            var notifications = ((JArray)invocation["toolExecutionNotifications"]!).ToArray();
            Assert.Equal(new[] { "RolesUnreadable", "PermissionCatalogUnreadable", "Skipped" }, notifications.Select(notification => (string)notification["descriptor"]!["id"]!));
            Assert.Equal(new[] { "error", "error", "warning" }, notifications.Select(notification => (string)notification["level"]!));
            Assert.NotNull(notifications[0]["locations"]);
            Assert.Null(notifications[1]["locations"]);

            var clean = Parse(ReportRuns.Render(ReportFormat.Sarif, ReportRuns.DemoWithoutProblems()), null)["runs"]![0]!["invocations"]![0]!;
            Assert.True((bool)clean["executionSuccessful"]!);
            Assert.Null(clean["toolExecutionNotifications"]);
        }

        [Fact]
        public void Hostile_names_stay_text_and_cannot_form_an_embedded_link()
        {
            using var files = new TempFiles();
            var run = ReportRuns.Hostile(files);
            var log = Parse(ReportRuns.Render(ReportFormat.Sarif, run), "hostile.sarif");

            var results = Results(log);
            Assert.Equal(ReportRuns.Findings(run).Count, results.Length);
            var texts = log.Descendants().OfType<JProperty>().Where(property => property.Name == "text").Select(property => (string)property.Value!).ToArray();
            Assert.All(texts, text => Assert.DoesNotMatch(@"(?<!\\)\[", text));
            Assert.All(texts, text => Assert.DoesNotMatch("[\u0000-\u001f\u202e]", text));
            Assert.Contains(results, result => ((string)result["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!).EndsWith("/Ctl\\x01\\x1b[31mred\\x00nul", StringComparison.Ordinal));
            Assert.Equal(DisplayText.Visible(run.Organization.Name), (string)log["runs"]![0]!["logicalLocations"]![0]!["name"]!);
        }

        [Fact]
        public void Two_runs_are_two_SARIF_runs_each_in_its_own_category()
        {
            using var files = new TempFiles();
            var log = Parse(ReportRuns.Render(ReportFormat.Sarif, ReportRuns.Demo(), ReportRuns.Hostile(files)), "two-organizations.sarif");

            var runs = ((JArray)log["runs"]!).ToArray();
            Assert.Equal(2, runs.Length);
            Assert.All(runs, run => Assert.StartsWith("oauthaudit/", (string)run["automationDetails"]!["id"]!, StringComparison.Ordinal));
        }

        [Fact]
        public void Findings_outside_the_baseline_s_rules_get_a_rule_of_their_own()
        {
            using var files = new TempFiles();
            var run = ReportRuns.Unmatched(files);
            Assert.All(run.Results, result => Assert.Equal(Outcome.NotApplicable, result.Outcome));

            var log = Parse(ReportRuns.Render(ReportFormat.Sarif, run), "unmatched.sarif");

            var rules = ((JArray)log["runs"]![0]!["tool"]!["driver"]!["rules"]!).Select(rule => (string)rule["id"]!).ToArray();
            Assert.Equal(new[] { "NOBODY-1", BaselineEvaluator.NoRuleId }, rules);
            var results = Results(log);
            Assert.Equal(run.Results.Count, results.Length);
            Assert.All(results, result => Assert.Equal((BaselineEvaluator.NoRuleId, 1, "note"), ((string)result["ruleId"]!, (int)result["ruleIndex"]!, (string)result["level"]!)));
        }

        [Fact]
        public void A_run_against_the_built_in_baseline_names_no_file()
        {
            Assert.Null(SarifReportWriter.BaselineArtifact(new RunBaseline("default", Rules.Loading.BaselineLoader.BuiltInSource, null, OAuthAudit.Engine.Model.ValueList<RunRule>.Empty)));
            Assert.Equal("policies/my%20baseline.yml", SarifReportWriter.BaselineArtifact(new RunBaseline("b", "./policies/my baseline.yml", null, OAuthAudit.Engine.Model.ValueList<RunRule>.Empty)));
        }

        private static string ExpectedLevel(Severity severity) => severity switch
        {
            Severity.Critical or Severity.High => "error",
            Severity.Medium => "warning",
            _ => "note",
        };

        private static string Unescape(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\\(.)", "$1");

        private static JObject[] Results(JObject log) => ((JArray)log["runs"]![0]!["results"]!).Cast<JObject>().ToArray();

        /// <summary>Parsed as written (times stay strings); with a name, also left in out/reports/ for the validator step of .ci/run.</summary>
        private static JObject Parse(byte[] bytes, string? keepAs)
        {
            if (keepAs != null)
            {
                var folder = Path.Combine(RepositoryRoot.Path, "out", "reports");
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, keepAs), bytes);
            }

            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "SARIF is written without a byte-order mark");
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(bytes))) { DateParseHandling = DateParseHandling.None };
            return JObject.Load(reader);
        }
    }
}
