using System;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>A run to merge and where it came from (a file, a run of a merged file, an object of the pipeline), for messages.</summary>
    public sealed class MergeInput
    {
        public MergeInput(AuditRun run, string origin)
        {
            Run = run ?? throw new ArgumentNullException(nameof(run));
            Origin = origin ?? throw new ArgumentNullException(nameof(origin));
        }

        public AuditRun Run { get; }

        public string Origin { get; }
    }
}
