using System;
using System.Collections.Generic;
using System.IO;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>What every writer asks of the runs it is given (one per organization): at least one, none missing, and a stream.</summary>
    internal static class ReportArguments
    {
        public static void Check(IReadOnlyList<AuditRun> runs, Stream output)
        {
            if (runs == null)
            {
                throw new ArgumentNullException(nameof(runs));
            }

            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (runs.Count == 0)
            {
                throw new ArgumentException("A report needs at least one audit run; none was given.", nameof(runs));
            }

            for (var index = 0; index < runs.Count; index++)
            {
                if (runs[index] == null)
                {
                    throw new ArgumentException($"Audit run {index + 1} of {runs.Count} is missing (null).", nameof(runs));
                }
            }
        }
    }
}
