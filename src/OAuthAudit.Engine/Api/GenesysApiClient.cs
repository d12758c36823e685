using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
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
        private readonly RateLimitGate _rateLimit;

        public GenesysApiClient(GenesysEndpoint endpoint, HttpTransport transport, IAccessTokenSource tokens)
        {
            Endpoint = endpoint;
            _transport = transport;
            _tokens = tokens;
            _rateLimit = new RateLimitGate(transport.Policy.MaxRetryWait);
        }

        public GenesysEndpoint Endpoint { get; }

        /// <param name="pathAndQuery">An API path such as /api/v2/oauth/clients, or a nextUri the API gave.</param>
        /// <param name="requiredPermission">The permission the endpoint needs, named in a 403 error when the API does not name it.</param>
        /// <param name="arrived">Called with a successful answer before its body is parsed (a look at the raw body); it must not throw.</param>
        /// <returns>The parsed body, or null when the API answered 404 and <paramref name="notFoundIsNull"/> is set.</returns>
        public Task<T?> GetAsync<T>(string pathAndQuery, string expectedModel, string? requiredPermission, Operation operation, bool notFoundIsNull = false, Action<ApiResponse>? arrived = null)
            where T : class =>
            SendJsonAsync<T>(HttpMethod.Get, pathAndQuery, null, expectedModel, requiredPermission, operation, notFoundIsNull, arrived);

        /// <summary>
        /// Starts one of the API's documented read-only query jobs (a POST whose body is the query): the only
        /// non-GET request the module sends besides the token. The API answers 200 or 202 with the job.
        /// </summary>
        public async Task<T> PostQueryAsync<T>(string path, object query, string expectedModel, string? requiredPermission, Operation operation)
            where T : class =>
            (await SendJsonAsync<T>(HttpMethod.Post, path, QueryBody(query), expectedModel, requiredPermission, operation, notFoundIsNull: false, arrived: null).ConfigureAwait(false))!;

        /// <summary>The query as JSON with the DTO's own names, whatever JsonConvert.DefaultSettings another module in the process set.</summary>
        private static string QueryBody(object query)
        {
            using (var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture))
            {
                JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }).Serialize(text, query);
                return text.ToString();
            }
        }

        private const int MaxRenewals = 2;

        private async Task<T?> SendJsonAsync<T>(HttpMethod method, string pathAndQuery, string? jsonBody, string expectedModel, string? requiredPermission, Operation operation, bool notFoundIsNull, Action<ApiResponse>? arrived)
            where T : class
        {
            var uri = Resolve(pathAndQuery, method);
            var description = new ApiRequestDescription(method.Method, uri);
            var (response, token) = await SendAsync(method, uri, jsonBody, description, operation).ConfigureAwait(false);
            // At most two renewals: the renewal this request waits for may have been asked for (by another request)
            // just before a revocation, and so bring a token that is refused too. Only the refused token is renewed.
            for (var renewals = 0; response.Status == 401 && _tokens.CanRenew && renewals < MaxRenewals; renewals++)
            {
                operation.Host.Verbose($"{description} answered 401; renewing the access token and retrying ({renewals + 1} of {MaxRenewals})");
                _tokens.Invalidate(token);
                (response, token) = await SendAsync(method, uri, jsonBody, description, operation).ConfigureAwait(false);
            }

            if (response.Status == 404 && notFoundIsNull)
            {
                return null;
            }

            if (!response.IsSuccess)
            {
                throw ApiErrors.FromResponse(response, description, requiredPermission);
            }

            if (response.Status != 200 && !(method == HttpMethod.Post && response.Status == 202))
            {
                throw ApiErrors.InvalidBody(response, description, expectedModel, new JsonSerializationException($"status {response.Status} where the API answers {(method == HttpMethod.Post ? "200 or 202" : "200")} with the {expectedModel}"));
            }

            arrived?.Invoke(response);
            try
            {
                return response.BodyLength < ParsedOffThePool ? JsonBodies.Read<T>(response) : await ParseOffThePoolAsync<T>(response).ConfigureAwait(false);
            }
            catch (JsonException parseError)
            {
                throw ApiErrors.InvalidBody(response, description, expectedModel, parseError);
            }
        }

        /// <summary>Bodies this large (a 10,000-client listing is 8 MB) are parsed on a thread of their own.</summary>
        private const int ParsedOffThePool = 1 << 20;

        /// <summary>
        /// A parse of tens of milliseconds or more would hold one of the few pool threads (two on a two-core machine) that
        /// the requests sent meanwhile need to go out and come back.
        /// </summary>
        private static Task<T> ParseOffThePoolAsync<T>(ApiResponse response)
            where T : class =>
            Task.Factory.StartNew(() => JsonBodies.Read<T>(response), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        public void Dispose() => _transport.Dispose();

        /// <returns>The answer and the token it was sent with, so that only that token is renewed on a 401.</returns>
        private async Task<(ApiResponse Response, string Token)> SendAsync(HttpMethod method, Uri uri, string? jsonBody, ApiRequestDescription description, Operation operation)
        {
            var token = await _tokens.GetTokenAsync(operation).ConfigureAwait(false);
            var response = await _transport.SendAsync(
                () => new HttpRequestMessage(method, uri)
                {
                    Headers =
                    {
                        Authorization = new AuthenticationHeaderValue("Bearer", token),
                        Accept = { new MediaTypeWithQualityHeaderValue("application/json") },
                    },
                    Content = jsonBody == null ? null : new StringContent(jsonBody, Encoding.UTF8, "application/json"),
                },
                description,
                operation,
                _rateLimit).ConfigureAwait(false);
            return (response, token);
        }

        /// <summary>Paths and nextUris resolve against the API host only: a token is never sent elsewhere.</summary>
        private Uri Resolve(string pathAndQuery, HttpMethod method)
        {
            var uri = new Uri(Endpoint.ApiBaseUri, pathAndQuery);
            if (!string.Equals(uri.GetLeftPart(UriPartial.Authority), Endpoint.ApiBaseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                throw new GenesysApiException(
                    ApiFailureKind.InvalidResponse,
                    $"The API pointed to '{uri.GetLeftPart(UriPartial.Authority)}', which is not the API host {Endpoint.ApiBaseUri.Host}; the request was not sent so that the access token stays with Genesys Cloud.",
                    new ApiRequestDescription(method.Method, uri));
            }

            return uri;
        }
    }
}
