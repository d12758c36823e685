using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Get-GcOAuthClientHistory against the emulator's audit query API, as a user runs it.</summary>
    public class HistoryCmdletTests
    {
        [Fact]
        public async Task A_piped_client_gets_its_hand_listed_changes_from_a_year_of_audit_queries()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.AuditQuery.PollsToFinish = 1;

            var result = org.RunConnected("Get-GcOAuthClient -Name 'Salesforce Data Sync' | Get-GcOAuthClientHistory -Days 365 | ForEach-Object { \"$($_.Kind)|$($_.ChangedBy)|$($_.Properties)\" }").ThrowIfFailed();

            Assert.Equal(new[]
            {
                "secret regenerated|Dana Okafor (1e9c3a55-0d54-4c1f-9e0b-5d1a0e6f7a01)|secret: (changed)",
                "roles changed|OAuthClient 6b272614-a7e3-528b-8fd0-d81c55812138|roleDivisions: be4f6041-478a-580b-a023-7da7e6e0a5a6/b6d76dff-3f71-5f77-af88-e787a7caf44c -> be4f6041-478a-580b-a023-7da7e6e0a5a6/b6d76dff-3f71-5f77-af88-e787a7caf44c, 0643f010-ff9e-5b07-9a2e-0a340e58e36e/*",
                "renamed|Sam Reyes (7b2d4e66-1f65-4d20-8f1c-6e2b1f708b02)|name: Salesforce Sync -> Salesforce Data Sync",
            }, result.Output.Select(item => item.ToString()));
            Assert.Equal(13, org.Emulator.Requests.Count(request => request.Method == "POST" && request.Path == "/api/v2/audits/query"));
        }

        [Fact]
        public async Task Every_client_for_30_days_is_one_query_and_writes_typed_events_with_progress()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("Get-GcOAuthClientHistory").ThrowIfFailed();

            Assert.Equal(new[] { "Salesforce Data Sync", "Old Call Recorder Bridge", "Salesforce Data Sync", "Internal Dashboard (dev)" },
                result.Output.Select(item => (string)item.Properties["ClientName"].Value));
            Assert.All(result.Output, item => Assert.Equal("OAuthAudit.Engine.Model.OAuthClientChangeEvent", item.BaseObject.GetType().FullName));
            Assert.Equal(new[] { "roles changed", "state changed", "renamed", "scopes changed" }, result.Output.Select(item => (string)item.Properties["Kind"].Value));
            Assert.Single(org.Emulator.Requests, request => request.Method == "POST" && request.Path == "/api/v2/audits/query");
            Assert.True(result.Progress.Any(progress => progress.StatusDescription.Contains("Running", StringComparison.Ordinal)),
                "progress: " + string.Join(" | ", result.Progress.Select(progress => progress.Activity + ": " + progress.StatusDescription)));
        }

        [Fact]
        public async Task A_query_that_never_finishes_stops_with_a_timeout_naming_the_transaction_within_TimeoutSec()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.AuditQuery.Outcome = AuditQueryOutcome.NeverFinishes;
            var clock = Stopwatch.StartNew();

            var result = org.RunConnected("Get-GcOAuthClientHistory -Days 7 -TimeoutSec 2");

            var record = result.AssertTerminating("HistoryQueryTimedOut", ErrorCategory.OperationTimeout);
            Assert.Matches("The audit query transaction [0-9a-f-]{36} was still Running after 2(\\.\\d)? s, the time budget of 2 s", record.ToString());
            Assert.Contains("-TimeoutSec", record.ErrorDetails!.RecommendedAction);
            Assert.Empty(result.Output);
            Assert.InRange(clock.Elapsed.TotalSeconds, 2, 15);
        }

        [Fact]
        public async Task A_failed_query_is_an_error_not_an_empty_history()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.AuditQuery.Outcome = AuditQueryOutcome.Failed;

            var result = org.RunConnected("Get-GcOAuthClientHistory");

            var record = result.AssertTerminating("HistoryQueryFailed", ErrorCategory.InvalidResult);
            Assert.Contains("as Failed", record.ToString());
            Assert.Empty(result.Output);
        }

        [Fact]
        public async Task Without_audits_audit_view_the_error_names_the_permission()
        {
            await using var org = await LiveOrganization.StartAsync();
            var reader = new EmulatorCredential { Permissions = new[] { "oauth:client:view", "authorization:role:view", "authorization:division:view" } };
            org.Emulator.Credentials.Add(reader);

            var result = org.Run(LiveOrganization.Connect + " | Out-Null\nGet-GcOAuthClientHistory", reader);

            var record = result.AssertTerminating("MissingPermission", ErrorCategory.PermissionDenied);
            Assert.Contains("audits:audit:view", record.ToString());
            Assert.Contains("audits:audit:view", record.ErrorDetails!.RecommendedAction);
        }

        [Fact]
        public async Task No_secret_value_reaches_the_screen_or_any_property()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.AuditQuery.PollsToFinish = 1;

            var result = org.RunConnected("""
                $events = Get-GcOAuthClientHistory -Days 365 -Verbose
                $events
                $events | Out-Default
                $events | ForEach-Object { $_.Properties } | Out-Default
                """);
            Assert.True(result.Terminating == null && result.Errors.Count == 0, string.Join("\n", result.AllErrors.Select(error => error.ToString())));

            var text = string.Join("\n", result.AllText().Concat(result.Verbose).Append(org.Shell.Host.Text));
            Assert.Contains("secret: (changed)", text);
            foreach (var secret in AuditTrailSeed.SeededSecrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }

        [Fact]
        public async Task A_snapshot_context_says_history_needs_a_live_connection()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.Run("Connect-GcOrganization -SnapshotPath $demo | Out-Null; Get-GcOAuthClientHistory"
                .Replace("$demo", "'" + RepositoryPaths.DemoSnapshot.Replace("'", "''") + "'"));

            var record = result.AssertTerminating("HistoryNeedsLiveConnection", ErrorCategory.InvalidOperation);
            Assert.Contains("holds no change history", record.ToString());
            Assert.DoesNotContain(org.Emulator.Requests, request => request.Path.StartsWith("/api/v2/audits", StringComparison.Ordinal));
        }
    }
}
