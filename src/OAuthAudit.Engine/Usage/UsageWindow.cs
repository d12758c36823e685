using System;
using System.Collections.Generic;
using System.Globalization;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Usage
{
    /// <summary>
    /// The days a usage read covers: the last <see cref="Days"/> UTC days up to and including today. The API takes
    /// at most 90 days per query job, starting at most a year ago, so a longer window is read as several jobs.
    /// </summary>
    public sealed class UsageWindow
    {
        public const int MinDays = 1;
        public const int MaxDays = 365;

        /// <summary>The most days one query job may span (the API: the end at most 90 days after the start).</summary>
        internal const int DaysPerJob = 90;

        internal UsageWindow(int days, DateTime now)
        {
            if (days < MinDays || days > MaxDays)
            {
                throw new ArgumentOutOfRangeException(nameof(days), days, $"A usage window is {MinDays} to {MaxDays} days (the API keeps usage for a year).");
            }

            Days = days;
            var today = now.ToUniversalTime().Date;
            End = new UtcTimestamp(DateTime.SpecifyKind(today, DateTimeKind.Utc));
            Start = End.AddDays(-(days - 1));
        }

        public int Days { get; }

        /// <summary>The first day (00:00 UTC).</summary>
        public UtcTimestamp Start { get; }

        /// <summary>The last day (00:00 UTC): the day the usage was read.</summary>
        public UtcTimestamp End { get; }

        /// <summary>The API's intervals, oldest first, each at most <see cref="DaysPerJob"/> days: "2026-09-03T00:00:00Z/2026-12-01T23:59:59Z".</summary>
        internal IReadOnlyList<UsageInterval> Intervals()
        {
            var intervals = new List<UsageInterval>();
            for (var first = Start.UtcDateTime; first <= End.UtcDateTime; first = first.AddDays(DaysPerJob))
            {
                var last = first.AddDays(DaysPerJob - 1);
                intervals.Add(new UsageInterval(first, last > End.UtcDateTime ? End.UtcDateTime : last));
            }

            return intervals;
        }

        internal bool Contains(DateTime day) => day >= Start.UtcDateTime && day <= End.UtcDateTime;

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd}..{1:yyyy-MM-dd} ({2} days)", Start.UtcDateTime, End.UtcDateTime, Days);
    }

    /// <summary>The days one query job covers, both inclusive.</summary>
    internal sealed class UsageInterval
    {
        public UsageInterval(DateTime firstDay, DateTime lastDay)
        {
            FirstDay = firstDay;
            LastDay = lastDay;
        }

        public DateTime FirstDay { get; }

        public DateTime LastDay { get; }

        public bool Contains(DateTime day) => day >= FirstDay && day <= LastDay;

        /// <summary>As the API takes it: ISO-8601 start/end, both inclusive.</summary>
        public override string ToString() =>
            FirstDay.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture) + "/" + LastDay.ToString("yyyy-MM-dd'T'23:59:59'Z'", CultureInfo.InvariantCulture);
    }
}
