namespace OAuthAudit.Engine.Operations
{
    /// <summary>Which stream a queued message is for.</summary>
    public enum HostMessageKind
    {
        Verbose,
        Debug,
        Warning,

        /// <summary>What the work is doing now; only the latest one of a lane matters.</summary>
        Progress,
    }
}
