namespace OAuthAudit.Engine.Runs
{
    /// <summary>What a merge does with two runs of one organization.</summary>
    public enum DuplicateRuns
    {
        /// <summary>Refuse the merge (the default): counting an organization twice, or silently dropping one run, would misreport it.</summary>
        Refuse,

        /// <summary>Keep the run that finished last; a tie is still refused.</summary>
        KeepLatest,
    }
}
