using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>The API's bad days: each fault is survived with every client listed once, or is a clear error.</summary>
    public class MoreFaultTests
    {
        private const string ClientsPath = "/api/v2/oauth/clients";

        [Fact]
        public async Task A_429_without_retry_after_backs_off_and_the_listing_completes()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 429, times: 2));

            var result = org.RunConnected("Get-GcOAuthClient -Verbose").ThrowIfFailed();

            AssertEveryClientOnce(org, result);
            Assert.Equal(new int?[] { 429, 429, 200 }, org.Emulator.Requests.Where(request => request.Path == ClientsPath).Select(request => request.Status).ToArray());
            Assert.Contains(result.Verbose, line => line.Contains("answered 429; retry 2 of 5"));
        }

        [Fact]
        public async Task The_organization_rate_limit_itself_is_survived()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.RateLimit.RequestsPerWindow = 8;
            org.Emulator.Knobs.RateLimit.Window = TimeSpan.FromSeconds(1);

            var result = org.Run(LiveOrganization.Connect.Replace("-MaxRetryWait 0.2", "-MaxRetryWait 2") + " | Out-Null; (Get-GcOAuthClient)[0..11].Id | Get-GcOAuthClient -Verbose | Out-Null; (Get-GcOAuthClient).Count").ThrowIfFailed();

            // The inin-ratelimit-* headers are read: requests wait for the window to reset rather than draw a 429.
            Assert.Equal(40, (int)result.Output.Single().BaseObject);
            Assert.DoesNotContain(org.Emulator.Requests, request => request.Status == 429);
            Assert.Contains(result.Verbose, line => line.Contains("for the rate limit window to reset (8 of 8 requests used or in flight)"));
        }

        [Fact]
        public async Task A_request_that_hangs_times_out_and_is_retried()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.Hang(ClientsPath));

            var result = org.Run(LiveOrganization.Connect + " -TimeoutSec 1 | Out-Null; Get-GcOAuthClient -Verbose").ThrowIfFailed();

            AssertEveryClientOnce(org, result);
            Assert.Contains(result.Verbose, line => line.Contains("GET /api/v2/oauth/clients failed after") && line.Contains("no answer within 1 s"));
        }

        [Fact]
        public async Task Requests_that_keep_hanging_end_in_a_NetworkFailure_error()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.Hang(ClientsPath, times: 5));

            var result = org.Run(LiveOrganization.Connect + " -TimeoutSec 1 -MaxRetryCount 1 | Out-Null; Get-GcOAuthClient");

            Assert.Empty(result.Output);
            var error = result.AssertTerminating("NetworkFailure", ErrorCategory.ConnectionError);
            Assert.Contains("Tried 2 times over", error.ToString());
        }

        [Fact]
        public async Task A_wrong_typed_field_is_an_InvalidApiResponse_error_naming_it()
        {
            var organization = LiveOrganization.DemoOrganization();
            organization.Clients[5]["accessTokenValiditySeconds"] = "a day";
            await using var org = await LiveOrganization.StartAsync(organization);

            var result = org.RunConnected("Get-GcOAuthClient");

            Assert.Empty(result.Output);
            var error = result.AssertTerminating("InvalidApiResponse", ErrorCategory.InvalidResult);
            Assert.Contains("not the API's OAuthClientEntityListing JSON", error.ToString());
            Assert.Contains("a day", error.ToString());
        }

        [Fact]
        public async Task An_empty_organization_lists_nothing_without_error()
        {
            var organization = LiveOrganization.DemoOrganization();
            organization.Clients.Clear();
            await using var org = await LiveOrganization.StartAsync(organization);

            var result = org.RunConnected("Get-GcOAuthClient; Get-GcOAuthClient | Test-GcOAuthClientScope; Get-GcOAuthClient | Assert-GcOAuthClientScope").ThrowIfFailed();

            Assert.Empty(result.Output);
        }

        [Fact]
        public async Task A_listing_whose_nextUri_loops_is_refused_with_no_client_written()
        {
            await using var org = await LiveOrganization.StartAsync();
            var clients = org.Emulator.Organization.Clients;
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 200) { Body = Page(clients.Take(3), next: ClientsPath + "?pageNumber=2") });
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 200) { Body = Page(clients.Skip(3).Take(3), next: ClientsPath + "?pageNumber=2") });

            var result = org.RunConnected("Get-GcOAuthClient");

            Assert.Empty(result.Output);
            Assert.Contains("a page it had already sent", result.AssertTerminating("InvalidApiResponse", ErrorCategory.InvalidResult).ToString());
        }

        [Fact]
        public async Task Verbose_shows_method_path_status_duration_and_correlation_id_of_each_request()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("Get-GcOAuthClient -Verbose | Out-Null").ThrowIfFailed();

            var listing = Assert.Single(result.Verbose, line => line.StartsWith("GET /api/v2/oauth/clients ->"));
            Assert.Matches(new Regex(@"^GET /api/v2/oauth/clients -> 200 in \d+ ms \(correlation id [0-9a-f-]{36}\)$"), listing);
            var correlation = Regex.Match(listing, "correlation id (?<id>[0-9a-f-]+)").Groups["id"].Value;
            Assert.Contains(org.Emulator.Requests, request => request.Path == ClientsPath && request.CorrelationId == correlation);
        }

        private static void AssertEveryClientOnce(LiveOrganization org, ScriptResult result)
        {
            var expected = org.Emulator.Organization.Clients.Select(client => (string)client["id"]!).OrderBy(id => id);
            Assert.Equal(expected, result.Output.Select(client => (string)client.Properties["Id"].Value).OrderBy(id => id));
        }

        private static string Page(System.Collections.Generic.IEnumerable<JObject> clients, string next) =>
            new JObject { ["entities"] = new JArray(clients), ["pageSize"] = 3, ["nextUri"] = next }.ToString();
    }
}
