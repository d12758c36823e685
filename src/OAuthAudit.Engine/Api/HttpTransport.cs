using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// Sends one logical request, retrying what is worth retrying: 429 (honouring Retry-After, capped),
    /// 502/503/504 and network failures (exponential backoff with jitter). Anything else is returned as is,
    /// except a redirect (never followed: credentials stay with the host they were meant for) and a body over
    /// the size limit, which are errors.
    /// </summary>
    internal sealed class HttpTransport : IDisposable
    {
        /// <summary>Far above the largest real answer (a 10,000-client listing is a few tens of MiB).</summary>
        public const long DefaultMaxResponseBytes = 256L * 1024 * 1024;

        private readonly HttpClient _http;
        private volatile bool _closed;

        public HttpTransport(RetryPolicy policy, HttpMessageHandler? handler = null, long maxResponseBytes = DefaultMaxResponseBytes)
        {
            if (maxResponseBytes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxResponseBytes), maxResponseBytes, "The response size limit must be at least one byte.");
            }

            Policy = policy;
            MaxResponseBytes = maxResponseBytes;
            _http = new HttpClient(handler ?? DefaultHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(ModuleIdentity.UserAgent);
        }

        public RetryPolicy Policy { get; }

        /// <summary>
        /// No redirects; as many connections per host as the rate-limit gate lets requests fly (.NET Framework's
        /// default is 2 per host, which would queue concurrent reads in Windows PowerShell 5.1).
        /// </summary>
        private static HttpClientHandler DefaultHandler()
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false };
            try
            {
                handler.MaxConnectionsPerServer = RateLimitGate.MaxInFlight;
            }
            catch (PlatformNotSupportedException)
            {
                // An older framework without the setting keeps its default.
            }

            return handler;
        }

        public long MaxResponseBytes { get; }

        /// <param name="gate">The connection's rate limit (API requests); each attempt waits for it and reports its answer's window to it.</param>
        public async Task<ApiResponse> SendAsync(Func<HttpRequestMessage> createRequest, ApiRequestDescription description, Operation operation, RateLimitGate? gate = null)
        {
            var started = Stopwatch.StartNew();
            for (var attempt = 0; ; attempt++)
            {
                operation.Cancellation.ThrowIfCancellationRequested();
                if (_closed)
                {
                    throw new ConnectionClosedException(description);
                }

                var failure = default(Exception);
                var response = default(ApiResponse);
                var slot = gate == null ? null : await gate.EnterAsync(description, operation).ConfigureAwait(false);
                var stopwatch = Stopwatch.StartNew();
                using (slot)
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(operation.Cancellation))
                {
                    timeout.CancelAfter(Policy.RequestTimeout);
                    try
                    {
                        response = await SendOnceAsync(createRequest, description, timeout.Token).ConfigureAwait(false);
                        gate?.Observe(response.RateLimitWindow);
                    }
                    catch (Exception closedUnderneath) when (_closed && !(closedUnderneath is GenesysApiException))
                    {
                        throw new ConnectionClosedException(description, closedUnderneath);
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
                    operation.Host.Verbose($"{description} -> {response.Status} in {elapsed} ms (correlation id {response.CorrelationId ?? "none"})");
                    if (response.RateLimit != null)
                    {
                        operation.Host.Debug($"{description} rate limit: {response.RateLimit}");
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
                operation.Host.Verbose($"{description} failed after {elapsed} ms: {reason}");
                if (NameResolution.Failed(failure!))
                {
                    // A name that does not resolve will not resolve on a retry a second later: say so at once.
                    throw new GenesysApiException(
                        ApiFailureKind.NetworkFailure,
                        $"{description} failed: the host name '{description.Host}' could not be resolved ({reason}). Not retried.",
                        description,
                        failure)
                    {
                        Attempts = attempt + 1,
                        Elapsed = started.Elapsed,
                        HostNotResolved = true,
                    };
                }

                if (attempt >= Policy.MaxRetryCount)
                {
                    throw new GenesysApiException(
                        ApiFailureKind.NetworkFailure,
                        $"{description} failed: {reason}. Tried {attempt + 1} times over {started.Elapsed.TotalSeconds:0.#} s.",
                        description,
                        failure)
                    {
                        Attempts = attempt + 1,
                        Elapsed = started.Elapsed,
                    };
                }

                await WaitBeforeRetryAsync(description, reason, Policy.BackoffDelay(attempt), attempt, operation).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            _closed = true;
            _http.Dispose();
        }

        private static bool IsRetryable(int status) => status == 429 || status == 502 || status == 503 || status == 504;

        private static string DescribeFailure(Exception failure) =>
            failure.InnerException != null && !(failure is TimeoutException)
                ? failure.Message + " (" + failure.InnerException.Message + ")"
                : failure.Message;

        private async Task<ApiResponse> SendOnceAsync(Func<HttpRequestMessage> createRequest, ApiRequestDescription description, CancellationToken cancellation)
        {
            using (var request = createRequest())
            using (var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false))
            {
                var status = (int)answer.StatusCode;
                if (status >= 300 && status < 400)
                {
                    throw Redirected(answer, request.RequestUri!, description);
                }

                return answer.Content == null
                    ? ApiResponse.From(answer, string.Empty)
                    : await ReadBodyAsync(answer, answer.Content, description, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>Reads at most <see cref="MaxResponseBytes"/>: a declared or actual body over it fails before it fills memory.</summary>
        /// <remarks>The bytes are kept as read: a successful body is parsed from them, and decoded to text only for an error.</remarks>
        private async Task<ApiResponse> ReadBodyAsync(HttpResponseMessage answer, HttpContent content, ApiRequestDescription description, CancellationToken cancellation)
        {
            if (content.Headers.ContentLength > MaxResponseBytes)
            {
                throw TooLarge(description, $"declared a body of {content.Headers.ContentLength} bytes");
            }

            using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                var buffer = new MemoryStream(InitialCapacity(content.Headers.ContentLength));
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellation).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxResponseBytes)
                    {
                        throw TooLarge(description, "sent a body that went on past the limit");
                    }

                    buffer.Write(chunk, 0, read);
                }

                return ApiResponse.From(answer, buffer.GetBuffer(), (int)buffer.Length, EncodingOf(content));
            }
        }

        /// <summary>The declared length, so a large body is not copied as its buffer grows; capped, so a declared length alone reserves little.</summary>
        private static int InitialCapacity(long? declared) =>
            declared is long length && length > 0 ? (int)Math.Min(length, 16L * 1024 * 1024) : 0;

        private static Encoding EncodingOf(HttpContent content)
        {
            var charset = content.Headers.ContentType?.CharSet?.Trim('"', ' ');
            try
            {
                return string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                return Encoding.UTF8;
            }
        }

        private GenesysApiException TooLarge(ApiRequestDescription description, string what) =>
            new GenesysApiException(
                ApiFailureKind.InvalidResponse,
                $"{description} {what}, over the limit of {MaxResponseBytes} bytes ({MaxResponseBytes / (1024.0 * 1024.0):0.##} MiB) for one answer; it was not read. " +
                "No Genesys Cloud answer is that large: a proxy or gateway may have answered instead.",
                description)
            {
                ResponseLimitBytes = MaxResponseBytes,
            };

        private static GenesysApiException Redirected(HttpResponseMessage answer, Uri requested, ApiRequestDescription description)
        {
            var location = answer.Headers.Location;
            var target = location == null ? null : location.IsAbsoluteUri ? location : new Uri(requested, location);
            var port = target == null || target.IsDefaultPort ? string.Empty : ":" + target.Port;
            var where = target == null ? "without a Location" : $"to host '{target.Host}'{port}";
            return new GenesysApiException(
                ApiFailureKind.InvalidResponse,
                $"{description} answered {(int)answer.StatusCode}, a redirect {where}. Redirects are not followed, so the request and its credentials were not sent there; " +
                "Genesys Cloud does not redirect API or login requests.",
                description)
            {
                StatusCode = (int)answer.StatusCode,
                RedirectHost = target == null ? null : target.Host + port,
            };
        }

        private async Task WaitBeforeRetryAsync(ApiRequestDescription description, string reason, TimeSpan delay, int attempt, Operation operation)
        {
            operation.Host.Verbose($"{description} {reason}; retry {attempt + 1} of {Policy.MaxRetryCount} in {delay.TotalSeconds:0.##} s");
            await Task.Delay(delay, operation.Cancellation).ConfigureAwait(false);
        }
    }
}
