namespace OAuthAudit.Engine.Reports
{
    /// <summary>A file format an audit run can be written in; each has one writer in <see cref="ReportWriters"/>.</summary>
    public enum ReportFormat
    {
        Html,
        Json,
        Csv,
        JUnit,
        Sarif,
        Markdown,
    }
}
