namespace OAuthAudit.Engine.History
{
    /// <summary>Why an audit query transaction gave no results.</summary>
    public enum AuditQueryProblem
    {
        /// <summary>The API says the transaction Failed.</summary>
        Failed,

        /// <summary>The API says the transaction was Cancelled.</summary>
        Cancelled,

        /// <summary>The transaction was still Queued or Running when the time budget ran out.</summary>
        TimedOut,
    }
}
