using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Sends one logical request, retrying what is worth retrying: 429 (honouring Retry-After, capped),
    /// 502/503/504 and network failures (exponential backoff with jitter). Anything else is returned as is.
    /// </summary>
    internal sealed class HttpTransport : IDisposable
    {
        private readonly HttpClient _http;

        public HttpTransport(RetryPolicy policy, HttpMessageHandler? handler = null)
        {
            Policy = policy;
            _http = new HttpClient(handler ?? new HttpClientHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(ModuleIdentity.UserAgent);
        }

        public RetryPolicy Policy { get; }

        public async Task<ApiResponse> SendAsync(Func<HttpRequestMessage> createRequest, ApiRequestDescription description, Operation operation)
        {
            var started = Stopwatch.StartNew();
            for (var attempt = 0; ; attempt++)
            {
                operation.Cancellation.ThrowIfCancellationRequested();
                var failure = default(Exception);
                var response = default(ApiResponse);
                var stopwatch = Stopwatch.StartNew();
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(operation.Cancellation))
                {
                    timeout.CancelAfter(Policy.RequestTimeout);
                    try
                    {
                        response = await SendOnceAsync(createRequest, timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (OperationCanceledException timedOut)
                    {
                        failure = new TimeoutException($"no answer within {Policy.RequestTimeout.TotalSeconds:0.#} s", timedOut);
                    }
                    catch (HttpRequestException networkFailure)
                    {
                        failure = networkFailure;
                    }
                }

                var elapsed = stopwatch.ElapsedMilliseconds;
                if (response != null)
                {
                    operation.Log.Verbose($"{description} -> {response.Status} in {elapsed} ms (correlation id {response.CorrelationId ?? "none"})");
                    if (response.RateLimit != null)
                    {
                        operation.Log.Debug($"{description} rate limit: {response.RateLimit}");
                    }

                    if (!IsRetryable(response.Status) || attempt >= Policy.MaxRetryCount)
                    {
                        response.Attempts = attempt + 1;
                        response.Elapsed = started.Elapsed;
                        return response;
                    }

                    var delay = response.Status == 429 ? Policy.RetryAfterDelay(response.RetryAfter, attempt) : Policy.BackoffDelay(attempt);
                    await WaitBeforeRetryAsync(description, $"answered {response.Status}", delay, attempt, operation).ConfigureAwait(false);
                    continue;
                }

                var reason = DescribeFailure(failure!);
                operation.Log.Verbose($"{description} failed after {elapsed} ms: {reason}");
                if (NameResolution.Failed(failure!))
                {
                    // A name that does not resolve will not resolve on a retry a second later: say so at once.
                    throw new GenesysApiException(
                        ApiFailureKind.NetworkFailure,
                        $"{description} failed: the host name '{description.Host}' could not be resolved ({reason}). Not retried: check the host name (a typing mistake in the domain?) and this machine's DNS settings.",
                        description,
                        failure);
                }

                if (attempt >= Policy.MaxRetryCount)
                {
                    throw new GenesysApiException(
                        ApiFailureKind.NetworkFailure,
                        $"{description} failed: {reason}. Tried {attempt + 1} times over {started.Elapsed.TotalSeconds:0.#} s. Check the network path to {description.Host}, or raise -TimeoutSec or -MaxRetryCount on Connect-GcOrganization, and try again.",
                        description,
                        failure);
                }

                await WaitBeforeRetryAsync(description, reason, Policy.BackoffDelay(attempt), attempt, operation).ConfigureAwait(false);
            }
        }

        public void Dispose() => _http.Dispose();

        private static bool IsRetryable(int status) => status == 429 || status == 502 || status == 503 || status == 504;

        private static string DescribeFailure(Exception failure) =>
            failure.InnerException != null && !(failure is TimeoutException)
                ? failure.Message + " (" + failure.InnerException.Message + ")"
                : failure.Message;

        private async Task<ApiResponse> SendOnceAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellation)
        {
            using (var request = createRequest())
            using (var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation).ConfigureAwait(false))
            {
                var body = answer.Content == null ? string.Empty : await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
                return ApiResponse.From(answer, body);
            }
        }

        private async Task WaitBeforeRetryAsync(ApiRequestDescription description, string reason, TimeSpan delay, int attempt, Operation operation)
        {
            operation.Log.Verbose($"{description} {reason}; retry {attempt + 1} of {Policy.MaxRetryCount} in {delay.TotalSeconds:0.##} s");
            await Task.Delay(delay, operation.Cancellation).ConfigureAwait(false);
        }
    }
}
