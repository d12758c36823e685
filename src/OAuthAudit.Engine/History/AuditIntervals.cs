using System;
using System.Collections.Generic;
using System.Globalization;

namespace OAuthAudit.Engine.History
{
    /// <summary>The audit query API takes at most 30 days per query: a longer window is read as consecutive intervals of at most that length.</summary>
    internal static class AuditIntervals
    {
        public const int MaxDaysPerQuery = 30;

        /// <summary>Consecutive [start, end) intervals covering the window, oldest first, each at most <see cref="MaxDaysPerQuery"/> days.</summary>
        public static IReadOnlyList<(DateTime Start, DateTime End)> Split(DateTime start, DateTime end)
        {
            var intervals = new List<(DateTime, DateTime)>();
            for (var from = start; from < end; from = from.AddDays(MaxDaysPerQuery))
            {
                var to = from.AddDays(MaxDaysPerQuery);
                intervals.Add((from, to < end ? to : end));
            }

            return intervals;
        }

        /// <summary>ISO-8601 "start/end" in UTC, as the API's interval: 2026-11-01T00:00:00Z/2026-12-01T00:00:00Z.</summary>
        public static string Format(DateTime start, DateTime end) =>
            start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + "/" + end.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
