using System;
using System.Collections.Generic;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// A request to Genesys Cloud failed. The message states what happened (the request, the API's own message, code
    /// and correlation id) and names no cmdlet or parameter: the properties carry the facts, and the caller turns them
    /// into its own advice. Never a credential or token (they are not known to this type).
    /// </summary>
    public sealed class GenesysApiException : Exception
    {
        public GenesysApiException(ApiFailureKind kind, string message, ApiRequestDescription request, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            Request = request;
        }

        public ApiFailureKind Kind { get; }

        public ApiRequestDescription Request { get; }

        public int? StatusCode { get; internal set; }

        public string? ApiCode { get; internal set; }

        public string? ApiMessage { get; internal set; }

        public string? CorrelationId { get; internal set; }

        public IReadOnlyList<string> MissingPermissions { get; internal set; } = Array.Empty<string>();

        /// <summary>How many times the request was sent (retries included), when it was sent at all.</summary>
        public int? Attempts { get; internal set; }

        /// <summary>The time from the first try to the last answer or failure.</summary>
        public TimeSpan? Elapsed { get; internal set; }

        /// <summary>True when the failure came from the login service (the token request), not the API.</summary>
        public bool FromLoginService { get; internal set; }

        /// <summary>The host name did not resolve, so the request was not retried.</summary>
        public bool HostNotResolved { get; internal set; }

        /// <summary>For a refused redirect: the host (and port, when not the default) the answer pointed to; null without a Location.</summary>
        public string? RedirectHost { get; internal set; }

        /// <summary>For a query job that failed or ran out of time: the job's id.</summary>
        public string? QueryJobId { get; internal set; }

        /// <summary>For a query job that failed or ran out of time: its last queryStatus (Failed, Cancelled, Queued, Running).</summary>
        public string? QueryJobState { get; internal set; }

        /// <summary>For an answer refused for its size: the limit it passed, in bytes.</summary>
        public long? ResponseLimitBytes { get; internal set; }
    }
}
