using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>Live or snapshot; a snapshot's capture time says how old the facts judged are.</summary>
    public sealed class RunDataSource
    {
        public RunDataSource(DataSourceKind kind, UtcTimestamp? capturedAt)
        {
            Kind = kind;
            CapturedAt = capturedAt;
        }

        public DataSourceKind Kind { get; }

        /// <summary>When the snapshot was captured; empty for a live run (its facts are as of the run's start).</summary>
        public UtcTimestamp? CapturedAt { get; }

        public override string ToString() => CapturedAt == null ? Kind.ToString() : $"{Kind} ({CapturedAt})";
    }
}
