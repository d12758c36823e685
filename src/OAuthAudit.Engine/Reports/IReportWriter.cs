using System.IO;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>
    /// Renders audit runs in one format. A writer reads only what the run document holds (docs/audit-run.md), so a
    /// run read back from its JSON renders the same report. It owns the bytes: encoding, byte-order mark, line ends.
    /// </summary>
    public interface IReportWriter
    {
        ReportFormat Format { get; }

        /// <summary>The file extension this format is inferred from, with its dot (".html").</summary>
        string Extension { get; }

        /// <summary>Writes the runs (one per organization) as one report; the stream is left open.</summary>
        void Write(System.Collections.Generic.IReadOnlyList<AuditRun> runs, Stream output);
    }
}
