namespace OAuthAudit.Engine.Files
{
    /// <summary>Which kind of file the module reads; its name starts a <see cref="FileFormatException"/>'s message.</summary>
    public enum DocumentKind
    {
        Snapshot,
        Baseline,

        /// <summary>An audit-run document, of one organization or several (docs/audit-run.md).</summary>
        AuditRun,
    }
}
