using System;
using System.IO;
using System.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Results judged outside a run gathered into runs (what Export-GcOAuthAuditReport does), and the file names of an organization's reports.</summary>
    public class ResultRunsTests
    {
        private static readonly DateTime Evaluated = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);

        private static string DemoSnapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        private static string SampleBaseline => Path.Combine(RepositoryRoot.Path, "samples", "baseline.yml");

        [Fact]
        public void Results_of_one_connection_and_baseline_make_one_run_with_that_baseline_s_rules_and_hash()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var baseline = Baselines.Loader.ReadFile(SampleBaseline);
            var results = Judge(context, baseline, Evaluated);

            var run = Assert.Single(ResultRuns.Build(results));

            Assert.Equal(context.OrganizationId, run.Organization.Id);
            Assert.Equal(DataSourceKind.Snapshot, run.DataSource.Kind);
            Assert.Equal(context.CapturedAt, run.DataSource.CapturedAt);
            Assert.Equal(baseline.Sha256, run.Baseline.Sha256);
            Assert.Equal(baseline.Rules.Select(rule => rule.Id), run.Baseline.Rules.Select(rule => rule.Id));
            Assert.Equal(results.Length, run.Summary.Clients);
            Assert.Equal(Evaluated, run.StartedAt.UtcDateTime);
            Assert.Equal(Evaluated, run.FinishedAt.UtcDateTime);
        }

        [Fact]
        public void The_same_baseline_read_twice_is_one_run_and_another_baseline_is_another_run()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var first = Judge(context, Baselines.Loader.ReadFile(SampleBaseline), Evaluated);
            var again = Judge(context, Baselines.Loader.ReadFile(SampleBaseline), Evaluated.AddMinutes(5)).Take(3);
            var builtIn = Judge(context, Baselines.Loader.BuiltIn, Evaluated);

            var runs = ResultRuns.Build(first.Concat(builtIn).Concat(again));

            Assert.Equal(new[] { "northwind-policy", "oauthaudit-default" }, runs.Select(run => run.Baseline.Name));
            Assert.Equal(first.Length + 3, runs[0].Summary.Clients);
            Assert.Equal(Evaluated.AddMinutes(5), runs[0].FinishedAt.UtcDateTime);
            Assert.Equal(builtIn.Length, runs[1].Summary.Clients);
        }

        [Fact]
        public void Two_snapshots_of_one_organization_captured_at_different_times_are_two_runs()
        {
            var copy = Path.Combine(Path.GetTempPath(), "oauthaudit-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(copy, File.ReadAllText(DemoSnapshot).Replace("\"capturedAt\": \"2026-11-20T06:00:00Z\"", "\"capturedAt\": \"2026-11-27T06:00:00Z\"", StringComparison.Ordinal));
            try
            {
                using var older = Connector.ConnectSnapshot(DemoSnapshot);
                using var newer = Connector.ConnectSnapshot(copy);
                Assert.NotEqual(older.CapturedAt, newer.CapturedAt);
                var baseline = Baselines.Loader.BuiltIn;

                var runs = ResultRuns.Build(Judge(older, baseline, Evaluated).Concat(Judge(newer, baseline, Evaluated)));

                Assert.Equal(new[] { older.CapturedAt, newer.CapturedAt }, runs.Select(run => run.DataSource.CapturedAt));
            }
            finally
            {
                File.Delete(copy);
            }
        }

        [Fact]
        public void A_result_piped_twice_counts_once()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var results = Judge(context, Baselines.Loader.BuiltIn, Evaluated);

            var run = Assert.Single(ResultRuns.Build(results.Concat(results)));

            Assert.Equal(results.Length, run.Summary.Clients);
        }

        [Fact]
        public void No_results_make_no_run()
        {
            Assert.Empty(ResultRuns.Build(Array.Empty<ClientAuditResult>()));
        }

        [Theory]
        [InlineData("Northwind Contact Center", "oauth-audit-northwind-contact-center")]
        [InlineData("../../etc/passwd", "oauth-audit-etc-passwd")]
        [InlineData("C:\\Windows\\System32\\CON", "oauth-audit-c-windows-system32-con")]
        [InlineData("Ærø Kontakt — Süd", "oauth-audit-r-kontakt-s-d")]
        [InlineData("\u001b[31mred\u001b[0m", "oauth-audit-31mred-0m")]
        [InlineData("   ", "oauth-audit-org-1")]
        public void A_report_file_name_keeps_only_letters_digits_and_dashes(string organizationName, string expected)
        {
            var name = Assert.Single(ReportFileNames.For(new[] { new RunOrganization("org-1", organizationName, null) }));

            Assert.Equal(expected, name);
            Assert.Matches("^oauth-audit-[a-z0-9]+(-[a-z0-9]+)*$", name);
        }

        [Fact]
        public void Organizations_that_share_a_name_get_their_ids_and_then_numbers()
        {
            var names = ReportFileNames.For(new[]
            {
                new RunOrganization("id-a", "Contoso", null),
                new RunOrganization("id-b", "Contoso", null),
                new RunOrganization("id-b", "Contoso", null),
                new RunOrganization("id-c", "Fabrikam", null),
            });

            Assert.Equal(new[] { "oauth-audit-contoso", "oauth-audit-contoso-id-b", "oauth-audit-contoso-id-b-2", "oauth-audit-fabrikam" }, names);
        }

        [Fact]
        public void A_long_organization_name_gives_a_short_file_name()
        {
            var name = Assert.Single(ReportFileNames.For(new[] { new RunOrganization("x", new string('a', 500), null) }));

            Assert.True(name.Length <= ReportFileNames.Prefix.Length + 64, name);
        }

        private static ClientAuditResult[] Judge(GcContext context, Baseline baseline, DateTime at)
        {
            var evaluator = new BaselineEvaluator(baseline, at);
            return context.Directory.GetClients(Operation.Quiet).Select(evaluator.Evaluate).ToArray();
        }
    }
}
