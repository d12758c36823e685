using System;
using System.Linq;
using System.Net.Http;

namespace OAuthAudit.Engine.Api
{
    /// <summary>A fully read HTTP answer: status, body and the headers the module acts on.</summary>
    internal sealed class ApiResponse
    {
        private ApiResponse(int status, string body, string? contentType, string? correlationId, TimeSpan? retryAfter, RateLimitHeaders? rateLimit)
        {
            Status = status;
            Body = body;
            ContentType = contentType;
            CorrelationId = correlationId;
            RetryAfter = retryAfter;
            RateLimitWindow = rateLimit;
            RateLimit = rateLimit?.ToString();
        }

        public int Status { get; }

        public string Body { get; }

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

        public static ApiResponse From(HttpResponseMessage response, string body) => new ApiResponse(
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
