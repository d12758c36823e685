using System.Globalization;

namespace OAuthAudit.Engine.Api
{
    /// <summary>What an API answer says about its rate limit window: inin-ratelimit-allowed, -count and -reset (seconds until it resets).</summary>
    internal sealed class RateLimitHeaders
    {
        private RateLimitHeaders(int allowed, int count, int resetSeconds)
        {
            Allowed = allowed;
            Count = count;
            ResetSeconds = resetSeconds;
        }

        public int Allowed { get; }

        public int Count { get; }

        public int ResetSeconds { get; }

        /// <returns>Null unless all three are whole numbers (allowed at least 1); a window of over an hour is taken as an hour.</returns>
        public static RateLimitHeaders? From(string? allowed, string? count, string? reset)
        {
            const int Hour = 3600;
            return Number(allowed) is int a && a >= 1 && Number(count) is int c && Number(reset) is int r
                ? new RateLimitHeaders(a, c, r > Hour ? Hour : r)
                : null;
        }

        public override string ToString() => $"{Count}/{Allowed}, window resets in {ResetSeconds}s";

        private static int? Number(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
    }
}
