using System;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Plain http was asked for a host that is not this machine: credentials would cross the network unencrypted.</summary>
    public sealed class InsecureEndpointException : ArgumentException
    {
        public InsecureEndpointException(string parameterName, Uri uri)
            : base($"{parameterName} '{uri.GetLeftPart(UriPartial.Authority)}' uses plain http to a host that is not this machine; credentials and tokens would cross the network unencrypted. Use https://, or http:// only for a loopback address such as 127.0.0.1.")
        {
            Uri = uri;
        }

        public Uri Uri { get; }
    }
}
