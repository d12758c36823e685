using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Usage
{
    /// <summary>
    /// An organization's API usage per OAuth client over one window, as the usage query jobs returned it (every
    /// job's every page read and checked). A client without rows made no request in the window.
    /// </summary>
    public sealed class OrganizationUsage
    {
        private readonly Dictionary<string, Totals> _byClient;

        internal OrganizationUsage(UsageWindow window, IEnumerable<UsageRow> rows, int jobs)
        {
            Window = window;
            Jobs = jobs;
            _byClient = new Dictionary<string, Totals>(StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<(string, DateTime)>();
            foreach (var row in rows)
            {
                if (!seen.Add((row.ClientId.ToLowerInvariant(), row.Day)))
                {
                    throw new GenesysApiException(
                        ApiFailureKind.InvalidResponse,
                        $"The usage query results hold client '{row.ClientId}' on {row.Day:yyyy-MM-dd} twice; stopped so that no request is counted twice. Try again later.",
                        new ApiRequestDescription("GET", "api", UsageQueryJob.JobsPath));
                }

                if (!_byClient.TryGetValue(row.ClientId, out var totals))
                {
                    _byClient[row.ClientId] = totals = new Totals();
                }

                totals.Add(row);
            }
        }

        public UsageWindow Window { get; }

        /// <summary>How many query jobs the window took (one per 90 days).</summary>
        public int Jobs { get; }

        /// <summary>Client ids with at least one row, deleted clients included.</summary>
        public IReadOnlyCollection<string> ClientIds => _byClient.Keys;

        /// <summary>The client's usage; Requests 0 and LastUsed null when the query has no row for it.</summary>
        public OAuthClientUsage For(string clientId, string clientName)
        {
            if (!_byClient.TryGetValue(clientId, out var totals))
            {
                return new OAuthClientUsage(clientId, clientName, Window, 0, null, 0, 0, 0, 0, 0);
            }

            return new OAuthClientUsage(clientId, clientName, Window, totals.Requests, totals.LastUsed,
                totals.Status200, totals.Status300, totals.Status400, totals.Status429, totals.Status500);
        }

        public OAuthClientUsage For(OAuthClient client) => For(client.Id, client.Name);

        private sealed class Totals
        {
            public long Requests;
            public long Status200;
            public long Status300;
            public long Status400;
            public long Status429;
            public long Status500;
            public UtcTimestamp? LastUsed;

            public void Add(UsageRow row)
            {
                Requests += row.Requests;
                Status200 += row.Status200;
                Status300 += row.Status300;
                Status400 += row.Status400;
                Status429 += row.Status429;
                Status500 += row.Status500;
                if (row.Requests > 0 && (LastUsed == null || row.Day > LastUsed.Value.UtcDateTime))
                {
                    LastUsed = new UtcTimestamp(row.Day);
                }
            }
        }
    }
}
