using System.Security;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Engine.Connections
{
    /// <summary>A resolved live connection (see <see cref="ConnectionOptions"/>): where, who, and how hard to retry.</summary>
    public sealed class LiveConnectionRequest
    {
        public LiveConnectionRequest(GenesysEndpoint endpoint, RetryPolicy retryPolicy, ClientCredential? credential, SecureString? accessToken)
        {
            Endpoint = endpoint;
            RetryPolicy = retryPolicy;
            Credential = credential;
            AccessToken = accessToken;
        }

        public GenesysEndpoint Endpoint { get; }

        public RetryPolicy RetryPolicy { get; }

        public ClientCredential? Credential { get; }

        public SecureString? AccessToken { get; }

        /// <summary>The largest answer read from the API or login service; a larger one is an error, not an out-of-memory.</summary>
        public long MaxResponseBytes { get; set; } = HttpTransport.DefaultMaxResponseBytes;

        /// <summary>How long the client listing read when connecting stays usable; null for the default (tests shorten it).</summary>
        internal System.TimeSpan? ListingFreshFor { get; set; }

        /// <summary>The UTC clock the listing's age is measured by; null for the system clock (tests move it).</summary>
        internal System.Func<System.DateTime>? Clock { get; set; }
    }
}
