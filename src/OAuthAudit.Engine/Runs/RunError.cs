using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Something a run could not do: judge a client (its result then has outcome Error) or read something the whole
    /// run needs (no client named). The message is the one the error record shows; it never holds a secret.
    /// </summary>
    public sealed class RunError
    {
        public RunError(string? clientId, string? clientName, string errorId, string message, UtcTimestamp occurredAt)
        {
            ClientId = clientId;
            ClientName = clientName;
            ErrorId = errorId;
            Message = DisplayText.Visible(message)!;
            OccurredAt = occurredAt;
        }

        /// <summary>The client that could not be judged; empty for an error of the run as a whole.</summary>
        public string? ClientId { get; }

        public string? ClientName { get; }

        /// <summary>A stable identifier of the kind of error (the error record's ErrorId, or the engine's failure kind).</summary>
        public string ErrorId { get; }

        public string Message { get; }

        public UtcTimestamp OccurredAt { get; }

        public override string ToString() => DisplayText.Visible(ClientName == null ? $"{ErrorId}: {Message}" : $"{ClientName}: {ErrorId}: {Message}")!;
    }
}
