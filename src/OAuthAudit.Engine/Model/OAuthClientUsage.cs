using OAuthAudit.Engine.Text;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// One OAuth client's API requests over a usage window, from the organization usage query (grouped by
    /// OauthClientId, one row a day). The status counts carry the API's metric names: Status200 counts 2xx answers,
    /// Status300 3xx, Status400 4xx, Status429 the 429s (rate limited), Status500 5xx.
    /// </summary>
    public sealed class OAuthClientUsage
    {
        internal OAuthClientUsage(string clientId, string clientName, UsageWindow window, long requests, UtcTimestamp? lastUsed,
            long status200, long status300, long status400, long status429, long status500)
        {
            ClientId = clientId;
            ClientName = clientName;
            Window = window;
            Requests = requests;
            LastUsed = lastUsed;
            DaysSinceLastUse = lastUsed.HasValue ? (int)(window.End.UtcDateTime - lastUsed.Value.UtcDateTime).TotalDays : (int?)null;
            Status200 = status200;
            Status300 = status300;
            Status400 = status400;
            Status429 = status429;
            Status500 = status500;
        }

        public string ClientId { get; }

        public string ClientName { get; }

        /// <summary>Requests in the window; 0 for a client the usage query has no row for.</summary>
        public long Requests { get; }

        /// <summary>The last UTC day (00:00 Z) with at least one request in the window; null when there was none.</summary>
        public UtcTimestamp? LastUsed { get; }

        /// <summary>Whole days from <see cref="LastUsed"/> to the window's last day (today); null when there was no request in the window.</summary>
        public int? DaysSinceLastUse { get; }

        public long Status200 { get; }

        public long Status300 { get; }

        public long Status400 { get; }

        public long Status429 { get; }

        public long Status500 { get; }

        /// <summary>The share of requests answered 429, in percent (0 when there were no requests).</summary>
        public double ThrottledPercent => Requests == 0 ? 0 : 100.0 * Status429 / Requests;

        public UsageWindow Window { get; }

        public override string ToString() => DisplayText.Visible($"{ClientName}: {Requests} requests in {Window}")!;
    }
}
