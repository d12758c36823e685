using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Engine.History
{
    /// <summary>What change history to read: how many days back, which clients (all when none), and how long to wait for each audit query.</summary>
    public sealed class HistoryQuery
    {
        public const int MinDays = 1;

        /// <summary>Genesys Cloud keeps the audit trail for at least a year.</summary>
        public const int MaxDays = 365;

        public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromMinutes(5);

        public HistoryQuery(int days, IEnumerable<string>? clientIds = null, TimeSpan? timeBudget = null, TimeSpan? firstPollDelay = null, TimeSpan? maxPollDelay = null)
        {
            if (days < MinDays || days > MaxDays)
            {
                throw new ArgumentOutOfRangeException(nameof(days), days, $"The history window is {MinDays} to {MaxDays} days.");
            }

            Days = days;
            ClientIds = (clientIds ?? Enumerable.Empty<string>()).Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            Polling = new QueryJobPolicy(firstPollDelay ?? TimeSpan.FromMilliseconds(250), maxPollDelay ?? TimeSpan.FromSeconds(5), timeBudget ?? DefaultTimeBudget);
        }

        public int Days { get; }

        /// <summary>The clients to read the history of; empty for every client.</summary>
        public IReadOnlyList<string> ClientIds { get; }

        /// <summary>How each audit query transaction is waited for: its poll delays and how long it may take, from its POST to its last poll.</summary>
        internal QueryJobPolicy Polling { get; }
    }
}
