using System.Collections.Generic;
using System.IO;
using System.Text;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>The run document itself (docs/schemas/audit-run.v1.schema.json), UTF-8 without a byte-order mark.</summary>
    internal sealed class JsonReportWriter : IReportWriter
    {
        public ReportFormat Format => ReportFormat.Json;

        public string Extension => ".json";

        public void Write(IReadOnlyList<AuditRun> runs, Stream output)
        {
            if (runs.Count != 1)
            {
                throw new System.ArgumentException($"A JSON report holds one run; {runs.Count} were given.", nameof(runs));
            }

            using (var text = new StreamWriter(output, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" })
            {
                AuditRunJson.Write(runs[0], text);
                text.WriteLine();
            }
        }
    }
}
