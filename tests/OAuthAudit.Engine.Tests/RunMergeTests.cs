using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Tests.Reports;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Merging runs: one per organization, totals over all, runs of one organization refused unless the latest is chosen.</summary>
    public class RunMergeTests
    {
        [Fact]
        public void Runs_of_three_organizations_make_one_set_with_totals_and_each_run_kept()
        {
            using var files = new TempFiles();
            var three = ReportRuns.ThreeOrganizations(files);

            var set = RunMerge.Merge(three.Runs.Select((run, index) => new MergeInput(run, $"run {index + 1}")), DuplicateRuns.Refuse);

            Assert.Equal(3, set.Organizations);
            Assert.Equal(three.Runs.Select(run => run.Organization.Id), set.Runs.Select(run => run.Organization.Id));
            Assert.Equal(three.Runs.Sum(run => run.Summary.Clients), set.Summary.Clients);
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                Assert.Equal(three.Runs.Sum(run => run.Summary.ByOutcome[outcome]), set.Summary.ByOutcome[outcome]);
            }

            Assert.Equal(three.Runs.Sum(run => run.Summary.BySeverity[Severity.High]), set.Summary.BySeverity[Severity.High]);
            Assert.Equal(three.Runs.Sum(run => run.Errors.Count), set.Summary.Errors);
            Assert.NotEqual(set.Runs[0].Baseline.Sha256, set.Runs[2].Baseline.Sha256);
            Assert.StartsWith("3 organizations: ", set.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Two_runs_of_one_organization_are_refused_naming_both_and_nothing_is_merged()
        {
            var first = ReportRuns.Demo();
            var second = ReportRuns.DemoWithoutProblems();

            var refused = Assert.Throws<DuplicateRunException>(() => RunMerge.Merge(new[] { new MergeInput(first, "'a.json'"), new MergeInput(second, "'b.json'") }, DuplicateRuns.Refuse));

            Assert.Equal(first.Organization.Id, refused.OrganizationId);
            Assert.Contains("'a.json'", refused.Message, StringComparison.Ordinal);
            Assert.Contains("'b.json'", refused.Message, StringComparison.Ordinal);
            Assert.Contains("count it twice", refused.Message, StringComparison.Ordinal);
            Assert.False(refused.IsTie);
        }

        [Fact]
        public void With_keep_latest_the_run_that_finished_last_wins_and_a_tie_is_still_refused()
        {
            using var files = new TempFiles();
            var older = ReportRuns.Demo();
            var newer = Assert.Single(AuditRunReader.ReadText(AuditRunJson.Write(older).Replace("\"finishedAt\": \"2026-12-01T20:01:00Z\"", "\"finishedAt\": \"2026-12-02T20:01:00Z\""), "newer.json"));
            var other = ReportRuns.Organization(files, ReportRuns.SecondOrganizationId, "Second");
            var notes = new List<string>();

            var set = RunMerge.Merge(new[] { new MergeInput(newer, "'newer.json'"), new MergeInput(other, "'other.json'"), new MergeInput(older, "'older.json'") }, DuplicateRuns.KeepLatest, notes.Add);

            Assert.Equal(2, set.Organizations);
            Assert.Same(newer, set.Runs[0]);
            Assert.Contains("kept 'newer.json'", Assert.Single(notes), StringComparison.Ordinal);
            var tie = Assert.Throws<DuplicateRunException>(() => RunMerge.Merge(new[] { new MergeInput(older, "'a.json'"), new MergeInput(ReportRuns.Demo(), "'b.json'") }, DuplicateRuns.KeepLatest));
            Assert.True(tie.IsTie);
        }

        [Fact]
        public void A_set_is_never_empty_and_never_holds_one_organization_twice()
        {
            Assert.Throws<ArgumentException>(() => AuditRunSet.Of(Array.Empty<AuditRun>()));
            var twice = Assert.Throws<ArgumentException>(() => AuditRunSet.Of(new[] { ReportRuns.Demo(), ReportRuns.Demo() }));
            Assert.Contains("one run per organization", twice.Message, StringComparison.Ordinal);
        }
    }
}
