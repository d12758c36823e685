using System;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>The one table of report formats: each format's writer and the file extension it is inferred from.</summary>
    public static class ReportWriters
    {
        private static readonly IReportWriter[] Writers =
        {
            new JsonReportWriter(),
            new CsvReportWriter(),
            new JUnitReportWriter(),
            new SarifReportWriter(),
            new MarkdownReportWriter(),
            new HtmlReportWriter(),
        };

        public static IReadOnlyList<IReportWriter> All => Writers;

        public static IReportWriter For(ReportFormat format) =>
            Writers.FirstOrDefault(writer => writer.Format == format)
            ?? throw new ArgumentOutOfRangeException(nameof(format), format, "No writer is registered for this report format.");

        /// <summary>The format a file name's extension names (case-insensitive); null when none does.</summary>
        public static ReportFormat? FormatOf(string path)
        {
            var extension = System.IO.Path.GetExtension(path);
            var writer = Writers.FirstOrDefault(candidate => string.Equals(candidate.Extension, extension, StringComparison.OrdinalIgnoreCase));
            return writer?.Format;
        }

        /// <summary>".html, .json, ...": the extensions a format can be inferred from, for an error message.</summary>
        public static string Extensions() => string.Join(", ", Writers.Select(writer => writer.Extension));
    }
}
