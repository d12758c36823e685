using System;

namespace OAuthAudit.Engine.Api
{
    /// <summary>The context was disconnected while a request on it was under way or about to start.</summary>
    public sealed class ConnectionClosedException : Exception
    {
        public ConnectionClosedException(ApiRequestDescription request, Exception? inner = null)
            : base($"{request} was not completed: the connection to {request.Host} was closed (the context was disconnected).", inner)
        {
            Request = request;
        }

        public ApiRequestDescription Request { get; }
    }
}
