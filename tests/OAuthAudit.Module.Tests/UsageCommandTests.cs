using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Get-GcOAuthClientUsage and Get-GcOAuthClient -IncludeUsage against the emulator: objects, request cost, the audit with usage, errors, Ctrl+C.</summary>
    public class UsageCommandTests
    {
        private const string Jobs = "/api/v2/usage/aggregates/query/jobs";

        [Fact]
        public async Task Usage_is_one_object_per_client_from_one_query_job_and_read_once_per_connection()
        {
            await using var org = await Start();

            var result = org.RunConnected("""
                $usage = Get-GcOAuthClientUsage
                $usage
                (Get-GcOAuthClient -IncludeUsage | Where-Object { $null -ne $_.Usage }).Count
                """).ThrowIfFailed();

            var usage = result.Output.Take(40).ToDictionary(item => (string)item.Properties["ClientName"].Value, item => item);
            Assert.Equal(40, usage.Count);
            Assert.Equal(40, (int)result.Output[40].BaseObject);
            Assert.All(usage.Values, item => Assert.Equal("OAuthAudit.Engine.Model.OAuthClientUsage", item.BaseObject.GetType().FullName));
            var never = usage["Legacy Reporting Scripts"];
            Assert.Equal((0L, null, null), ((long)never.Properties["Requests"].Value, never.Properties["LastUsed"].Value, never.Properties["DaysSinceLastUse"].Value));
            var recent = usage["Knowledge Portal"];
            Assert.Equal((89, 2L, 2L), ((int)recent.Properties["DaysSinceLastUse"].Value, (long)recent.Properties["Requests"].Value, (long)recent.Properties["Status429"].Value));
            var window = recent.Properties["Window"].Value;
            var lastDay = DateTime.Parse(window.GetType().GetProperty("End")!.GetValue(window)!.ToString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.Equal(lastDay.AddDays(-89).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z", recent.Properties["LastUsed"].Value.ToString());
            Assert.Equal(1, org.Emulator.Requests.Count(request => request.Method == "POST" && request.Path == Jobs));
            // Queued, Running, Succeeded with the first 1000 rows; then 3 more pages: 35 clients used on each of the 90 days and one on one day are 3,151 rows.
            Assert.Equal(3 + 3, org.Emulator.Requests.Count(request => request.Method == "GET" && request.Path.StartsWith(Jobs + "/", StringComparison.Ordinal)));
            Assert.Contains(result.Progress, record => record.StatusDescription.StartsWith("Usage query job ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Audited_with_usage_GC_011_finds_the_active_clients_idle_for_90_days_and_without_usage_the_verdicts_are_unchanged()
        {
            await using var org = await Start();

            var result = org.RunConnected("""
                $with = Get-GcOAuthClient -IncludeUsage | Test-GcOAuthClientScope -WarningAction SilentlyContinue
                $without = Get-GcOAuthClient | Test-GcOAuthClientScope -WarningAction SilentlyContinue
                $idle = [string[]] @($with | Where-Object FailedRules -contains 'GC-011' | ForEach-Object ClientName); [array]::Sort($idle); $idle -join '|'
                @($with | Where-Object Outcome -eq Fail).Count
                @($without | Where-Object Outcome -eq Fail).Count
                @($without | Where-Object { $_.MatchedRules -contains 'GC-011' -or $_.SkippedRules.Count -gt 0 }).Count
                @($with | Where-Object { $_.SkippedRules.Count -gt 0 }).Count
                """).ThrowIfFailed();

            Assert.Equal(new object[] { "Legacy Reporting Scripts|Salesforce Data Sync", 15, 15, 0, 0 }, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task A_failed_job_and_a_missing_permission_are_errors_that_say_so()
        {
            await using var org = await Start();
            org.Emulator.Knobs.UsageJobs.FailNext = 1;
            var noUsage = org.Emulator.Credentials.Add("oauth:client:view");

            var failed = org.RunConnected("Get-GcOAuthClientUsage -Days 7");
            var forbidden = org.Run(LiveOrganization.Connect + " | Out-Null; Get-GcOAuthClient -IncludeUsage", noUsage);

            Assert.Equal("QueryJobFailed,OAuthAudit.Commands.GetGcOAuthClientUsageCommand", failed.Terminating!.FullyQualifiedErrorId);
            Assert.Contains("ended Failed: The usage query could not be completed.", failed.Terminating.Exception.Message);
            Assert.Empty(failed.Output);
            Assert.Equal("MissingPermission,OAuthAudit.Commands.GetGcOAuthClientCommand", forbidden.Terminating!.FullyQualifiedErrorId);
            Assert.Contains("usage:organization:view", forbidden.Terminating.ErrorDetails?.RecommendedAction ?? forbidden.Terminating.Exception.Message);
            Assert.Empty(forbidden.Output);
        }

        [Fact]
        public async Task Stopping_while_a_job_runs_returns_within_a_second()
        {
            await using var org = await Start();
            org.Emulator.Knobs.UsageJobs.StayRunning = true;
            org.RunConnected("Get-GcContext | Out-Null").ThrowIfFailed();
            using var shell = await PromptStop.AfterAsync(
                org.Shell.Runspace,
                "Get-GcOAuthClientUsage",
                () => Eventually.WaitUntil(() => org.Emulator.Requests.Any(request => request.Path.StartsWith(Jobs + "/", StringComparison.Ordinal)), "no poll within 10 s"),
                TimeSpan.FromSeconds(1));
        }

        /// <summary>The demo organization, every client used daily until today except those named here.</summary>
        internal static Task<LiveOrganization> Start()
        {
            var organization = LiveOrganization.DemoOrganization();
            foreach (var client in organization.Clients)
            {
                organization.Usage[(string)client["id"]!] = (string?)client["name"] switch
                {
                    "Legacy Reporting Scripts" or "Load Test Harness" or "Old Call Recorder Bridge" => UsageSeed.Never,
                    "Salesforce Data Sync" => new UsageSeed(200, 100, 30),
                    "Knowledge Portal" => new UsageSeed(95, 89, 2, 2),
                    _ => new UsageSeed(200, 0, 10),
                };
            }

            return LiveOrganization.StartAsync(organization);
        }
    }
}
