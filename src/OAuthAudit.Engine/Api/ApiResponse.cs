using System;
using System.Linq;
using System.IO;
using System.Net.Http;
using System.Text;

namespace OAuthAudit.Engine.Api
{
    /// <summary>A fully read HTTP answer: status, body and the headers the module acts on.</summary>
    internal sealed class ApiResponse
    {
        private readonly ResponseBody _body;

        private ApiResponse(int status, ResponseBody body, string? contentType, string? correlationId, TimeSpan? retryAfter, RateLimitHeaders? rateLimit)
        {
            Status = status;
            _body = body;
            ContentType = contentType;
            CorrelationId = correlationId;
            RetryAfter = retryAfter;
            RateLimitWindow = rateLimit;
            RateLimit = rateLimit?.ToString();
        }

        public int Status { get; }

        /// <summary>The body as text, decoded on first use: a successful JSON answer is parsed from its bytes and never needs it.</summary>
        public string Body => _body.Text;

        /// <summary>The body's size as received (bytes, or characters of a body kept as text).</summary>
        public int BodyLength => _body.Length;

        public string? ContentType { get; }

        public string? CorrelationId { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>The inin-ratelimit-* headers as "count/allowed, reset in Ns", for the debug stream.</summary>
        public string? RateLimit { get; }

        /// <summary>The inin-ratelimit-* headers read as numbers; null when they are missing or not numbers.</summary>
        public RateLimitHeaders? RateLimitWindow { get; }

        public bool IsSuccess => Status >= 200 && Status < 300;

        /// <summary>How many times the request was sent before this answer was kept.</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>From the first attempt to this answer, waits included.</summary>
        public TimeSpan Elapsed { get; internal set; }

        /// <summary>A reader over the body: its bytes decoded as they are read, or its text once decoded.</summary>
        public TextReader OpenBody() => _body.Open();

        /// <summary>The body as UTF-8 bytes (see <see cref="ResponseBody.Utf8"/>).</summary>
        public ArraySegment<byte> Utf8Body() => _body.Utf8();

        public static ApiResponse From(HttpResponseMessage response, string body) => From(response, new ResponseBody(body));

        /// <param name="bytes">The body's bytes, kept as they are (not copied); <paramref name="length"/> of them are the body.</param>
        public static ApiResponse From(HttpResponseMessage response, byte[] bytes, int length, Encoding encoding) =>
            From(response, new ResponseBody(bytes, length, encoding));

        private static ApiResponse From(HttpResponseMessage response, ResponseBody body) => new ApiResponse(
            (int)response.StatusCode,
            body,
            response.Content?.Headers.ContentType?.MediaType,
            Header(response, "inin-correlation-id"),
            RetryAfterOf(response),
            RateLimitHeaders.From(Header(response, "inin-ratelimit-allowed"), Header(response, "inin-ratelimit-count"), Header(response, "inin-ratelimit-reset")));

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (retryAfter?.Date is DateTimeOffset date)
            {
                return date - DateTimeOffset.UtcNow;
            }

            return null;
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
