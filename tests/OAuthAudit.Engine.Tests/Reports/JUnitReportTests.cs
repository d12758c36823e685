using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;
using Xunit;

namespace OAuthAudit.Engine.Tests.Reports
{
    /// <summary>The JUnit XML report read back with XDocument: its counts are the run's.</summary>
    public class JUnitReportTests
    {
        [Fact]
        public void A_demo_run_is_one_testsuite_whose_counts_are_the_run_s()
        {
            var run = ReportRuns.Demo();

            var document = Parse(ReportRuns.Render(ReportFormat.JUnit, run));

            var suite = Assert.Single(document.Root!.Elements("testsuite"));
            Assert.Equal("testsuites", document.Root!.Name.LocalName);
            Assert.Equal(run.Organization.Name, (string)suite.Attribute("name")!);
            var cases = suite.Elements("testcase").ToArray();
            var judged = run.Results.Where(result => result.Outcome == Outcome.Pass || result.Outcome == Outcome.Fail || result.Outcome == Outcome.Warning).ToArray();
            var skippedCases = run.Results.Count(result => result.Outcome == Outcome.NotApplicable)
                + run.Results.Where(result => result.Outcome == Outcome.Skipped).Sum(result => Math.Max(1, result.MatchedRules.Count));
            Assert.Equal(judged.Sum(result => result.MatchedRules.Count) + skippedCases + run.Summary.Errors, cases.Length);
            Assert.Equal(cases.Length, (int)suite.Attribute("tests")!);
            Assert.Equal(cases.Count(testCase => testCase.Element("failure") != null), (int)suite.Attribute("failures")!);
            Assert.Equal(cases.Count(testCase => testCase.Element("error") != null), (int)suite.Attribute("errors")!);
            Assert.Equal(cases.Count(testCase => testCase.Element("skipped") != null), (int)suite.Attribute("skipped")!);
            Assert.Equal(run.Summary.Errors, (int)suite.Attribute("errors")!);
            Assert.Equal(skippedCases, (int)suite.Attribute("skipped")!);
            Assert.Equal("60.000", (string)suite.Attribute("time")!);
            Assert.Equal("2026-12-01T20:00:00", (string)suite.Attribute("timestamp")!);
            Assert.Equal(new[] { "tests", "failures", "errors", "skipped" }.Select(name => (string)suite.Attribute(name)!),
                new[] { "tests", "failures", "errors", "skipped" }.Select(name => (string)document.Root!.Attribute(name)!));

            // A client fails in the report exactly when it fails in the run, and by the rules the run names.
            var failingClients = cases.Where(testCase => testCase.Element("failure") != null).Select(testCase => (string)testCase.Attribute("classname")!).Distinct().ToArray();
            Assert.Equal(run.Summary.ByOutcome[Outcome.Fail], failingClients.Length);
            foreach (var result in judged)
            {
                var failed = cases.Where(testCase => (string)testCase.Attribute("classname")! == $"{result.ClientName} ({result.ClientId})" && testCase.Element("failure") != null)
                    .Select(testCase => (string)testCase.Attribute("name")!).OrderBy(name => name).ToArray();
                var expected = result.Findings.Where(finding => finding.IsOutstanding && finding.Severity >= Severity.Medium).Select(finding => finding.RuleId).Distinct().OrderBy(name => name).ToArray();
                Assert.Equal(expected, failed);
            }
        }

        [Fact]
        public void A_failure_carries_its_findings_and_warnings_and_waived_findings_are_output_not_failures()
        {
            var run = ReportRuns.Demo();
            var cases = Parse(ReportRuns.Render(ReportFormat.JUnit, run)).Descendants("testcase").ToArray();

            var failure = cases.Select(testCase => testCase.Element("failure")).First(element => element != null)!;
            Assert.Contains((string)failure.Attribute("type")!, new[] { "Medium", "High", "Critical" });
            Assert.False(string.IsNullOrEmpty((string)failure.Attribute("message")!));
            Assert.Contains("Remediation:", failure.Value);

            var warning = run.Results.First(result => result.Outcome == Outcome.Warning);
            var warningCases = cases.Where(testCase => (string)testCase.Attribute("classname")! == $"{warning.ClientName} ({warning.ClientId})").ToArray();
            Assert.All(warningCases, testCase => Assert.Null(testCase.Element("failure")));
            Assert.Contains(warningCases, testCase => testCase.Element("system-out")?.Value.Contains("[Low]", StringComparison.Ordinal) == true);

            var waived = run.Results.SelectMany(result => result.Findings).First(finding => finding.Waived);
            var waivedCase = cases.Single(testCase => (string)testCase.Attribute("classname")! == $"{waived.ClientName} ({waived.ClientId})" && (string)testCase.Attribute("name")! == waived.RuleId);
            Assert.Contains(", waived]", waivedCase.Element("system-out")!.Value);
            Assert.Contains(waived.WaiverRationale!, waivedCase.Element("system-out")!.Value);
        }

