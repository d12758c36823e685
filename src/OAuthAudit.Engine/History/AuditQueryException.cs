using System;

namespace OAuthAudit.Engine.History
{
    /// <summary>An audit query transaction failed, was cancelled, or did not finish within its time budget: no results were read from it.</summary>
    public sealed class AuditQueryException : Exception
    {
        public AuditQueryException(AuditQueryProblem problem, string transactionId, string state, TimeSpan elapsed, string message)
            : base(message)
        {
            Problem = problem;
            TransactionId = transactionId;
            State = state;
            Elapsed = elapsed;
        }

        public AuditQueryProblem Problem { get; }

        public string TransactionId { get; }

        /// <summary>The last state the API gave (Queued, Running, Failed, Cancelled).</summary>
        public string State { get; }

        public TimeSpan Elapsed { get; }
    }
}
