using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Gets tokens with the client-credentials grant (POST https://login.&lt;domain&gt;/oauth/token, HTTP Basic)
    /// and reuses one until shortly before it expires.
    /// </summary>
    internal sealed class ClientCredentialsTokenSource : IAccessTokenSource
    {
        private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

        private readonly ClientCredential _credential;
        private readonly Uri _tokenUri;
        private readonly HttpTransport _transport;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private SecureString? _token;

        public ClientCredentialsTokenSource(ClientCredential credential, GenesysEndpoint endpoint, HttpTransport transport)
        {
            _credential = credential;
            _tokenUri = new Uri(endpoint.LoginBaseUri, "oauth/token");
            _transport = transport;
        }

        public string GrantType => "client_credentials";

        public DateTime? ExpiresAt { get; private set; }

        public bool CanRenew => true;

        public async Task<string> GetTokenAsync(Operation operation)
        {
            await _gate.WaitAsync(operation.Cancellation).ConfigureAwait(false);
            try
            {
                if (_token == null || ExpiresAt == null || DateTime.UtcNow >= ExpiresAt.Value - RenewalMargin)
                {
                    await RequestTokenAsync(operation).ConfigureAwait(false);
                }

                return SecureText.Reveal(_token!);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Invalidate()
        {
            _token = null;
            ExpiresAt = null;
        }

        public override string ToString() => $"client-credentials token for {_credential}";

        private async Task RequestTokenAsync(Operation operation)
        {
            var description = new ApiRequestDescription("POST", _tokenUri);
            operation.Log.Verbose($"Requesting an access token for client {_credential.ClientId} from {_tokenUri.Host}");
            var response = await _transport.SendAsync(CreateTokenRequest, description, operation).ConfigureAwait(false);
            var answer = JsonBodies.TryRead<TokenResponseDto>(response.Body);
            if (!response.IsSuccess || string.IsNullOrEmpty(answer?.AccessToken))
            {
                throw TokenErrors.Rejected(response, answer, _credential.ClientId, description);
            }

            _token = SecureText.Protect(answer!.AccessToken!);
            ExpiresAt = DateTime.UtcNow.AddSeconds(answer.ExpiresIn ?? 0);
            operation.Log.Verbose($"Access token issued; it expires at {ExpiresAt.Value:yyyy-MM-ddTHH:mm:ssZ}");
        }

        private HttpRequestMessage CreateTokenRequest()
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(_credential.ClientId + ":" + SecureText.Reveal(_credential.Secret)));
            return new HttpRequestMessage(HttpMethod.Post, _tokenUri)
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Basic", basic) },
                Content = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("grant_type", "client_credentials") }),
            };
        }
    }
}
