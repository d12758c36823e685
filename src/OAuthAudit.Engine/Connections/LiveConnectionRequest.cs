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
    }
}
