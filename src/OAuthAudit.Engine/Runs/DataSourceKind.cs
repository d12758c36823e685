namespace OAuthAudit.Engine.Runs
{
    /// <summary>Where a run read its organization from.</summary>
    public enum DataSourceKind
    {
        /// <summary>The Genesys Cloud API, at the time of the run.</summary>
        Live,

        /// <summary>A snapshot file, as captured at its capturedAt.</summary>
        Snapshot,
    }
}
