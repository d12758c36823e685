using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Newtonsoft.Json;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Reads JSON from the Genesys Cloud platform API with a bearer token: renews the token once when the
    /// API rejects it (client-credentials only), retries through the transport, maps failures to errors.
    /// </summary>
    internal sealed class GenesysApiClient : IDisposable
    {
        private readonly HttpTransport _transport;
        private readonly IAccessTokenSource _tokens;

        public GenesysApiClient(GenesysEndpoint endpoint, HttpTransport transport, IAccessTokenSource tokens)
        {
            Endpoint = endpoint;
            _transport = transport;
            _tokens = tokens;
        }

        public GenesysEndpoint Endpoint { get; }

        /// <param name="pathAndQuery">An API path such as /api/v2/oauth/clients, or a nextUri the API gave.</param>
        /// <param name="requiredPermission">The permission the endpoint needs, named in a 403 error when the API does not name it.</param>
        /// <returns>The parsed body, or null when the API answered 404 and <paramref name="notFoundIsNull"/> is set.</returns>
        public async Task<T?> GetAsync<T>(string pathAndQuery, string expectedModel, string? requiredPermission, Operation operation, bool notFoundIsNull = false)
            where T : class
        {
            var uri = Resolve(pathAndQuery);
            var description = new ApiRequestDescription("GET", uri);
            var (response, token) = await SendAsync(uri, description, operation).ConfigureAwait(false);
            if (response.Status == 401 && _tokens.CanRenew)
            {
                operation.Host.Verbose($"{description} answered 401; renewing the access token once and retrying");
                _tokens.Invalidate(token);
                (response, _) = await SendAsync(uri, description, operation).ConfigureAwait(false);
            }

            if (response.Status == 404 && notFoundIsNull)
            {
                return null;
            }

            if (!response.IsSuccess)
            {
                throw ApiErrors.FromResponse(response, description, requiredPermission);
            }

            if (response.Status != 200)
            {
                throw ApiErrors.InvalidBody(response, description, expectedModel, new JsonSerializationException($"status {response.Status} where the API answers 200 with the {expectedModel}"));
            }

            try
            {
                return JsonBodies.Read<T>(response.Body);
            }
            catch (JsonException parseError)
            {
                throw ApiErrors.InvalidBody(response, description, expectedModel, parseError);
            }
        }

        public void Dispose() => _transport.Dispose();

        /// <returns>The answer and the token it was sent with, so that only that token is renewed on a 401.</returns>
        private async Task<(ApiResponse Response, string Token)> SendAsync(Uri uri, ApiRequestDescription description, Operation operation)
        {
            var token = await _tokens.GetTokenAsync(operation).ConfigureAwait(false);
            var response = await _transport.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Get, uri)
                {
                    Headers =
                    {
                        Authorization = new AuthenticationHeaderValue("Bearer", token),
                        Accept = { new MediaTypeWithQualityHeaderValue("application/json") },
                    },
                },
                description,
                operation).ConfigureAwait(false);
            return (response, token);
        }

        /// <summary>Paths and nextUris resolve against the API host only: a token is never sent elsewhere.</summary>
        private Uri Resolve(string pathAndQuery)
        {
            var uri = new Uri(Endpoint.ApiBaseUri, pathAndQuery);
            if (!string.Equals(uri.GetLeftPart(UriPartial.Authority), Endpoint.ApiBaseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                throw new GenesysApiException(
                    ApiFailureKind.InvalidResponse,
                    $"The API pointed to '{uri.GetLeftPart(UriPartial.Authority)}', which is not the API host {Endpoint.ApiBaseUri.Host}; the request was not sent so that the access token stays with Genesys Cloud.",
                    new ApiRequestDescription("GET", uri));
            }

            return uri;
        }
    }
}
