using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Gets tokens with the client-credentials grant (POST https://login.&lt;domain&gt;/oauth/token, HTTP Basic)
    /// and reuses one until shortly before it expires. Safe for many callers at once: one request renews the
    /// token for all of them (when it fails, those that waited for it get its error rather than asking again), and a
    /// 401 renews only the token it was answered to.
    /// </summary>
    internal sealed class ClientCredentialsTokenSource : IAccessTokenSource
    {
        private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

        /// <summary>However short expires_in is, a token is reused this long (a 401 still renews it sooner).</summary>
        private static readonly TimeSpan MinimumReuse = TimeSpan.FromSeconds(60);

        /// <summary>The longest a Genesys Cloud token lives (accessTokenValiditySeconds tops out at 48 h); a longer expires_in is cut to it.</summary>
        private static readonly TimeSpan MaximumLifetime = TimeSpan.FromHours(48);

        private readonly ClientCredential _credential;
        private readonly Uri _tokenUri;
        private readonly HttpTransport _transport;
        private readonly SemaphoreSlim _requesting = new SemaphoreSlim(1, 1);
        private readonly object _state = new object();
        private SecureString? _token;
        private DateTime? _renewAt;
        private DateTime? _expiresAt;
        private int _requestsEnded;
        private ExceptionDispatchInfo? _failed;

        public ClientCredentialsTokenSource(ClientCredential credential, GenesysEndpoint endpoint, HttpTransport transport)
        {
            _credential = credential;
            _tokenUri = new Uri(endpoint.LoginBaseUri, "oauth/token");
            _transport = transport;
        }

        public string GrantType => "client_credentials";

        public DateTime? ExpiresAt
        {
            get
            {
                lock (_state)
                {
                    return _expiresAt;
                }
            }
        }

        public bool CanRenew => true;

        public async Task<string> GetTokenAsync(Operation operation)
        {
            var current = Current();
            if (current != null)
            {
                return current;
            }

            var endedBefore = Volatile.Read(ref _requestsEnded);
            await _requesting.WaitAsync(operation.Cancellation).ConfigureAwait(false);
            try
            {
                if (Current() is string renewed)
                {
                    return renewed;
                }

                if (_requestsEnded != endedBefore && _failed != null)
                {
                    // The request this caller waited for failed: its error, not another request.
                    _failed.Throw();
                }

                _failed = null;
                try
                {
                    return await RequestTokenAsync(operation).ConfigureAwait(false);
                }
                catch (Exception failure) when (!(failure is OperationCanceledException))
                {
                    _failed = ExceptionDispatchInfo.Capture(failure);
                    throw;
                }
                finally
                {
                    Volatile.Write(ref _requestsEnded, _requestsEnded + 1);
                }
            }
            finally
            {
                _requesting.Release();
            }
        }

        public void Invalidate(string rejectedToken)
        {
            lock (_state)
            {
                if (_token != null && string.Equals(SecureText.Reveal(_token), rejectedToken, StringComparison.Ordinal))
                {
                    _token = null;
                    _renewAt = null;
                    _expiresAt = null;
                }
            }
        }

        public override string ToString() => $"client-credentials token for {_credential}";

        private string? Current()
        {
            lock (_state)
            {
                return _token != null && (_renewAt == null || DateTime.UtcNow < _renewAt.Value) ? SecureText.Reveal(_token) : null;
            }
        }

        private async Task<string> RequestTokenAsync(Operation operation)
        {
            var description = new ApiRequestDescription("POST", _tokenUri);
            operation.Host.Verbose($"Requesting an access token for client {_credential.ClientId} from {_tokenUri.Host}");
            var response = await _transport.SendAsync(CreateTokenRequest, description, operation).ConfigureAwait(false);
            TokenResponseDto? answer;
            try
            {
                answer = string.IsNullOrWhiteSpace(response.Body) ? null : JsonBodies.Read<TokenResponseDto>(response.Body);
            }
            catch (JsonException unfit)
            {
                if (response.IsSuccess)
                {
                    throw TokenErrors.Unreadable(response, description, unfit);
                }

                answer = null;
            }

            if (!response.IsSuccess || string.IsNullOrEmpty(answer?.AccessToken))
            {
                throw TokenErrors.Rejected(response, answer, _credential.ClientId, description);
            }

            var token = answer!.AccessToken!;
            if (!TokenErrors.IsHeaderSafe(token))
            {
                throw TokenErrors.UnsafeToken(response, description);
            }

            var issuedAt = DateTime.UtcNow;
            var lifetime = LifetimeOf(answer.ExpiresIn, operation);
            lock (_state)
            {
                _token = SecureText.Protect(token);
                _expiresAt = lifetime.HasValue ? issuedAt + lifetime.Value : (DateTime?)null;
                _renewAt = lifetime.HasValue ? issuedAt + Max(lifetime.Value - RenewalMargin, MinimumReuse) : (DateTime?)null;
            }

            operation.Host.Verbose(lifetime.HasValue
                ? $"Access token issued; it expires at {issuedAt + lifetime.Value:yyyy-MM-ddTHH:mm:ssZ}"
                : "Access token issued without expires_in; it is used until the API refuses it");
            return token;
        }

        /// <summary>expires_in as a lifetime: null when missing, cut to 48 h when longer (or absurd), never negative.</summary>
        private static TimeSpan? LifetimeOf(double? expiresIn, Operation operation)
        {
            if (expiresIn == null || double.IsNaN(expiresIn.Value))
            {
                return null;
            }

            if (expiresIn.Value > MaximumLifetime.TotalSeconds)
            {
                operation.Host.Verbose($"The login service gave expires_in {expiresIn.Value:R} s; the token is treated as expiring after {MaximumLifetime.TotalHours:0} h, the longest Genesys Cloud issues");
                return MaximumLifetime;
            }

            return TimeSpan.FromSeconds(Math.Max(0, expiresIn.Value));
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
