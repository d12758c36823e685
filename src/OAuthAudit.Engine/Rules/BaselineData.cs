using System;
using System.Linq;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// The data beyond the client listing a baseline's rules need, and how many days of it: a rule that applies only
    /// when the data is loaded (onlyWhenLoaded) does not ask for it, so it is read only for rules that demand it.
    /// </summary>
    public sealed class BaselineData
    {
        /// <summary>The usage window when only flagNeverUsed or maxThrottledShare need usage.</summary>
        public const int DefaultUsageDays = 90;

        private BaselineData(int? historyDays, int? usageDays)
        {
            HistoryDays = historyDays;
            UsageDays = usageDays;
        }

        /// <summary>The days of change history to read (the largest history demand, at most a year); null when no rule needs it.</summary>
        public int? HistoryDays { get; }

        /// <summary>The days of usage to read (the largest maxIdleDays, at least 90 for the other usage demands, at most a year); null when no rule needs it.</summary>
        public int? UsageDays { get; }

        public RunData Needs => (HistoryDays != null ? RunData.History : RunData.None) | (UsageDays != null ? RunData.Usage : RunData.None);

        public static BaselineData Of(Baseline baseline)
        {
            var demands = baseline.Rules.SelectMany(rule => rule.Demands.Select(demand => (Rule: rule, Demand: demand))).ToArray();
            var history = demands.Where(entry => Demanded(entry.Rule, entry.Demand, RunData.History)).Select(entry => entry.Demand).ToArray();
            var usage = demands.Where(entry => Demanded(entry.Rule, entry.Demand, RunData.Usage)).Select(entry => entry.Demand).ToArray();

            int? historyDays = history.Length == 0 ? (int?)null : Clamp(history.Max(DaysOf), HistoryQuery.MinDays, HistoryQuery.MaxDays);
            int? usageDays = null;
            if (usage.Length > 0)
            {
                var idle = usage.Where(demand => demand.Kind == DemandKinds.MaxIdleDays).Select(DaysOf).DefaultIfEmpty(0).Max();
                var others = usage.Any(demand => demand.Kind != DemandKinds.MaxIdleDays);
                usageDays = Clamp(others ? Math.Max(idle, DefaultUsageDays) : idle, UsageWindow.MinDays, UsageWindow.MaxDays);
            }

            return new BaselineData(historyDays, usageDays);
        }

        private static bool Demanded(BaselineRule rule, Demand demand, RunData data) =>
            (demand.Kind.Needs & data) != RunData.None && (rule.OnlyWhenLoaded & data) == RunData.None;

        private static int DaysOf(Demand demand) => demand.Value is int days ? days : 0;

        private static int Clamp(int days, int min, int max) => Math.Min(Math.Max(days, min), max);
    }
}
