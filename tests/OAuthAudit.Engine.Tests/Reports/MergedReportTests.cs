using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsvHelper;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests.Reports
{
    /// <summary>
    /// Three organizations merged (the demo with problems, one with hostile names, one against the built-in baseline),
    /// rendered in every format and read back with an independent parser: each organization once, totals that add up.
    /// The SARIF file is left in out/reports/ (three-organizations.sarif) for the validator step of .ci/run.
    /// </summary>
    public class MergedReportTests
    {
        [Fact]
        public async System.Threading.Tasks.Task Json_is_the_multi_organization_document_valid_against_its_schema_and_read_back_run_by_run()
        {
            using var files = new TempFiles();
            var set = ReportRuns.ThreeOrganizations(files);
            var bytes = ReportRuns.Render(ReportFormat.Json, set.Runs.ToArray());
            var text = new UTF8Encoding(false, true).GetString(bytes);

            var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "audit-run-set.v1.schema.json"));
            Assert.Empty(schema.Validate(text).Select(error => $"{error.Path}: {error.Kind}"));
            var document = JObject.Parse(text);
            Assert.Equal(new[] { "schemaVersion", "kind", "tool", "summary", "runs" }, document.Properties().Select(property => property.Name));
            Assert.Equal(AuditRunSet.Kind, (string)document["kind"]!);
            Assert.Equal(3, (int)document["summary"]!["organizations"]!);
            Assert.Equal(set.Summary.Clients, (int)document["summary"]!["clients"]!);
            Assert.Equal(set.Runs.Select(AuditRunJson.Write), ((JArray)document["runs"]!).Select(run => AuditRunJson.Write(Assert.Single(AuditRunReader.ReadText(run.ToString(), "run")))));
            Assert.Equal(AuditRunSetJson.Write(set) + "\n", text);
            var broken = (JObject)document.DeepClone();
            broken["runs"]![0]!["summary"]!["clients"] = "many";
            Assert.NotEmpty(schema.Validate(broken.ToString()));
            Figure("json", bytes.Length);
        }

        [Fact]
        public void One_run_is_still_the_single_run_document_and_two_runs_of_one_organization_are_refused()
        {
            var run = ReportRuns.Demo();
            Assert.Equal(AuditRunJson.Write(run) + "\n", Encoding.UTF8.GetString(ReportRuns.Render(ReportFormat.Json, run)));

            var refused = Assert.Throws<ArgumentException>(() => ReportRuns.Render(ReportFormat.Json, run, ReportRuns.DemoWithoutProblems()));
            Assert.Contains("one run per organization", refused.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Csv_names_the_organization_in_every_row()
        {
            using var files = new TempFiles();
            var set = ReportRuns.ThreeOrganizations(files);
            var bytes = ReportRuns.Render(ReportFormat.Csv, set.Runs.ToArray());

            using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes)), CultureInfo.InvariantCulture);
            var rows = reader.GetRecords<dynamic>().Cast<System.Collections.Generic.IDictionary<string, object>>().ToArray();
            foreach (var run in set.Runs)
            {
                var expected = run.Results.Sum(result => result.Findings.Count + (result.Outcome == Outcome.Skipped ? 1 : 0)) + run.Errors.Count;
                Assert.Equal(expected, rows.Count(row => (string)row["OrganizationId"] == run.Organization.Id));
                Assert.All(rows.Where(row => (string)row["OrganizationId"] == run.Organization.Id), row => Assert.Equal(CsvReportWriter.Cell(run.Organization.Name), (string)row["Organization"]));
            }

            Assert.Equal(rows.Length, set.Runs.Sum(run => rows.Count(row => (string)row["OrganizationId"] == run.Organization.Id)));
            Figure("csv", bytes.Length);
        }

        [Fact]
        public void JUnit_has_one_testsuite_per_organization()
        {
            using var files = new TempFiles();
            var set = ReportRuns.ThreeOrganizations(files);
            var bytes = ReportRuns.Render(ReportFormat.JUnit, set.Runs.ToArray());

            var suites = XDocument.Load(new MemoryStream(bytes)).Root!.Elements("testsuite").ToArray();
            Assert.Equal(3, suites.Length);
            Assert.Equal(set.Runs.Select(run => DisplayText.Visible(run.Organization.Name)), suites.Select(suite => (string)suite.Attribute("name")!));
            Assert.Equal(3, suites.Select(suite => (string)suite.Attribute("id")! ?? (string)suite.Attribute("name")!).Distinct().Count());
            Figure("junit", bytes.Length);
        }

        [Fact]
        public void Sarif_has_one_run_per_organization_each_with_its_own_baseline_rules()
        {
            using var files = new TempFiles();
            var set = ReportRuns.ThreeOrganizations(files);
            var bytes = ReportRuns.Render(ReportFormat.Sarif, set.Runs.ToArray());
            var folder = Path.Combine(RepositoryRoot.Path, "out", "reports");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "three-organizations.sarif"), bytes);

            var runs = ((JArray)JObject.Parse(Encoding.UTF8.GetString(bytes))["runs"]!).ToArray();
            Assert.Equal(3, runs.Length);
            Assert.Equal(3, runs.Select(run => (string)run["automationDetails"]!["id"]!).Distinct().Count());
            for (var index = 0; index < 3; index++)
            {
                var ruleIds = runs[index]["tool"]!["driver"]!["rules"]!.Select(rule => (string)rule["id"]!).ToArray();
                Assert.Equal(set.Runs[index].Baseline.Rules.Select(rule => rule.Id), ruleIds.Take(set.Runs[index].Baseline.Rules.Count));
                Assert.Equal(ReportRuns.Findings(set.Runs[index]).Count, ((JArray)runs[index]["results"]!).Count);
            }

            Figure("sarif", bytes.Length);
        }

        [Fact]
        public void Markdown_shows_the_totals_then_a_section_per_organization_within_the_size_cap()
        {
            using var files = new TempFiles();
            var set = ReportRuns.ThreeOrganizations(files);
            var bytes = ReportRuns.Render(ReportFormat.Markdown, set.Runs.ToArray());
            var text = new UTF8Encoding(false, true).GetString(bytes);

            var document = Markdown.Parse(text, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
            var headings = document.Descendants<HeadingBlock>().Where(heading => heading.Level == 2).Select(heading => heading.Inline!.FirstChild!.ToString()).ToArray();
            Assert.Equal(4, headings.Length);
            Assert.Equal("All organizations", headings[0]);
            var tables = document.Descendants<Table>().ToArray();
            Assert.Equal(new[] { "Total" }.Concat(Enumerable.Repeat("x", 3)).Count(), tables[0].Count() - 1 + tables[1].Count() - 1);
            Assert.Contains($"| Total | {set.Summary.Clients} | {set.Summary.ByOutcome[Outcome.Pass]} | {set.Summary.ByOutcome[Outcome.Fail]} |", text, StringComparison.Ordinal);
            Assert.True(bytes.Length <= MarkdownReportWriter.MaxBytes);
            Figure("markdown", bytes.Length);
        }

        [Fact]
        public void Markdown_of_two_hundred_organizations_stays_within_the_cap_and_says_what_it_left_out()
        {
            var demo = AuditRunJson.Write(ReportRuns.Demo());
            var id = ReportRuns.Demo().Organization.Id;
            var runs = Enumerable.Range(0, 200).Select(index => Assert.Single(AuditRunReader.ReadText(demo.Replace(id, $"00000000-0000-4000-8000-{index:D12}"), $"run{index}.json"))).ToArray();

            var bytes = ReportRuns.Render(ReportFormat.Markdown, runs);

            Assert.True(bytes.Length <= MarkdownReportWriter.MaxBytes, $"{bytes.Length} bytes");
            var text = Encoding.UTF8.GetString(bytes);
            Assert.Contains("| Total | 8000 |", text, StringComparison.Ordinal);
            Assert.Contains("not shown: the report is kept within 65535 bytes", text, StringComparison.Ordinal);
            Assert.Contains("more organizations not shown", text, StringComparison.Ordinal);
            Assert.Contains("## All organizations", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Html_holds_every_organization_s_run_document_in_its_data_block()
        {
            using var files = new TempFiles();
            var set = ReportRuns.ThreeOrganizations(files);
            var bytes = ReportRuns.Render(ReportFormat.Html, set.Runs.ToArray());

            var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes));
            var data = JArray.Parse(page.GetElementById("oauthaudit-runs")!.TextContent);
            Assert.Equal(set.Runs.Select(run => run.Organization.Id), data.Select(run => (string)run["organization"]!["id"]!));
            Assert.Single(page.QuerySelectorAll("script:not([type])"));
            Figure("html", bytes.Length);
        }

        private static void Figure(string format, int bytes)
        {
            var folder = Path.Combine(RepositoryRoot.Path, "out", "test-results");
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, "merged-report-sizes.txt"), $"three merged organizations (120 clients), {format}: {bytes:N0} bytes{Environment.NewLine}");
        }
    }
}
