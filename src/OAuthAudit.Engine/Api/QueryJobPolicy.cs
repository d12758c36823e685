using System;

namespace OAuthAudit.Engine.Api
{
    /// <summary>How a read-only query job (usage aggregates, audit query) is waited for: the first poll's delay, the backoff's ceiling and the time budget after which the wait ends in an error.</summary>
    internal sealed class QueryJobPolicy
    {
        public QueryJobPolicy(TimeSpan firstPollDelay, TimeSpan maxPollDelay, TimeSpan budget)
        {
            if (firstPollDelay < TimeSpan.Zero || maxPollDelay < firstPollDelay || budget <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(budget), "The poll delays must be ascending and not negative, the budget positive.");
            }

            FirstPollDelay = firstPollDelay;
            MaxPollDelay = maxPollDelay;
            Budget = budget;
        }

        /// <summary>A job usually finishes within seconds; a job still running after five minutes is stuck.</summary>
        public static QueryJobPolicy Default { get; } = new QueryJobPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5));

        public TimeSpan FirstPollDelay { get; }

        public TimeSpan MaxPollDelay { get; }

        /// <summary>The longest one job is waited for, from its start.</summary>
        public TimeSpan Budget { get; }

        /// <summary>Doubles the delay up to the ceiling.</summary>
        public TimeSpan Next(TimeSpan delay)
        {
            var doubled = TimeSpan.FromTicks(Math.Max(delay.Ticks * 2, TimeSpan.FromMilliseconds(1).Ticks));
            return doubled > MaxPollDelay ? MaxPollDelay : doubled;
        }
    }
}
