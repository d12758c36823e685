using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Generation;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// Baselines generated from today's organization: they load with the module's parser, every client of the
    /// organization passes them (only Info findings), they are the same bytes for the same organization and time,
    /// and they never hold a waiver.
    /// </summary>
    public class BaselineGeneratorTests
    {
        internal static readonly DateTime Pinned = new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc);

        private static string DemoSnapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        public static IEnumerable<object[]> Groupings() => Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>().Select(grouping => new object[] { grouping });

        [Theory]
        [MemberData(nameof(Groupings))]
        public void The_demo_org_passes_the_baseline_generated_from_it(BaselineGrouping grouping)
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var generated = Generate(context, grouping);
            File.WriteAllText(Path.Combine(Path.GetTempPath(), $"oauthaudit-generated-{grouping}.yml"), generated.Text.Text);

            var parsed = Baselines.Parse(generated.Text.Text, "generated.yml");
            var evaluator = new BaselineEvaluator(parsed, Pinned);
            var clients = context.Directory.GetClients(Operation.Quiet).ToArray();
            Assert.Equal(40, clients.Length);
            foreach (var client in clients)
            {
                var result = evaluator.Evaluate(client);
                Assert.True(result.Findings.All(finding => finding.Severity == Severity.Info), $"{client.Name}: {string.Join("; ", result.Findings.Select(finding => finding.Message))}");
                Assert.Single(result.MatchedRules);
            }

            Assert.Empty(generated.StillFlagged);
            Assert.Empty(parsed.Waivers);
            Assert.Equal(generated.Baseline.Rules.Count, parsed.Rules.Count);
            Assert.True(parsed.ReportUnmatchedClients);
        }

        [Fact]
        public void Rules_per_grouping_on_the_demo_org()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var counts = Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>().ToDictionary(grouping => grouping, grouping => Generate(context, grouping).Baseline.Rules.Count);

            Assert.Equal(5, counts[BaselineGrouping.GrantType]);
            Assert.Equal(40, counts[BaselineGrouping.Client]);
            Assert.InRange(counts[BaselineGrouping.Name], 6, 40);
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "oauthaudit-generated-counts.txt"), string.Join(", ", counts.Select(entry => $"{entry.Key}={entry.Value}")));
        }

        internal static GeneratedBaseline Generate(GcContext context, BaselineGrouping grouping) =>
            BaselineGenerator.Generate(context.Directory, Operation.Quiet, grouping, Pinned, text => Baselines.Loader.ReadText(text, "generated.yml"));
    }
}
