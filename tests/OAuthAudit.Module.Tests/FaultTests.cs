using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;
using static OAuthAudit.Module.Tests.Eventually;

namespace OAuthAudit.Module.Tests
{
    public class FaultTests
    {
        private const string ClientsPath = "/api/v2/oauth/clients";

        [Fact]
        public async Task A_429_with_retry_after_is_waited_out_and_the_listing_completes()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 429) { RetryAfter = TimeSpan.FromSeconds(1) });

            var result = org.Run(LiveOrganization.Connect.Replace("-MaxRetryWait 0.2", "-MaxRetryWait 5") + " | Out-Null; Get-GcOAuthClient -Verbose").ThrowIfFailed();

            Assert.Equal(40, result.Output.Select(client => client.Properties["Id"].Value).Distinct().Count());
            Assert.Equal(40, result.Output.Count);
            var listings = org.Emulator.Requests.Where(request => request.Path == ClientsPath).ToArray();
            Assert.Equal(new int?[] { 429, 200 }, listings.Select(request => request.Status).ToArray());
            Assert.True(listings[1].Timestamp - listings[0].Timestamp >= TimeSpan.FromSeconds(0.95), "the retry waited for Retry-After");
            Assert.Contains(result.Verbose, line => line.Contains("GET /api/v2/oauth/clients answered 429; retry 1 of 5"));
        }

        [Fact]
        public async Task A_retry_after_longer_than_the_longest_wait_is_capped()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 429) { RetryAfter = TimeSpan.FromSeconds(30) });
            var clock = Stopwatch.StartNew();

            var result = org.RunConnected("Get-GcOAuthClient").ThrowIfFailed();

            Assert.Equal(40, result.Output.Count);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Gateway_errors_and_a_dropped_connection_are_retried_with_backoff()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 503));
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 502));
            org.Emulator.Faults.Enqueue(Fault.ResetConnection(ClientsPath));
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 504));

            var result = org.RunConnected("Get-GcOAuthClient").ThrowIfFailed();

            Assert.Equal(40, result.Output.Count);
            Assert.Equal(5, org.Emulator.Requests.Count(request => request.Path == ClientsPath));
        }

        [Fact]
        public async Task Rate_limiting_beyond_the_retries_is_a_RateLimited_error_not_a_result()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 429, times: 10) { RetryAfter = TimeSpan.FromSeconds(1) });

            var result = org.Run(LiveOrganization.Connect.Replace("-MaxRetryWait 0.2", "-MaxRetryWait 0.1 -MaxRetryCount 2") + " | Out-Null; Get-GcOAuthClient");

            Assert.Empty(result.Output);
            var error = result.AssertTerminating("RateLimited", ErrorCategory.LimitsExceeded);
            Assert.Contains("too.many.requests", error.ToString());
            Assert.Equal(3, org.Emulator.Requests.Count(request => request.Path == ClientsPath));
        }

        [Fact]
        public async Task An_api_that_stays_unavailable_is_an_ApiUnavailable_error()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 503, times: 10));

            var result = org.Run(LiveOrganization.Connect.Replace("-MaxRetryWait 0.2", "-MaxRetryWait 0.1 -MaxRetryCount 1") + " | Out-Null; Get-GcOAuthClient");

            Assert.Empty(result.Output);
            result.AssertTerminating("ApiUnavailable", ErrorCategory.ResourceUnavailable);
        }

        [Fact]
        public async Task An_html_page_instead_of_json_is_an_InvalidApiResponse_error()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.HtmlBody(ClientsPath, status: 200));

            var result = org.RunConnected("Get-GcOAuthClient");

            Assert.Empty(result.Output);
            var error = result.AssertTerminating("InvalidApiResponse", ErrorCategory.InvalidResult);
            Assert.Contains("text/html", error.ToString());
            Assert.Contains("not the API's OAuthClientEntityListing JSON", error.ToString());
        }

        [Fact]
        public async Task A_truncated_body_is_an_InvalidApiResponse_error()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.TruncatedJson(ClientsPath));

            var result = org.RunConnected("Get-GcOAuthClient");

            Assert.Empty(result.Output);
            result.AssertTerminating("InvalidApiResponse", ErrorCategory.InvalidResult);
        }

        [Fact]
        public async Task A_token_that_expires_mid_run_is_renewed_once_and_the_run_continues()
        {
            await using var org = await LiveOrganization.StartAsync();

            org.RunConnected("Get-GcOAuthClient | Out-Null").ThrowIfFailed();
            var runWithRevoke = org.Run("$revokeTokens.Invoke(); (Get-GcOAuthClient).Count").ThrowIfFailed();

            Assert.Equal(40, (int)runWithRevoke.Output.Single().BaseObject);
            Assert.Equal(2, org.Emulator.IssuedTokenCount);
            Assert.Contains(org.Emulator.Requests, request => request.Path == ClientsPath && request.Status == 401);
        }

        [Fact]
        public async Task Stopping_a_pipeline_against_a_slow_api_returns_within_a_second()
        {
            await using var org = await LiveOrganization.StartAsync();
            // The first listing takes the one read when connecting; the hanging one is the command's own read.
            org.RunConnected("Get-GcOAuthClient | Out-Null").ThrowIfFailed();
            org.Emulator.Faults.Enqueue(Fault.Hang(ClientsPath));
            using var shell = await PromptStop.AfterAsync(org.Shell.Runspace, "Get-GcOAuthClient", () => WaitUntil(() => org.Emulator.InFlightRequestCount > 0), TimeSpan.FromSeconds(1));

            await WaitUntil(() => org.Emulator.InFlightRequestCount == 0);
        }
    }
}
