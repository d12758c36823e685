using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>
    /// GitHub-flavoured Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: for several organizations the
    /// totals and a line per organization first; then per organization a summary
    /// (clients by outcome, outstanding findings by severity), a table of the outstanding findings above Info of Fail
    /// and Warning clients (highest severity first), and a table of the run's errors. Text from the organization or
    /// the baseline is made visible (DisplayText) and its Markdown characters are backslash-escaped, so a client name
    /// cannot add a row, a link, a mention, math or HTML. The report stays within <see cref="MaxBytes"/> (GitHub's
    /// comment limit, counted in UTF-8 bytes, so also in characters): rows that do not fit end in a line saying how many more there are.
    /// </summary>
    internal sealed class MarkdownReportWriter : IReportWriter
    {
        public const int MaxBytes = 65535;

        /// <summary>A cell longer than this is cut (with an ellipsis) so one long text cannot crowd out the rest.</summary>
        internal const int MaxCellLength = 400;

        // Room kept for each table's "N more" line.
        private const int MoreLineReserve = 160;

        // The characters GitHub's Markdown gives a meaning to inside a line: emphasis, code, links and autolinks (. and :),
        // HTML and entities, headings and lists, tables, mentions (@), math ($), strikethrough, footnotes (^).
        private const string Escaped = "\\`*_[](){}#+-.!|<>&~:@$^=";

        public ReportFormat Format => ReportFormat.Markdown;

        public string Extension => ".md";

        public void Write(IReadOnlyList<AuditRun> runs, Stream output)
        {
            ReportArguments.Check(runs, output);
            var blocks = new List<Block> { Block.Text("# OAuthAudit report\n") };
            if (runs.Count > 1)
            {
                blocks.AddRange(Totals(runs));
            }

            // A section's summary is never cut: the sections that do not fit whole are left out, and a line says how many.
            var used = blocks.Sum(FixedBytes);
            var left = 0;
            foreach (var run in runs)
            {
                var section = Section(run).ToArray();
                var size = section.Sum(FixedBytes);
                if (left > 0 || used + size > MaxBytes - MoreLineReserve)
                {
                    left++;
                    continue;
                }

                blocks.AddRange(section);
                used += size;
            }

            if (left > 0)
            {
                blocks.Add(Block.Text(string.Format(CultureInfo.InvariantCulture,
                    "\n{0} more organizations not shown: the report is kept within {1} bytes. The CSV, SARIF or JSON report lists them all.\n", left, MaxBytes)));
            }

            var text = Render(blocks);
            var bytes = new UTF8Encoding(false).GetBytes(text);
            output.Write(bytes, 0, bytes.Length);
        }

        /// <summary>Text as it may stand in a line or a table cell: visible, cut to <see cref="MaxCellLength"/>, Markdown characters escaped.</summary>
        internal static string Md(string? value)
        {
            var visible = DisplayText.Visible(value) ?? string.Empty;
            if (visible.Length > MaxCellLength)
            {
                var cut = MaxCellLength;
                if (char.IsHighSurrogate(visible[cut - 1]))
                {
                    cut--;
                }

                visible = visible.Substring(0, cut) + "\u2026";
            }

            var escaped = new StringBuilder(visible.Length + 16);
            foreach (var character in visible)
            {
                if (Escaped.IndexOf(character) >= 0)
                {
                    escaped.Append('\\');
                }

                escaped.Append(character);
            }

            return escaped.ToString();
        }

        /// <summary>Several organizations: the totals first, then one line per organization (its own baseline), before the sections.</summary>
        private static IEnumerable<Block> Totals(IReadOnlyList<AuditRun> runs)
        {
            var total = RunSummary.Of(runs);
            yield return Block.Text(new StringBuilder()
                .Append("\n## All organizations\n\n")
                .Append(Number(runs.Count)).Append(" organizations, ").Append(Number(total.Clients)).Append(" clients.\n\n")
                .Append(CountsHeader)
                .Append(Row(new[] { "Total" }.Concat(Counts(total))))
                .ToString());
            var lines = runs.Select(run => Row(new[] { Md(run.Organization.Name.Length == 0 ? run.Organization.Id : run.Organization.Name) + " (" + Md(run.Organization.Id) + ", " + Md(run.Baseline.Name) + ")" }
                .Concat(Counts(run.Summary)))).ToArray();
            yield return Block.Table("\n### Each organization\n\n", CountsHeader, lines, string.Empty, "organizations");
        }

        private const string CountsHeader = "| Organization | Clients | Pass | Fail | Warning | Not applicable | Error | Skipped | Critical | High | Medium | Low | Run errors |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

        private static IEnumerable<string> Counts(RunSummary summary) => new[]
        {
            summary.Clients, summary.ByOutcome[Outcome.Pass], summary.ByOutcome[Outcome.Fail], summary.ByOutcome[Outcome.Warning], summary.ByOutcome[Outcome.NotApplicable],
            summary.ByOutcome[Outcome.Error], summary.ByOutcome[Outcome.Skipped], summary.BySeverity[Severity.Critical], summary.BySeverity[Severity.High],
            summary.BySeverity[Severity.Medium], summary.BySeverity[Severity.Low], summary.Errors,
        }.Select(Number);

        private static IEnumerable<Block> Section(AuditRun run)
        {
            var summary = run.Summary;
            var source = run.DataSource.Kind == DataSourceKind.Snapshot
                ? $"snapshot captured {run.DataSource.CapturedAt?.ToString() ?? "at an unknown time"}"
                : "live";
            var header = new StringBuilder()
                .Append("\n## ").Append(Md(run.Organization.Name.Length == 0 ? run.Organization.Id : run.Organization.Name)).Append('\n').Append('\n')
                .Append("Organization ").Append(Md(run.Organization.Id)).Append(", baseline ").Append(Md(run.Baseline.Name))
                .Append(run.Baseline.Sha256 == null ? string.Empty : $" (SHA\\-256 {run.Baseline.Sha256.Substring(0, Math.Min(12, run.Baseline.Sha256.Length))}\u2026)")
                .Append(", ").Append(source).Append(", ").Append(Md(run.StartedAt.ToString())).Append(" to ").Append(Md(run.FinishedAt.ToString()))
                .Append(", ").Append(Md(run.Tool.ToString())).Append(".\n\n")
                .Append("| Clients | Pass | Fail | Warning | Not applicable | Error | Skipped |\n")
                .Append("|---:|---:|---:|---:|---:|---:|---:|\n")
                .Append(Row(new[] { summary.Clients, summary.ByOutcome[Outcome.Pass], summary.ByOutcome[Outcome.Fail], summary.ByOutcome[Outcome.Warning],
                    summary.ByOutcome[Outcome.NotApplicable], summary.ByOutcome[Outcome.Error], summary.ByOutcome[Outcome.Skipped] }.Select(Number)))
                .Append('\n')
                .Append("| Critical | High | Medium | Low | Info | Waived | Run errors |\n")
                .Append("|---:|---:|---:|---:|---:|---:|---:|\n")
                .Append(Row(new[] { summary.BySeverity[Severity.Critical], summary.BySeverity[Severity.High], summary.BySeverity[Severity.Medium],
                    summary.BySeverity[Severity.Low], summary.BySeverity[Severity.Info], summary.WaivedFindings, summary.Errors }.Select(Number)));
            yield return Block.Text(header.ToString());

            var findings = run.Results
                .Where(result => result.Outcome == Outcome.Fail || result.Outcome == Outcome.Warning)
                .SelectMany(result => result.Findings.Where(finding => finding.IsOutstanding && finding.Severity > Severity.Info).Select(finding => (result, finding)))
                .OrderByDescending(entry => entry.finding.Severity)
                .Select(entry => Row(new[]
                {
                    Md(entry.result.ClientName), Md(entry.result.GrantType), entry.result.Outcome.ToString(), Md(entry.finding.RuleId),
                    entry.finding.Severity.ToString(), Md(entry.finding.Message),
                }))
                .ToArray();
            yield return Block.Table(
                "\n### Clients that fail or warn\n\n",
                "| Client | Grant type | Outcome | Rule | Severity | Finding |\n|---|---|---|---|---|---|\n",
                findings,
                "No client fails or warns.\n",
                "findings");

            if (run.Errors.Count > 0)
            {
                var errors = run.Errors.Select(error => Row(new[] { error.ClientName == null ? "(the run)" : Md(error.ClientName), Md(error.ErrorId), Md(error.Message) })).ToArray();
                yield return Block.Table("\n### Errors\n\n", "| Client | Error | Message |\n|---|---|---|\n", errors, string.Empty, "errors");
            }
        }

        /// <summary>What a block takes whatever rows fit: its title, its header (or its empty text) and room for its "N more" line.</summary>
        private static int FixedBytes(Block block) =>
            Utf8.GetByteCount(block.Title) + Utf8.GetByteCount(block.Rows.Count == 0 ? block.Empty : block.Header) + (block.Rows.Count == 0 ? 0 : MoreLineReserve);

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private static string Render(IReadOnlyList<Block> blocks)
        {
            var encoding = Utf8;
            var fixedBytes = blocks.Sum(FixedBytes);
            var budget = MaxBytes - fixedBytes;
            var full = false;
            var text = new StringBuilder();
            foreach (var block in blocks)
            {
                text.Append(block.Title);
                if (block.Rows.Count == 0)
                {
                    text.Append(block.Empty);
                    continue;
                }

                text.Append(block.Header);
                var shown = 0;
                foreach (var row in block.Rows)
                {
                    var size = encoding.GetByteCount(row);
                    if (full || size > budget)
                    {
                        full = true;
                        break;
                    }

                    text.Append(row);
                    budget -= size;
                    shown++;
                }

                if (shown < block.Rows.Count)
                {
                    var more = block.Rows.Count - shown;
                    text.Append('\n').Append(string.Format(CultureInfo.InvariantCulture,
                        "{0} more {1} not shown: the report is kept within {2} bytes. The CSV, SARIF or JSON report lists them all.\n", more, block.Noun, MaxBytes));
                }
            }

            return text.ToString();
        }

        private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |\n";

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private sealed class Block
        {
            private Block(string title, string header, IReadOnlyList<string> rows, string empty, string noun)
            {
                Title = title;
                Header = header;
                Rows = rows;
                Empty = empty;
                Noun = noun;
            }

            public string Title { get; }

            public string Header { get; }

            public IReadOnlyList<string> Rows { get; }

            public string Empty { get; }

            public string Noun { get; }

            public static Block Text(string text) => new Block(text, string.Empty, Array.Empty<string>(), string.Empty, string.Empty);

            public static Block Table(string title, string header, IReadOnlyList<string> rows, string empty, string noun) => new Block(title, header, rows, empty, noun);
        }
    }
}
