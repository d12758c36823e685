using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using Xunit;

namespace OAuthAudit.Engine.Tests.Reports
{
    /// <summary>The CSV report read back with CsvHelper: one row per finding, plus a row per run error and per skipped client.</summary>
    public class CsvReportTests
    {
        private static readonly string[] Header =
        {
            "Organization", "OrganizationId", "ClientId", "ClientName", "GrantType", "State", "RuleId", "Severity", "Kind",
            "Subject", "Message", "Remediation", "Waived", "WaiverRationale", "WaiverExpiresOn",
        };

        [Fact]
        public void A_demo_run_has_a_row_per_finding_then_per_skipped_client_and_per_run_error_in_the_fixed_column_order()
        {
            var run = ReportRuns.Demo();
            var bytes = ReportRuns.Render(ReportFormat.Csv, run);

            var (header, rows) = Read(bytes);

            Assert.Equal(Header, header);
            var findings = ReportRuns.Findings(run);
            Assert.NotEmpty(findings);
            Assert.Equal(findings.Count + run.Errors.Count + 1, rows.Count);
            var findingRows = rows.Where(row => row["Kind"] != "Error" && row["Kind"] != "Skipped").ToArray();
            Assert.Equal(findings.Count, findingRows.Length);
            for (var index = 0; index < findings.Count; index++)
            {
                var (finding, row) = (findings[index], findingRows[index]);
                Assert.Equal((run.Organization.Name, run.Organization.Id, finding.ClientId, finding.RuleId, finding.Severity.ToString(), finding.Kind.ToString()),
                    (row["Organization"], row["OrganizationId"], row["ClientId"], row["RuleId"], row["Severity"], row["Kind"]));
                Assert.Equal(finding.Waived ? "True" : "False", row["Waived"]);
                Assert.Equal(finding.WaiverExpiresOn?.ToString() ?? string.Empty, row["WaiverExpiresOn"]);
            }

            Assert.Contains(findingRows, row => row["Waived"] == "True" && row["WaiverRationale"].Length > 0);
            var errors = rows.Where(row => row["Kind"] == "Error").ToArray();
            Assert.Equal(new[] { "RolesUnreadable", "PermissionCatalogUnreadable" }, errors.Select(row => row["Subject"]));
            Assert.Equal(run.Errors[0].ClientId, errors[0]["ClientId"]);
            Assert.Equal(string.Empty, errors[1]["ClientId"]);
            var skipped = Assert.Single(rows, row => row["Kind"] == "Skipped");
            Assert.Equal("usage-rule", skipped["RuleId"]);
            Assert.Contains("last-used date", skipped["Message"]);
        }

