using System;
using System.Collections.Generic;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// A request to Genesys Cloud failed. The message names the request, the API's own message, code and
    /// correlation id: never a credential or token (they are not known to this type).
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
    }
}
