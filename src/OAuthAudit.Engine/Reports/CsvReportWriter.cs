using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>
    /// One row per finding (long format), for Excel and any CSV reader: RFC 4180 (every field quoted, quotes doubled),
    /// UTF-8 with a byte-order mark, CRLF line ends, columns in a fixed order. A run error (a client that could not be
    /// judged, or the run as a whole) is a row of kind Error and a Skipped client a row of kind Skipped, so a report of a
    /// run that could not judge everything never looks clean; a run with no findings and no errors is the header alone.
    /// Text is shown as everywhere else (control and bidi characters made visible), and a cell that would start with
    /// = + - @ tab or carriage return gets a leading single quote, so a spreadsheet shows it as text, never runs it as a formula.
    /// </summary>
    internal sealed class CsvReportWriter : IReportWriter
    {
        /// <summary>The Kind of a row for a run error; no FindingKind has this name.</summary>
        internal const string ErrorKind = "Error";

        /// <summary>The Kind of a row for a client that was not judged because the run lacked data; no FindingKind has this name.</summary>
        internal const string SkippedKind = "Skipped";

        internal static readonly string[] Columns =
        {
            "Organization", "OrganizationId", "ClientId", "ClientName", "GrantType", "State", "RuleId", "Severity", "Kind",
            "Subject", "Message", "Remediation", "Waived", "WaiverRationale", "WaiverExpiresOn",
        };

        public ReportFormat Format => ReportFormat.Csv;

        public string Extension => ".csv";

        public void Write(IReadOnlyList<AuditRun> runs, Stream output)
        {
            ReportArguments.Check(runs, output);
            using (var text = new StreamWriter(output, new UTF8Encoding(true), 4096, leaveOpen: true) { NewLine = "\r\n" })
            {
                Row(text, Columns);
                foreach (var run in runs)
                {
                    WriteRun(text, run);
                }
            }
        }

        /// <summary>The cell as written inside its quotes: visible text, formula starters neutralised.</summary>
        internal static string Cell(string? value)
        {
            var visible = DisplayText.Visible(value) ?? string.Empty;
            return visible.Length > 0 && IsFormulaStart(visible[0]) ? "'" + visible : visible;
        }

        private static bool IsFormulaStart(char first) => first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';

        private static void WriteRun(TextWriter text, AuditRun run)
        {
            var organization = run.Organization;
            foreach (var result in run.Results)
            {
                foreach (var finding in result.Findings)
                {
                    Row(text, new[]
                    {
                        organization.Name, organization.Id, result.ClientId, result.ClientName, result.GrantType, result.State,
                        finding.RuleId, finding.Severity.ToString(), finding.Kind.ToString(), finding.Subject, finding.Message, finding.Remediation,
                        finding.Waived ? "True" : "False", finding.WaiverRationale, finding.WaiverExpiresOn?.ToString(),
                    });
                }

                if (result.Outcome == Outcome.Skipped)
                {
                    Row(text, new[]
                    {
                        organization.Name, organization.Id, result.ClientId, result.ClientName, result.GrantType, result.State,
                        string.Join(", ", result.MatchedRules), null, SkippedKind, null, result.Reason, null, null, null, null,
                    });
                }
            }

            foreach (var error in run.Errors)
            {
                var client = error.ClientId == null ? null : run.Results.FirstOrDefault(result => result.ClientId == error.ClientId && result.Outcome == Outcome.Error);
                Row(text, new[]
                {
                    organization.Name, organization.Id, error.ClientId, error.ClientName, client?.GrantType, client?.State,
                    null, null, ErrorKind, error.ErrorId, error.Message, null, null, null, null,
                });
            }
        }

        private static void Row(TextWriter text, IReadOnlyList<string?> cells)
        {
            for (var index = 0; index < cells.Count; index++)
            {
                if (index > 0)
                {
                    text.Write(',');
                }

                text.Write('"');
                text.Write(Cell(cells[index]).Replace("\"", "\"\""));
                text.Write('"');
            }

            text.WriteLine();
        }
    }
}
