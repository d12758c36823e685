using System.Collections.Generic;
using System.IO;
using System.Text;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>The run document itself (docs/schemas/audit-run.v1.schema.json), or for several organizations the multi-organization document (audit-run-set.v1.schema.json); UTF-8 without a byte-order mark.</summary>
    internal sealed class JsonReportWriter : IReportWriter
    {
        public ReportFormat Format => ReportFormat.Json;

        public string Extension => ".json";

        /// <summary>One run: its document. Several: the multi-organization document (one run per organization; two of one organization are refused).</summary>
        public void Write(IReadOnlyList<AuditRun> runs, Stream output)
        {
            ReportArguments.Check(runs, output);
            var set = runs.Count == 1 ? null : AuditRunSet.Of(runs);
            using (var text = new StreamWriter(output, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" })
            {
                if (set == null)
                {
                    AuditRunJson.Write(runs[0], text);
                }
                else
                {
                    AuditRunSetJson.Write(set, text);
                }

                text.WriteLine();
            }
        }
    }
}
