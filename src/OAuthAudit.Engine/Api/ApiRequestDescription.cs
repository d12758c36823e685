using System;

namespace OAuthAudit.Engine.Api
{
    /// <summary>A request as it may be shown to a user: method, host and path, never headers or bodies.</summary>
    public sealed class ApiRequestDescription
    {
        public ApiRequestDescription(string method, string host, string path)
        {
            Method = method;
            Host = host;
            Path = path;
        }

        public ApiRequestDescription(string method, Uri uri)
            : this(method, uri.Host, uri.PathAndQuery)
        {
        }

        public string Method { get; }

        public string Host { get; }

        public string Path { get; }

        public override string ToString() => Method + " " + Path;
    }
}
