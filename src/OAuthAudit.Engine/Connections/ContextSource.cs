namespace OAuthAudit.Engine.Connections
{
    /// <summary>Where a context reads its organization from.</summary>
    public enum ContextSource
    {
        Api,
        Snapshot,
    }
}
