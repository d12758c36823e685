using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;
using static OAuthAudit.Module.Tests.Eventually;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// The client listing Connect-GcOrganization reads ahead, as the commands that read the whole listing see it:
    /// taken once (filters or not, Invoke-GcOAuthAudit too), its verbose lines shown by the command that took it, its
    /// failure that command's error exactly as if it had read the listing itself, Ctrl+C and Disconnect-GcOrganization
    /// ending it; the run of an audit starts no later than its listing was read.
    /// </summary>
    public class ListingReadAheadTests
    {
        private const string ClientsPath = "/api/v2/oauth/clients";

        [Fact]
        public async Task Connect_returns_without_waiting_for_the_listing()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.Hang(ClientsPath));

            var connected = org.Run(LiveOrganization.Connect + " | ForEach-Object OrganizationName").ThrowIfFailed();

            Assert.Equal("Northwind Contact Center", connected.Output.Single().ToString());
            Assert.Contains(org.Emulator.Requests, request => request.Path == ClientsPath && !request.Finished);
            org.Run("Disconnect-GcOrganization").ThrowIfFailed();
        }

        [Fact]
        public async Task The_first_listing_takes_the_read_ahead_with_its_verbose_lines_and_the_next_reads_afresh()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("""
                @(Get-GcOAuthClient -State active -Verbose 4>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { 'V:' + $_.Message } }) 
                '--'
                @(Get-GcOAuthClient).Count
                """).ThrowIfFailed();

            var lines = result.Output.Select(item => item.ToString()).ToList();
            var verbose = lines.TakeWhile(line => line != "--").ToArray();
            Assert.Contains(verbose, line => line.StartsWith("V:GET /api/v2/oauth/clients -> 200", StringComparison.Ordinal));
            Assert.Contains(verbose, line => line.StartsWith("V:OAuth client listing: 40 clients, read when connecting", StringComparison.Ordinal));
            Assert.Equal("40", lines.Last());
            Assert.Equal(2, org.Emulator.Requests.Count(request => request.Path == ClientsPath));
        }

        [Theory]
        [InlineData("Get-GcOAuthClient -Name 'Legacy*'")]
        [InlineData("Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS")]
        [InlineData("Invoke-GcOAuthAudit")]
        [InlineData("New-GcOAuthBaseline -Path ([IO.Path]::Combine([IO.Path]::GetTempPath(), 'oauthaudit-readahead-' + [guid]::NewGuid().ToString('N') + '.yml'))")]
        public async Task Every_command_that_reads_the_whole_listing_takes_the_read_ahead(string command)
        {
            await using var org = await LiveOrganization.StartAsync();

            org.RunConnected(command + " | Out-Null").ThrowIfFailed();

            Assert.Single(org.Emulator.Requests, request => request.Path == ClientsPath);
        }

        [Fact]
        public async Task A_failed_read_ahead_is_the_commands_error_as_if_it_had_read_the_listing_itself()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 403));

            // Read ahead when connecting: the fault is met before the command starts.
            var ahead = org.RunConnected("Get-GcOAuthClient");
            Assert.Single(org.Emulator.Requests, request => request.Path == ClientsPath);

            // Read by the command itself: the read ahead was taken by the first command.
            org.RunConnected("Get-GcOAuthClient | Out-Null").ThrowIfFailed();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 403));
            var own = org.Run("Get-GcOAuthClient");

            Assert.Empty(ahead.Output);
            Assert.Empty(own.Output);
            Assert.NotNull(ahead.FirstError);
            Assert.NotNull(own.FirstError);
            Assert.Equal(own.FirstError!.FullyQualifiedErrorId, ahead.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(own.FirstError.CategoryInfo.Category, ahead.FirstError.CategoryInfo.Category);
            Assert.Equal(ErrorCategory.PermissionDenied, ahead.FirstError.CategoryInfo.Category);
            Assert.Equal(MessageOf(own.FirstError), MessageOf(ahead.FirstError));
        }

        [Fact]
        public async Task Ctrl_C_while_waiting_for_the_read_ahead_stops_at_once_and_ends_its_request()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.Hang(ClientsPath));
            org.RunConnected("Get-GcContext | Out-Null").ThrowIfFailed();
            using var shell = await PromptStop.AfterAsync(org.Shell.Runspace, "Get-GcOAuthClient", () => Task.Delay(300), TimeSpan.FromSeconds(1));

            await WaitUntil(() => org.Emulator.InFlightRequestCount == 0);

            // The next command reads the listing itself.
            var again = org.Run("@(Get-GcOAuthClient).Count").ThrowIfFailed();
            Assert.Equal(40, (int)again.Output.Single().BaseObject);
            Assert.Equal(2, org.Emulator.Requests.Count(request => request.Path == ClientsPath));
        }

        [Fact]
        public async Task Disconnect_ends_the_read_ahead()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.Hang(ClientsPath));
            org.RunConnected("Get-GcContext | Out-Null").ThrowIfFailed();
            await WaitUntil(() => org.Emulator.InFlightRequestCount == 1);

            org.Run("Disconnect-GcOrganization").ThrowIfFailed();

            await WaitUntil(() => org.Emulator.InFlightRequestCount == 0);
        }

        [Fact]
        public async Task An_audit_run_starts_no_later_than_the_listing_it_judged_was_read()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("""
                [System.Threading.Thread]::Sleep(1500)
                $began = [DateTime]::UtcNow
                $run = Invoke-GcOAuthAudit
                $run.StartedAt.UtcDateTime.ToString('o')
                $began.ToString('o')
                """).ThrowIfFailed();

            var startedAt = DateTime.Parse(result.Output[0].ToString(), null, System.Globalization.DateTimeStyles.RoundtripKind);
            var began = DateTime.Parse(result.Output[1].ToString(), null, System.Globalization.DateTimeStyles.RoundtripKind);
            var listing = org.Emulator.Requests.Single(request => request.Path == ClientsPath);
            Assert.True(startedAt <= listing.Timestamp.UtcDateTime, $"the run starts at {startedAt:o}, after its listing was asked for at {listing.Timestamp.UtcDateTime:o}");
            Assert.True(began - startedAt > TimeSpan.FromSeconds(1), $"the run starts at {startedAt:o}, not at the listing read when connecting (command began {began:o})");
        }

        [Fact]
        public async Task A_report_of_piped_results_starts_no_later_than_the_listing_they_judged_was_read()
        {
            await using var org = await LiveOrganization.StartAsync();
            var report = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oauthaudit-readahead-{Guid.NewGuid():N}.json");
            try
            {
                var result = org.RunConnected($$"""
                    [System.Threading.Thread]::Sleep(1500)
                    $began = [DateTime]::UtcNow
                    Get-GcOAuthClient | Test-GcOAuthClientScope | Export-GcOAuthAuditReport -Path '{{report}}' -Format Json
                    $began.ToString('o')
                    """).ThrowIfFailed();

                var began = DateTime.Parse(result.Output.Single().ToString(), null, System.Globalization.DateTimeStyles.RoundtripKind);
                var written = Newtonsoft.Json.Linq.JObject.Parse(System.IO.File.ReadAllText(report));
                var startedAt = DateTime.Parse((string)written.SelectToken("$..startedAt")!, null, System.Globalization.DateTimeStyles.RoundtripKind).ToUniversalTime();
                var listing = org.Emulator.Requests.Single(request => request.Path == ClientsPath);
                Assert.True(startedAt <= listing.Timestamp.UtcDateTime, $"the report's run starts at {startedAt:o}, after its listing was asked for at {listing.Timestamp.UtcDateTime:o}");
                Assert.True(began - startedAt > TimeSpan.FromSeconds(1), $"the report's run starts at {startedAt:o}, not at the listing read when connecting (command began {began:o})");
            }
            finally
            {
                System.IO.File.Delete(report);
            }
        }

        /// <summary>The error's text without the correlation id, which differs from one request to the next.</summary>
        private static string MessageOf(ErrorRecord record) =>
            System.Text.RegularExpressions.Regex.Replace(record.ErrorDetails?.Message ?? record.Exception.Message, "correlation id [0-9a-f-]+", "correlation id ?");
    }
}
