using OAuthAudit.Engine.Reports;

namespace OAuthAudit.Commands
{
    /// <summary>One report file to write: its full file system path and the writer of its format.</summary>
    internal sealed class ReportTarget
    {
        public ReportTarget(string path, IReportWriter writer)
        {
            Path = path;
            Writer = writer;
        }

        public string Path { get; }

        public IReportWriter Writer { get; }
    }
}
