using System;
using System.IO;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Runs;
using Xunit;

namespace OAuthAudit.Engine.Tests.Reports
{
    /// <summary>The table of formats knows the four writers by format and by extension, and every writer leaves the caller's stream open.</summary>
    public class ReportWritersTests
    {
        [Theory]
        [InlineData(ReportFormat.Csv, ".csv")]
        [InlineData(ReportFormat.JUnit, ".xml")]
        [InlineData(ReportFormat.Sarif, ".sarif")]
        [InlineData(ReportFormat.Markdown, ".md")]
        public void A_format_has_its_writer_and_is_inferred_from_its_extension_in_any_case(ReportFormat format, string extension)
        {
            var writer = ReportWriters.For(format);

            Assert.Equal((format, extension), (writer.Format, writer.Extension));
            Assert.Equal(format, ReportWriters.FormatOf("reports/audit" + extension));
            Assert.Equal(format, ReportWriters.FormatOf("AUDIT" + extension.ToUpperInvariant()));
            Assert.Contains(extension, ReportWriters.Extensions(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(ReportFormat.Csv)]
        [InlineData(ReportFormat.JUnit)]
        [InlineData(ReportFormat.Sarif)]
        [InlineData(ReportFormat.Markdown)]
        public void A_writer_leaves_the_stream_open_and_refuses_no_run_or_a_missing_one(ReportFormat format)
        {
            var writer = ReportWriters.For(format);
            using var stream = new MemoryStream();

            writer.Write(new[] { ReportRuns.DemoWithoutProblems() }, stream);

            Assert.True(stream.CanWrite);
            Assert.True(stream.Length > 0);
            Assert.Throws<ArgumentException>(() => writer.Write(Array.Empty<AuditRun>(), new MemoryStream()));
            Assert.Contains("2 of 2", Assert.Throws<ArgumentException>(() => writer.Write(new[] { ReportRuns.DemoWithoutProblems(), null! }, new MemoryStream())).Message);
        }
    }
}
