using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Which data beyond the listing a baseline's rules demand, and how many days of it.</summary>
    public class BaselineDataTests
    {
        [Fact]
        public void The_built_in_baseline_demands_nothing_beyond_the_listing()
        {
            var data = BaselineData.Of(Baselines.Loader.BuiltIn);

            Assert.Equal(RunData.None, data.Needs);
            Assert.Null(data.HistoryDays);
            Assert.Null(data.UsageDays);
        }

        [Fact]
        public void History_days_are_the_largest_history_demand_capped_at_a_year()
        {
            Assert.Equal(120, BaselineData.Of(Of(Rule("A", DemandKinds.MaxDaysSinceSecretRotation.Of(90)!), Rule("B", DemandKinds.RecentChangeDays.Of(120)!))).HistoryDays);
            Assert.Equal(365, BaselineData.Of(Of(Rule("A", DemandKinds.MaxDaysSinceSecretRotation.Of(400)!))).HistoryDays);
            Assert.Equal(RunData.History, BaselineData.Of(Of(Rule("A", DemandKinds.RecentChangeDays.Of(7)!))).Needs);
        }

        [Fact]
        public void Usage_days_are_the_largest_idle_window_and_at_least_90_for_the_other_usage_demands()
        {
            Assert.Equal(30, BaselineData.Of(Of(Rule("A", DemandKinds.MaxIdleDays.Of(30)!))).UsageDays);
            Assert.Equal(90, BaselineData.Of(Of(Rule("A", DemandKinds.MaxIdleDays.Of(30)!), Rule("B", DemandKinds.FlagNeverUsed.Of(true)!))).UsageDays);
            Assert.Equal(90, BaselineData.Of(Of(Rule("A", DemandKinds.MaxThrottledShare.Of(5)!))).UsageDays);
            Assert.Equal(200, BaselineData.Of(Of(Rule("A", DemandKinds.MaxIdleDays.Of(200)!, DemandKinds.FlagNeverUsed.Of(true)!))).UsageDays);
        }

        [Fact]
        public void A_rule_that_applies_only_when_the_data_is_loaded_does_not_demand_it()
        {
            var data = BaselineData.Of(Of(
                Rule("A", RunData.Usage, DemandKinds.MaxIdleDays.Of(60)!),
                Rule("B", RunData.Usage, DemandKinds.MaxDaysSinceSecretRotation.Of(30)!)));

            Assert.Null(data.UsageDays);
            Assert.Equal(30, data.HistoryDays);
        }

        private static BaselineRule Rule(string id, params Demand[] demands) => Rule(id, RunData.None, demands);

        private static BaselineRule Rule(string id, RunData onlyWhenLoaded, params Demand[] demands) =>
            new BaselineRule(id, "d", Severity.Medium, null, ClientMatch.Everything, null, demands, onlyWhenLoaded);

        private static Baseline Of(params BaselineRule[] rules) =>
            new Baseline("direct", null, "direct", ValueList.From(rules), ValueList<Waiver>.Empty, reportUnmatchedClients: false);
    }
}