        [Fact]
        public void Error_clients_and_run_errors_are_errors_and_skipped_and_not_applicable_clients_are_skipped()
        {
            var run = ReportRuns.Demo();
            var cases = Parse(ReportRuns.Render(ReportFormat.JUnit, run)).Descendants("testcase").ToArray();

            var errors = cases.Where(testCase => testCase.Element("error") != null).ToArray();
            Assert.Equal(new[] { "RolesUnreadable", "PermissionCatalogUnreadable" }, errors.Select(testCase => (string)testCase.Element("error")!.Attribute("type")!));
            Assert.Equal(JUnitReportWriter.RunClassName, (string)errors[1].Attribute("classname")!);
            Assert.Equal("Roles of the client could not be read: HTTP 503.", (string)errors[0].Element("error")!.Attribute("message")!);
            var skipped = cases.Where(testCase => testCase.Element("skipped") != null).ToArray();
            Assert.Contains(skipped, testCase => (string)testCase.Attribute("name")! == "usage-rule");
            Assert.Equal(run.Summary.ByOutcome[Outcome.NotApplicable], skipped.Count(testCase => (string)testCase.Attribute("name")! == JUnitReportWriter.NoRuleApplies));
        }

        [Fact]
        public void Hostile_names_make_well_formed_XML_that_forges_no_element_and_keeps_its_counts()
        {
            using var files = new TempFiles();
            var run = ReportRuns.Hostile(files);
            var bytes = ReportRuns.Render(ReportFormat.JUnit, run);

            // A strict XML 1.0 reader: any character XML cannot hold would throw here.
            var document = Parse(bytes);

            var cases = document.Descendants("testcase").ToArray();
            Assert.DoesNotContain(cases, testCase => (string)testCase.Attribute("name")! == "forged");
            Assert.Contains(cases, testCase => ((string)testCase.Attribute("classname")!).StartsWith("</testcase><testcase name=\"forged\"/>", StringComparison.Ordinal));
            Assert.Contains(cases, testCase => ((string)testCase.Attribute("classname")!).StartsWith("Ctl\\x01\\x1b[31mred\\x00nul", StringComparison.Ordinal));
            Assert.Contains(cases, testCase => ((string)testCase.Attribute("classname")!).StartsWith("Bad\\ufffe\\uffffxml\ufffdlone", StringComparison.Ordinal));
            // (The snapshot's JSON reader already turns a lone surrogate into U+FFFD; Safe's own handling of one is tested below.)
            Assert.Equal(DisplayText.Visible(run.Organization.Name), (string)document.Root!.Element("testsuite")!.Attribute("name")!);
            Assert.All(document.Descendants().SelectMany(element => element.Attributes()), attribute => Assert.DoesNotMatch("[\u0000-\u001f\u202e]", attribute.Value));
            Assert.Equal(cases.Length, (int)document.Root!.Element("testsuite")!.Attribute("tests")!);
        }

        [Fact]
        public void Text_XML_cannot_hold_is_written_as_an_escape()
        {
            // Built here, not as theory data: xunit's serialization of test data would replace lone surrogates.
            Assert.Equal("ok", JUnitReportWriter.Safe("ok"));
            Assert.Equal("a\\x00b", JUnitReportWriter.Safe("a\u0000b"));
            Assert.Equal("\\uffff\\ufffe", JUnitReportWriter.Safe("\uffff\ufffe"));
            Assert.Equal("\\ud800x", JUnitReportWriter.Safe(new string(new[] { (char)0xD800, 'x' })));
            Assert.Equal("x\\udc00", JUnitReportWriter.Safe(new string(new[] { 'x', (char)0xDC00 })));
            Assert.Equal("\\ud800", JUnitReportWriter.Safe(new string(new[] { (char)0xD800 })));
            Assert.Equal("\ud83d\ude00", JUnitReportWriter.Safe("\ud83d\ude00"));
        }

        [Fact]
        public void Not_applicable_clients_are_skipped_with_their_unmatched_finding_in_the_output()
        {
            using var files = new TempFiles();
            var run = ReportRuns.Unmatched(files);

            var suite = Parse(ReportRuns.Render(ReportFormat.JUnit, run)).Root!.Element("testsuite")!;

            var cases = suite.Elements("testcase").ToArray();
            Assert.Equal(run.Results.Count, cases.Length);
            Assert.All(cases, testCase =>
            {
                Assert.Equal(JUnitReportWriter.NoRuleApplies, (string)testCase.Attribute("name")!);
                Assert.NotNull(testCase.Element("skipped"));
                Assert.Contains("NoRuleMatched", testCase.Element("system-out")!.Value);
            });
            Assert.Equal((cases.Length, 0), ((int)suite.Attribute("skipped")!, (int)suite.Attribute("failures")!));
        }

        [Fact]
        public void Two_runs_are_two_testsuites_and_the_totals_add_up()
        {
            using var files = new TempFiles();
            var document = Parse(ReportRuns.Render(ReportFormat.JUnit, ReportRuns.Demo(), ReportRuns.Hostile(files)));

            var suites = document.Root!.Elements("testsuite").ToArray();
            Assert.Equal(2, suites.Length);
            foreach (var name in new[] { "tests", "failures", "errors", "skipped" })
            {
                Assert.Equal(suites.Sum(suite => (int)suite.Attribute(name)!), (int)document.Root!.Attribute(name)!);
            }
        }

        private static XDocument Parse(byte[] bytes)
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit });
            return XDocument.Load(reader);
        }
    }
}
