namespace OAuthAudit.Engine.Rules
{
    /// <summary>Data beyond the client listing that a demand needs; read only on request, so a rule needing data the run lacks is Skipped, never passed.</summary>
    [System.Flags]
    public enum RunData
    {
        None = 0,
        Usage = 1,
        History = 2,
    }
}