        [Fact]
        public void The_file_is_UTF_8_with_a_byte_order_mark_and_CRLF_line_ends_and_every_field_quoted()
        {
            var bytes = ReportRuns.Render(ReportFormat.Csv, ReportRuns.Demo());

            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
            Assert.EndsWith("\r\n", text);
            Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty));
            Assert.StartsWith("\"Organization\",\"OrganizationId\",\"ClientId\"", text);
        }

        [Fact]
        public void Error_and_Skipped_are_not_finding_kinds_so_their_rows_cannot_be_mistaken_for_findings()
        {
            Assert.DoesNotContain(CsvReportWriter.ErrorKind, Enum.GetNames<FindingKind>());
            Assert.DoesNotContain(CsvReportWriter.SkippedKind, Enum.GetNames<FindingKind>());
        }

        [Fact]
        public void A_run_with_clients_but_no_findings_or_errors_is_the_header_alone()
        {
            var demo = ReportRuns.DemoWithoutProblems();
            using var context = Connector.ConnectSnapshot(ReportRuns.DemoSnapshot);
            var builder = AuditRunBuilder.For(context, OAuthAudit.Engine.Tests.Baselines.Loader.ReadFile(ReportRuns.SampleBaseline), ReportRuns.Started)
                .AddRange(demo.Results.Where(result => result.Findings.Count == 0));
            var run = builder.Build(ReportRuns.Started.AddMinutes(1));
            Assert.NotEmpty(run.Results);

            var (header, rows) = Read(ReportRuns.Render(ReportFormat.Csv, run));

            Assert.Equal(Header, header);
            Assert.Empty(rows);
        }

        [Fact]
        public void Hostile_client_names_come_back_whole_and_a_formula_never_starts_a_cell()
        {
            using var files = new TempFiles();
            var run = ReportRuns.Hostile(files);
            var bytes = ReportRuns.Render(ReportFormat.Csv, run);

            var (_, rows) = Read(bytes);

            Assert.Equal(ReportRuns.Findings(run).Count + run.Errors.Count + 1, rows.Count);
            Assert.All(rows.SelectMany(row => row.Values), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".IndexOf(cell[0]) >= 0, $"cell starts with a formula character: {cell}"));
            var hyperlink = rows.First(row => row["ClientName"].Contains("HYPERLINK", StringComparison.Ordinal));
            Assert.Equal("'=HYPERLINK(\"https://evil.example/\",\"click\")", hyperlink["ClientName"]);
            Assert.Contains(rows, row => row["ClientName"] == "'+cmd|' /C calc'!A0");
            Assert.Contains(rows, row => row["ClientName"].StartsWith("'@SUM(1+1)", StringComparison.Ordinal));
            Assert.Contains(rows, row => row["ClientName"].StartsWith("'-2+3", StringComparison.Ordinal));
            Assert.Contains(rows, row => row["ClientName"] == "Quote \"inside\", comma");
            // Control characters are shown as escapes, as everywhere else in the module: no raw tab, CR, LF or ESC in a cell.
            Assert.Contains(rows, row => row["ClientName"].StartsWith("\\x09Tabbed", StringComparison.Ordinal));
            Assert.Contains(rows, row => row["ClientName"] == "Line\\x0d\\x0abreak\\x0a# Heading");
            Assert.All(rows.SelectMany(row => row.Values), cell => Assert.DoesNotMatch("[\u0000-\u001f\u202e]", cell));
            Assert.All(rows, row => Assert.Equal(Header.Length, row.Count));
        }

        [Theory]
        [InlineData("=1+1", "'=1+1")]
        [InlineData("+1", "'+1")]
        [InlineData("-1", "'-1")]
        [InlineData("@A1", "'@A1")]
        [InlineData("\t=1", "\\x09=1")]
        [InlineData("plain", "plain")]
        [InlineData(" =1", " =1")]
        [InlineData(null, "")]
        public void A_cell_that_starts_a_formula_gets_a_single_quote(string? value, string expected)
        {
            Assert.Equal(expected, CsvReportWriter.Cell(value));
        }

        [Fact]
        public void Two_runs_carry_their_organization_on_every_row()
        {
            var first = ReportRuns.Demo();
            using var files = new TempFiles();
            var second = ReportRuns.Hostile(files);

            var (_, rows) = Read(ReportRuns.Render(ReportFormat.Csv, first, second));

            var expected = ReportRuns.Findings(first).Count + first.Errors.Count + 1;
            Assert.All(rows.Take(expected), row => Assert.Equal(first.Organization.Name, row["Organization"]));
            Assert.Equal(ReportRuns.Findings(second).Count + second.Errors.Count + 1, rows.Count - expected);
            Assert.All(rows.Skip(expected), row => Assert.Equal("Org | <b>bold</b>\\x0a## forged", row["Organization"]));
        }

        [Fact]
        public void No_run_is_refused()
        {
            Assert.Throws<ArgumentException>(() => ReportWriters.For(ReportFormat.Csv).Write(Array.Empty<AuditRun>(), new MemoryStream()));
        }

        internal static (string[] Header, List<Dictionary<string, string>> Rows) Read(byte[] bytes)
        {
            using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = context => throw new InvalidDataException("Bad CSV: " + context.RawRecord), DetectColumnCountChanges = true };
            using var csv = new CsvReader(reader, configuration);
            Assert.True(csv.Read());
            csv.ReadHeader();
            var header = csv.HeaderRecord!;
            var rows = new List<Dictionary<string, string>>();
            while (csv.Read())
            {
                rows.Add(header.ToDictionary(name => name, name => csv.GetField(name)!));
            }

            return (header, rows);
        }
    }
}
