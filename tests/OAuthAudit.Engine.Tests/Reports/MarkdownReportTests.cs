using System;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using Xunit;

namespace OAuthAudit.Engine.Tests.Reports
{
    /// <summary>The Markdown report read back with Markdig (pipe tables, autolinks, math, emoji, attributes: what GitHub's Markdown does and more).</summary>
    public class MarkdownReportTests
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseEmojiAndSmiley().Build();

        [Fact]
        public void A_demo_run_has_a_summary_whose_numbers_are_the_run_s_and_a_row_per_outstanding_finding_of_a_failing_client()
        {
            var run = ReportRuns.Demo();
            var text = Text(ReportRuns.Render(ReportFormat.Markdown, run));

            var tables = Markdown.Parse(text, Pipeline).Descendants<Table>().ToArray();
            Assert.Equal(4, tables.Length);
            var outcomes = Cells(tables[0]);
            Assert.Equal(new[] { "Clients", "Pass", "Fail", "Warning", "Not applicable", "Error", "Skipped" }, outcomes[0]);
            Assert.Equal(new[] { run.Summary.Clients, run.Summary.ByOutcome[Outcome.Pass], run.Summary.ByOutcome[Outcome.Fail], run.Summary.ByOutcome[Outcome.Warning],
                run.Summary.ByOutcome[Outcome.NotApplicable], run.Summary.ByOutcome[Outcome.Error], run.Summary.ByOutcome[Outcome.Skipped] }.Select(value => value.ToString()), outcomes[1]);
            var severities = Cells(tables[1]);
            Assert.Equal(new[] { run.Summary.BySeverity[Severity.Critical], run.Summary.BySeverity[Severity.High], run.Summary.BySeverity[Severity.Medium],
                run.Summary.BySeverity[Severity.Low], run.Summary.BySeverity[Severity.Info], run.Summary.WaivedFindings, run.Summary.Errors }.Select(value => value.ToString()), severities[1]);

            var expected = Outstanding(run);
            var findings = Cells(tables[2]);
            Assert.Equal(new[] { "Client", "Grant type", "Outcome", "Rule", "Severity", "Finding" }, findings[0]);
            Assert.Equal(expected, findings.Length - 1);
            Assert.Equal(findings.Skip(1).Select(row => row[4]).OrderByDescending(Enum.Parse<Severity>), findings.Skip(1).Select(row => row[4]));
            Assert.All(findings.Skip(1), row => Assert.Contains(row[2], new[] { "Fail", "Warning" }));
            var errors = Cells(tables[3]);
            Assert.Equal(run.Errors.Count, errors.Length - 1);
            Assert.Equal("(the run)", errors[2][0]);
            Assert.Equal("PermissionCatalogUnreadable", errors[2][1]);
        }

        [Fact]
        public void A_client_name_with_a_pipe_and_a_newline_adds_no_row_and_hostile_text_makes_no_link_mention_math_or_HTML()
        {
            using var files = new TempFiles();
            var run = ReportRuns.Hostile(files);
            var text = Text(ReportRuns.Render(ReportFormat.Markdown, run));

            var document = Markdown.Parse(text, Pipeline);
            var tables = document.Descendants<Table>().ToArray();
            Assert.Equal(4, tables.Length);
            var findings = Cells(tables[2]);
            Assert.Equal(Outstanding(run), findings.Length - 1);
            Assert.All(findings, row => Assert.Equal(6, row.Length));
            Assert.Contains(findings, row => row[0] == "Pipe | forged | row |\\x0a| x | y |");
            Assert.Contains(findings, row => row[0].StartsWith("<img src=x onerror=alert(1)> `code` [link](https://evil.example)", StringComparison.Ordinal));
            // One heading per organization, the report's title and the section titles; none forged by a name.
            Assert.Equal(new[] { 1, 2, 3, 3 }, document.Descendants<HeadingBlock>().Select(heading => heading.Level));

            var html = Markdown.ToHtml(text, Pipeline);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<code>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("class=\"math\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        }

        [Theory]
        [InlineData("a|b", "a\\|b")]
        [InlineData("`x`", "\\`x\\`")]
        [InlineData("<b>", "\\<b\\>")]
        [InlineData("line\nnext", "line\\\\x0anext")]
        [InlineData("# h", "\\# h")]
        [InlineData("[l](u)", "\\[l\\]\\(u\\)")]
        [InlineData("www.evil.example", "www\\.evil\\.example")]
        [InlineData("@team", "\\@team")]
        public void Markdown_characters_in_text_are_escaped(string value, string expected)
        {
            Assert.Equal(expected, MarkdownReportWriter.Md(value));
        }

        [Fact]
        public void A_report_with_more_findings_than_fit_stays_within_the_limit_and_says_how_many_are_not_shown()
        {
            var run = ReportRuns.Large(5000);
            var bytes = ReportRuns.Render(ReportFormat.Markdown, run);
            var text = Text(bytes);

            Assert.InRange(bytes.Length, MarkdownReportWriter.MaxBytes - 2000, MarkdownReportWriter.MaxBytes);
            var shown = Cells(Markdown.Parse(text, Pipeline).Descendants<Table>().ElementAt(2)).Length - 1;
            var expected = Outstanding(run);
            Assert.InRange(shown, 1, expected - 1);
            Assert.Contains($"\n{expected - shown} more findings not shown", text);
        }

        [Fact]
        public void Two_runs_are_two_sections()
        {
            using var files = new TempFiles();
            var text = Text(ReportRuns.Render(ReportFormat.Markdown, ReportRuns.Demo(), ReportRuns.Hostile(files)));

            // Several runs: the totals section (its table and a line per run) first, then a section per run.
            var headings = Markdown.Parse(text, Pipeline).Descendants<HeadingBlock>().Where(heading => heading.Level == 2).ToArray();
            Assert.Equal(3, headings.Length);
            Assert.Equal(10, Markdown.Parse(text, Pipeline).Descendants<Table>().Count());
        }

        private static int Outstanding(AuditRun run) => run.Results.Where(result => result.Outcome == Outcome.Fail || result.Outcome == Outcome.Warning)
            .Sum(result => result.Findings.Count(finding => finding.IsOutstanding && finding.Severity > Severity.Info));

        private static string Text(byte[] bytes)
        {
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF, "Markdown is written without a byte-order mark");
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }

        /// <summary>Each row's cells as plain text, as a reader sees them rendered (escapes resolved).</summary>
        private static string[][] Cells(Table table) => table.OfType<TableRow>()
            .Select(row => row.OfType<TableCell>().Select(cell => Plain(cell)).ToArray())
            .ToArray();

        private static string Plain(TableCell cell)
        {
            var html = Markdown.ToHtml(string.Empty, Pipeline);
            var writer = new System.IO.StringWriter();
            var renderer = new Markdig.Renderers.HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            Pipeline.Setup(renderer);
            renderer.Render(cell);
            writer.Flush();
            return writer.ToString().Trim();
        }
    }
}
