using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;
using static OAuthAudit.Module.Tests.Eventually;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// Invoke-GcOAuthAudit over several organizations at once (-ThrottleLimit): runs in the order of -Context, requests
    /// of different organizations in flight together (seen in the emulators' request logs, not in timings), one
    /// organization's failure an Error run of its own, and Ctrl+C stopping them all.
    /// </summary>
    public class ManyOrganizationsTests
    {
        private const string ClientsPath = "/api/v2/oauth/clients";

        private const string IdleBaseline = AuditDataTests.IdleBaseline;

        private const string RotationBaseline = AuditDataTests.RotationBaseline;

        private const string RunLine = "ForEach-Object { \"$($_.Organization.Name)|$($_.DataSource.Kind)|$($_.Summary.Clients)|$($_.Summary)|$(@($_.Errors | ForEach-Object ErrorId) -join ',')\" }";

        private const string ResultLines = "ForEach-Object { $_.Results | ForEach-Object { \"$($_.ClientName)|$($_.Outcome)|$($_.FailedRules -join ',')\" } }";

        [Fact]
        public async Task Organizations_are_audited_at_once_and_their_runs_come_back_in_the_order_given()
        {
            await using var fleet = await OrganizationFleet.StartAsync("Org A", "Org B", "Org C\u001b[2J");
            foreach (var emulator in fleet.Emulators)
            {
                emulator.Knobs.Latency = TimeSpan.FromMilliseconds(100);
            }

            var folder = Path.Combine(Path.GetTempPath(), $"oauthaudit-many-{Guid.NewGuid():N}");
            try
            {
                var result = fleet.Run(
                    $"$snapshot = Connect-GcOrganization -SnapshotPath $demo\nInvoke-GcOAuthAudit -Context $o0, $snapshot, $o1, $o2 -ThrottleLimit 4 -OutputPath $folder -Format Json -Verbose | {RunLine}",
                    new() { ["demo"] = RepositoryPaths.DemoSnapshot, ["folder"] = folder }).ThrowIfFailed();

                Assert.Equal(new[]
                {
                    "Org A|Live|40|Pass 18, Fail 15, Warning 7|",
                    "Northwind Contact Center|Snapshot|40|Pass 18, Fail 15, Warning 7|",
                    "Org B|Live|40|Pass 18, Fail 15, Warning 7|",
                    "Org C\u001b[2J|Live|40|Pass 18, Fail 15, Warning 7|",
                }, result.Output.Select(item => item.ToString()));

                // Every organization's requests were in flight while every other's were: they ran at once.
                Assert.True(OrganizationFleet.Overlap(fleet.Emulators[0], fleet.Emulators[1]), "Org A and Org B never had requests in flight together");
                Assert.True(OrganizationFleet.Overlap(fleet.Emulators[0], fleet.Emulators[2]), "Org A and Org C never had requests in flight together");
                Assert.True(OrganizationFleet.Overlap(fleet.Emulators[1], fleet.Emulators[2]), "Org B and Org C never had requests in flight together");
                Assert.All(fleet.Emulators, emulator => Assert.Single(emulator.Requests, request => request.Path == ClientsPath));

                // One report per organization, as for one organization.
                Assert.Equal(4, Directory.GetFiles(folder, "*.json").Length);

                // Verbose lines name their organization, with its control characters made visible.
                Assert.DoesNotContain(result.Verbose, line => line.Contains('\u001b'));
                foreach (var name in new[] { "Org A", "Northwind Contact Center", "Org B", "Org C\\x1b[2J" })
                {
                    Assert.Contains(result.Verbose, line => line.StartsWith($"{name}: Audited 40 clients of {name}", StringComparison.Ordinal));
                }

                Assert.Contains(result.Verbose, line => line.StartsWith("Org B: GET ", StringComparison.Ordinal));

                // One progress record for the batch, a child per organization, each child completed at the end.
                Assert.Contains(result.Progress, record => record.ActivityId == 1 && record.ParentActivityId == -1 && record.Activity.Contains("4 organization(s)", StringComparison.Ordinal));
                var children = result.Progress.Where(record => record.ParentActivityId == 1 && record.Activity.StartsWith("Auditing ", StringComparison.Ordinal)).GroupBy(record => record.ActivityId).ToArray();
                Assert.Equal(4, children.Length);
                Assert.All(children, child => Assert.Equal(ProgressRecordType.Completed, child.Last().RecordType));
                Assert.Contains(children, child => child.First().Activity == "Auditing Org C\\x1b[2J");
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        [Fact]
        public async Task An_organization_that_fails_is_an_Error_run_and_the_others_are_judged_as_alone()
        {
            await using var fleet = await OrganizationFleet.StartAsync("Healthy", "Listing refused", "Usage job fails", "Rate limited", "Token expired");
            fleet.Emulators[1].Faults.Enqueue(new Fault(ClientsPath, 403, times: 10));
            fleet.Emulators[2].Knobs.UsageJobs.FailNext = 10;
            fleet.Emulators[3].Faults.Enqueue(new Fault(ClientsPath, 429, times: 100));
            fleet.Emulators[4].Credentials.Remove(fleet.Emulators[4].Auditor.ClientId);
            fleet.Emulators[4].RevokeAllTokens();
            var baseline = Path.Combine(Path.GetTempPath(), $"oauthaudit-idle-{Guid.NewGuid():N}.yml");
            File.WriteAllText(baseline, IdleBaseline);
            try
            {
                var variables = new Dictionary<string, object?> { ["baseline"] = baseline };
                var together = fleet.Run($"$runs = Invoke-GcOAuthAudit -Context $o0, $o1, $o2, $o3, $o4 -Baseline $baseline; $runs | {RunLine}; $runs[0] | {ResultLines}", variables);
                var alone = fleet.Run($"Invoke-GcOAuthAudit -Context $o0 -Baseline $baseline | {ResultLines}", variables).ThrowIfFailed();
                var gated = fleet.Run($"Invoke-GcOAuthAudit -Context $o0, $o1, $o2, $o3, $o4 -Baseline $baseline -FailOn Critical | {RunLine}", variables);

                Assert.Null(together.Terminating);
                var runs = together.Output.Take(5).Select(item => item.ToString()).ToArray();
                Assert.Equal(new[]
                {
                    "Healthy|Live|40|Pass 31, Warning 2, NotApplicable 7|",
                    "Listing refused|Live|0||MissingPermission",
                    "Usage job fails|Live|0||QueryJobFailed",
                    "Rate limited|Live|0||RateLimited",
                    "Token expired|Live|0||CredentialsRejected",
                }, runs);
                Assert.Equal(alone.Output.Select(item => item.ToString()), together.Output.Skip(5).Select(item => item.ToString()));

                // A non-terminating error per failing organization, naming it; the run holds the same ErrorId.
                Assert.Equal(4, together.Errors.Count);
                foreach (var (errorId, name) in new[] { ("MissingPermission", "Listing refused"), ("QueryJobFailed", "Usage job fails"), ("RateLimited", "Rate limited"), ("CredentialsRejected", "Token expired") })
                {
                    var error = Assert.Single(together.Errors, record => record.FullyQualifiedErrorId == errorId + ",OAuthAudit.Commands.InvokeGcOAuthAuditCommand");
                    Assert.StartsWith(name + ": ", error.ErrorDetails!.Message, StringComparison.Ordinal);
                    Assert.Equal(name, error.TargetObject!.GetType().GetProperty("OrganizationName")!.GetValue(error.TargetObject));
                }

                // -FailOn decides only once every run is in: all five are returned, then AuditFailed names the four that failed.
                Assert.Equal(runs, gated.Output.Select(item => item.ToString()));
                var failed = gated.AssertTerminating("AuditFailed", ErrorCategory.InvalidResult);
                Assert.Contains("Listing refused: 1 error(s) of the run as a whole (MissingPermission)", failed.ToString(), StringComparison.Ordinal);
                Assert.Contains("Usage job fails", failed.ToString(), StringComparison.Ordinal);
                Assert.Contains("Rate limited", failed.ToString(), StringComparison.Ordinal);
                Assert.Contains("Token expired", failed.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("Healthy", failed.ToString(), StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(baseline);
            }
        }

        [Fact]
        public async Task An_organization_whose_audit_query_fails_is_an_Error_run_and_the_other_is_judged_by_its_history()
        {
            await using var fleet = await OrganizationFleet.StartAsync("History read", "History fails");
            fleet.Emulators[0].Knobs.AuditQuery.PollsToFinish = 1;
            fleet.Emulators[1].Knobs.AuditQuery.PollsToFinish = 1;
            fleet.Emulators[1].Knobs.AuditQuery.Outcome = AuditQueryOutcome.Failed;
            var baseline = Path.Combine(Path.GetTempPath(), $"oauthaudit-rotation-{Guid.NewGuid():N}.yml");
            File.WriteAllText(baseline, RotationBaseline);
            try
            {
                var result = fleet.Run($"Invoke-GcOAuthAudit -Context $o0, $o1 -Baseline $baseline | {RunLine}", new() { ["baseline"] = baseline });

                Assert.Null(result.Terminating);
                Assert.Equal(new[] { "History read|Live|40|Pass 1, Fail 2, NotApplicable 37|", "History fails|Live|0||HistoryQueryFailed" }, result.Output.Select(item => item.ToString()));
                var error = Assert.Single(result.Errors);
                Assert.Equal("HistoryQueryFailed,OAuthAudit.Commands.InvokeGcOAuthAuditCommand", error.FullyQualifiedErrorId);
                Assert.StartsWith("History fails: ", error.ErrorDetails!.Message, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(baseline);
            }
        }

        [Fact]
        public async Task ThrottleLimit_1_audits_one_organization_after_the_other()
        {
            await using var fleet = await OrganizationFleet.StartAsync("First", "Second", "Third");
            foreach (var emulator in fleet.Emulators)
            {
                emulator.Knobs.Latency = TimeSpan.FromMilliseconds(50);
            }

            var result = fleet.Run($"Invoke-GcOAuthAudit -Context $o0, $o1, $o2 -ThrottleLimit 1 | {RunLine}").ThrowIfFailed();

            Assert.Equal(new[] { "First", "Second", "Third" }, result.Output.Select(item => item.ToString().Split('|')[0]));
            Assert.False(OrganizationFleet.Overlap(fleet.Emulators[0], fleet.Emulators[1]), "First and Second had requests in flight together");
            Assert.False(OrganizationFleet.Overlap(fleet.Emulators[1], fleet.Emulators[2]), "Second and Third had requests in flight together");
            Assert.False(OrganizationFleet.Overlap(fleet.Emulators[0], fleet.Emulators[2]), "First and Third had requests in flight together");
            Assert.All(fleet.Emulators, emulator => Assert.Single(emulator.Requests, request => request.Path == ClientsPath));
        }

        [Fact]
        public async Task Stopping_stops_every_organization_in_flight_and_leaves_no_request_open()
        {
            await using var fleet = await OrganizationFleet.StartAsync("Hangs 1", "Hangs 2", "Hangs 3");
            foreach (var emulator in fleet.Emulators)
            {
                emulator.Faults.Enqueue(Fault.Hang(ClientsPath));
            }

            using var shell = await PromptStop.AfterAsync(fleet.Shell.Runspace, "Invoke-GcOAuthAudit -Context $o0, $o1, $o2", () => WaitUntil(() => fleet.Emulators.All(emulator => emulator.InFlightRequestCount > 0)), TimeSpan.FromSeconds(2));

            Assert.Empty(shell.Streams.Error);
            await WaitUntil(() => fleet.Emulators.All(emulator => emulator.InFlightRequestCount == 0));
        }
    }
}
