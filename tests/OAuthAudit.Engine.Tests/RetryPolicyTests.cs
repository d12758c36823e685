using System;
using System.Linq;
using OAuthAudit.Engine.Api;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class RetryPolicyTests
    {
        [Fact]
        public void Retry_after_is_honoured_and_capped_at_the_longest_wait()
        {
            var policy = new RetryPolicy(maxRetryWait: TimeSpan.FromSeconds(10));

            Assert.Equal(TimeSpan.FromSeconds(3), policy.RetryAfterDelay(TimeSpan.FromSeconds(3), attempt: 0));
            Assert.Equal(TimeSpan.FromSeconds(10), policy.RetryAfterDelay(TimeSpan.FromSeconds(600), attempt: 0));
            Assert.Equal(TimeSpan.Zero, policy.RetryAfterDelay(TimeSpan.FromSeconds(-5), attempt: 0));
        }

        [Fact]
        public void Backoff_grows_exponentially_with_jitter_and_stays_under_the_cap()
        {
            var policy = new RetryPolicy(maxRetryWait: TimeSpan.FromSeconds(4), baseDelay: TimeSpan.FromMilliseconds(500));

            for (var attempt = 0; attempt < 6; attempt++)
            {
                var full = Math.Min(500 * Math.Pow(2, attempt), 4000);
                var delays = Enumerable.Range(0, 50).Select(_ => policy.BackoffDelay(attempt).TotalMilliseconds).ToArray();
                Assert.All(delays, delay => Assert.InRange(delay, full / 2, full));
                Assert.True(delays.Distinct().Count() > 1, "jitter spreads the delays");
            }
        }

        [Fact]
        public void Without_retry_after_a_429_backs_off()
        {
            var policy = new RetryPolicy(baseDelay: TimeSpan.FromMilliseconds(100));
            Assert.InRange(policy.RetryAfterDelay(null, attempt: 2).TotalMilliseconds, 200, 400);
        }

        [Fact]
        public void A_negative_retry_count_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(maxRetryCount: -1));
        }
    }
}
