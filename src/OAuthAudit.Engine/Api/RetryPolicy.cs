using System;

namespace OAuthAudit.Engine.Api
{
    /// <summary>How hard to try when the API is rate limiting or unavailable.</summary>
    public sealed class RetryPolicy
    {
        public static readonly TimeSpan DefaultMaxRetryWait = TimeSpan.FromSeconds(60);
        public const int DefaultMaxRetryCount = 5;
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

        private static readonly Random Jitter = new Random();

        public RetryPolicy(int maxRetryCount = DefaultMaxRetryCount, TimeSpan? maxRetryWait = null, TimeSpan? baseDelay = null, TimeSpan? requestTimeout = null)
        {
            if (maxRetryCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRetryCount), maxRetryCount, "The retry count cannot be negative.");
            }

            MaxRetryCount = maxRetryCount;
            MaxRetryWait = maxRetryWait ?? DefaultMaxRetryWait;
            BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(500);
            RequestTimeout = requestTimeout ?? DefaultRequestTimeout;
        }

        public int MaxRetryCount { get; }

        /// <summary>The longest single wait between two attempts; a longer Retry-After is capped to it.</summary>
        public TimeSpan MaxRetryWait { get; }

        public TimeSpan BaseDelay { get; }

        public TimeSpan RequestTimeout { get; }

        public TimeSpan RetryAfterDelay(TimeSpan? retryAfter, int attempt) =>
            retryAfter.HasValue ? Cap(retryAfter.Value) : BackoffDelay(attempt);

        /// <summary>Exponential backoff with "equal jitter": half fixed, half random, capped.</summary>
        public TimeSpan BackoffDelay(int attempt)
        {
            var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
            var capped = Math.Min(exponential, MaxRetryWait.TotalMilliseconds);
            double random;
            lock (Jitter)
            {
                random = Jitter.NextDouble();
            }

            return TimeSpan.FromMilliseconds(capped / 2 + random * capped / 2);
        }

        private TimeSpan Cap(TimeSpan wait) => wait > MaxRetryWait ? MaxRetryWait : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
