using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;
using Xunit;
using static OAuthAudit.Module.Tests.Eventually;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// The requests of Connect-GcOrganization then Get-GcOAuthClient | Test-GcOAuthClientScope: the minimum (token,
    /// organization, registry, client pages, referenced roles by id in batches, division pages, catalogue pages), the
    /// same for 10 and 10,000 clients, in three sequential round trips counting the token (token; organization,
    /// registry, listing and divisions at once, read when connecting; the referenced roles and the catalogue).
    /// </summary>
    public class RequestPathTests
    {
        private const string RolesPath = "/api/v2/authorization/roles";
        private const int IdsPerRequest = 50;
        private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(60);

        [Theory]
        [InlineData(10)]
        [InlineData(1000)]
        [InlineData(10000)]
        public async Task A_full_audit_sends_the_minimum_in_three_round_trips_counting_the_token_however_many_clients(int clients)
        {
            await using var org = await LiveOrganization.StartAsync(ScaleOrganization.Create(clients));
            org.Emulator.Knobs.Latency = Latency;

            var result = org.RunConnected("@(Get-GcOAuthClient | Test-GcOAuthClientScope).Count").ThrowIfFailed();

            Assert.Equal(clients, (int)result.Output.Single().BaseObject);
            var requests = org.Emulator.Requests;
            var minimum = 1 + 1 + 1 + 1 + Batches(ScaleOrganization.ReferencedRoleCount) + 1 + 1;
            Assert.Equal(Expected(), requests.Select(Line).OrderBy(line => line, StringComparer.Ordinal));
            Assert.Equal(minimum, requests.Count);
            Assert.All(requests, request => Assert.Equal(200, request.Status));
            Assert.Equal(3, RequestTimeline.SequentialRoundTrips(requests));
            var api = requests.Where(request => request.Host == EmulatorHost.Api).ToArray();
            Assert.Equal(2, RequestTimeline.SequentialRoundTrips(api));
        }

        [Fact]
        public async Task Referenced_roles_are_read_by_id_in_batches_sent_together_and_each_client_gets_its_roles()
        {
            await using var org = await LiveOrganization.StartAsync(ScaleOrganization.Create(200));
            org.Emulator.Knobs.Latency = Latency;

            var result = org.RunConnected("""
                $clients = Get-GcOAuthClient
                ($clients | Where-Object Name -eq client-00002).Roles | ForEach-Object { $_.RoleName + '|' + $_.IsKnownRole }
                """).ThrowIfFailed();

            var batches = org.Emulator.Requests.Where(request => request.Path == RolesPath).ToArray();
            Assert.Equal(Batches(ScaleOrganization.ReferencedRoleCount), batches.Length);
            var asked = batches.Select(request => request.Query.Split('&').Where(part => part.StartsWith("id=", StringComparison.Ordinal)).Select(part => part.Substring(3)).ToArray()).ToArray();
            Assert.All(asked, ids => Assert.InRange(ids.Length, 1, IdsPerRequest));
            Assert.All(batches, request => Assert.StartsWith("?pageSize=100&pageNumber=1&userCount=false&id=", request.Query));
            Assert.Equal(Enumerable.Range(0, ScaleOrganization.ReferencedRoleCount).Select(ScaleOrganization.RoleId).OrderBy(id => id), asked.SelectMany(ids => ids).OrderBy(id => id));
            Assert.Equal(1, RequestTimeline.SequentialRoundTrips(batches));
            Assert.Equal(Enumerable.Range(12, 12).Select(number => $"Role {number:D3}|True"), result.Output.Select(item => item.ToString()));
        }

        [Fact]
        public async Task A_role_id_the_look_at_the_raw_listing_passes_over_is_read_after_the_parse_once_and_resolved()
        {
            // Not a plain id ([A-Za-z0-9_-]): the byte scan that asks for roles before the listing is parsed skips it.
            const string OddId = "odd.role+id";
            var organization = ScaleOrganization.Create(200);
            organization.Roles.Add(JObject.FromObject(new { id = OddId, name = "Odd Role", permissionPolicies = new object[0], permissions = new string[0], @default = false, selfUri = "/api/v2/authorization/roles/odd" }));
            organization.Clients[2]["roleDivisions"]![0]!["roleId"] = OddId;
            await using var org = await LiveOrganization.StartAsync(organization);
            org.Emulator.Knobs.Latency = Latency;

            var result = org.RunConnected("(Get-GcOAuthClient | Where-Object Name -eq client-00002).Roles | ForEach-Object { $_.RoleName + '|' + $_.IsKnownRole }").ThrowIfFailed();

            Assert.Contains("Odd Role|True", result.Output.Select(item => item.ToString()));
            var asked = org.Emulator.Requests.Where(request => request.Path == RolesPath)
                .SelectMany(request => request.Query.Split('&')).Where(part => part.StartsWith("id=", StringComparison.Ordinal)).Select(part => Uri.UnescapeDataString(part.Substring(3))).ToArray();
            Assert.Equal(ScaleOrganization.ReferencedRoleCount + 1, asked.Length);
            Assert.Equal(asked.Length, asked.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Contains(OddId, asked);
        }

        [Fact]
        public async Task Roles_refused_while_the_listing_is_read_are_asked_for_once_more_by_the_command_and_its_error_shown()
        {
            await using var org = await LiveOrganization.StartAsync(ScaleOrganization.Create(20));
            org.Emulator.Faults.Enqueue(new Fault(RolesPath, 403, times: 100));

            var result = org.RunConnected("Get-GcOAuthClient | Out-Null");

            Assert.NotNull(result.FirstError);
            Assert.Contains("authorization:role:view", result.FirstError!.ToString(), StringComparison.Ordinal);
            // Read ahead once (from the listing's bytes), then once by the command: never a third time after the parse.
            Assert.Equal(2 * Batches(ScaleOrganization.ReferencedRoleCount), org.Emulator.Requests.Count(request => request.Path == RolesPath));
        }

        [Fact]
        public async Task A_refused_id_filter_falls_back_to_every_role_page_once_with_the_same_roles()
        {
            await using var org = await LiveOrganization.StartAsync(ScaleOrganization.Create(20));
            org.Emulator.Knobs.RefuseRoleIdFilter = true;

            var result = org.RunConnected("""
                Get-GcOAuthClient -Verbose | ForEach-Object { $_.Name + ':' + (($_.Roles | ForEach-Object RoleName) -join ',') }
                Get-GcOAuthClient -Name client-00004 | Out-Null
                """).ThrowIfFailed();

            var roles = org.Emulator.Requests.Where(request => request.Path == RolesPath).ToArray();
            var refused = roles.Where(request => request.Query.Contains("&id=", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Batches(ScaleOrganization.ReferencedRoleCount), refused.Length);
            Assert.All(refused, request => Assert.Equal(400, request.Status));
            Assert.Equal(
                Enumerable.Range(1, ScaleOrganization.RoleCount / 100).Select(page => $"?pageSize=100&pageNumber={page}&userCount=false"),
                roles.Except(refused).Select(request => request.Query).OrderBy(query => query, StringComparer.Ordinal));
            Assert.Contains(result.Verbose, line => line.Contains("refused the id filter"));
            var first = result.Output.First().ToString();
            Assert.Equal("client-00000:" + string.Join(",", Enumerable.Range(0, 12).Select(number => $"Role {number:D3}")), first);
        }

        [Fact]
        public async Task An_api_that_ignores_the_filter_is_noticed_and_the_full_listing_read()
        {
            await using var org = await LiveOrganization.StartAsync(ScaleOrganization.Create(4));
            var unfiltered = Newtonsoft.Json.JsonConvert.SerializeObject(new { entities = org.Emulator.Organization.Roles.Take(100), pageSize = 100, pageNumber = 1, total = 500, pageCount = 5 });
            org.Emulator.Faults.Enqueue(new Fault(RolesPath, 200) { Body = unfiltered, QueryContains = "&id=" });

            var result = org.RunConnected("(Get-GcOAuthClient -Name client-00002).Roles | ForEach-Object { $_.RoleName + '|' + $_.IsKnownRole }").ThrowIfFailed();

            Assert.Equal(Enumerable.Range(12, 12).Select(number => $"Role {number:D3}|True"), result.Output.Select(item => item.ToString()));
            Assert.Equal(1 + ScaleOrganization.RoleCount / 100, org.Emulator.Requests.Count(request => request.Path == RolesPath));
        }

        [Fact]
        public async Task Ctrl_C_while_waiting_for_a_background_read_stops_at_once_and_the_read_is_done_again()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(Fault.Hang("/api/v2/oauth/scopes"));
            org.RunConnected("Get-GcContext | Out-Null").ThrowIfFailed();
            using var shell = await PromptStop.AfterAsync(org.Shell.Runspace, "Get-GcOAuthScope", () => Task.Delay(300), TimeSpan.FromSeconds(1));

            Assert.Equal(1, org.Emulator.InFlightRequestCount);

            // Closing the connection ends its background read.
            org.Run("Disconnect-GcOrganization").ThrowIfFailed();
            await WaitUntil(() => org.Emulator.InFlightRequestCount == 0);
        }

        [Fact]
        public async Task A_failed_background_read_is_not_kept_the_command_reads_again_and_shows_its_own_error()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault("/api/v2/oauth/scopes", 500, times: 1));

            var again = org.RunConnected("(Get-GcOAuthScope).Count").ThrowIfFailed();
            Assert.True((int)again.Output.Single().BaseObject > 0);
            Assert.Equal(new int?[] { 500, 200 }, org.Emulator.Requests.Where(request => request.Path == "/api/v2/oauth/scopes").Select(request => request.Status));

            org.Emulator.Faults.Enqueue(new Fault("/api/v2/authorization/divisions", 403, times: 2));
            var refused = org.RunConnected("Get-GcAuthorizationDivision");
            Assert.Empty(refused.Output);
            Assert.NotNull(refused.FirstError);
        }

        [Fact]
        public async Task Requests_held_for_the_rate_limit_and_background_reads_show_no_secret_or_token()
        {
            await using var org = await LiveOrganization.StartAsync(ScaleOrganization.Create(40));
            org.Emulator.Knobs.RateLimit.RequestsPerWindow = 4;
            org.Emulator.Knobs.RateLimit.Window = TimeSpan.FromSeconds(1);

            var result = org.Run(LiveOrganization.Connect.Replace("-MaxRetryWait 0.2", "-MaxRetryWait 2") + " -Verbose -Debug | Out-Null; @(Get-GcOAuthClient -Verbose -Debug | Test-GcOAuthClientScope -Verbose -Debug).Count; (Get-GcOAuthClient)[0..9].Id | Get-GcOAuthClient -Verbose -Debug | Out-Null").ThrowIfFailed();

            Assert.Equal(40, (int)result.Output.Single().BaseObject);
            Assert.DoesNotContain(org.Emulator.Requests, request => request.Status == 429);
            Assert.Contains(result.Verbose, line => line.Contains("for the rate limit window to reset"));
            var secrets = org.Emulator.IssuedTokens.Append(org.Emulator.Auditor.Secret).ToArray();
            Assert.NotEmpty(org.Emulator.IssuedTokens);
            foreach (var line in result.Verbose.Concat(result.Debug))
            {
                Assert.DoesNotContain(secrets, secret => line.Contains(secret, StringComparison.Ordinal));
            }
        }

        private static int Batches(int ids) => (ids + IdsPerRequest - 1) / IdsPerRequest;

        private static string Line(RecordedRequest request) =>
            request.Method + " " + request.Path + (request.Path == RolesPath ? "?(" + request.Query.Split('&').Count(part => part.StartsWith("id=", StringComparison.Ordinal)) + " ids)" : request.Query);

        private static IEnumerable<string> Expected() => new[]
        {
            "GET /api/v2/authorization/divisions?pageSize=100&pageNumber=1",
            "GET /api/v2/authorization/permissions?pageSize=100&pageNumber=1",
            "GET /api/v2/authorization/roles?(10 ids)",
            "GET /api/v2/authorization/roles?(50 ids)",
            "GET /api/v2/oauth/clients",
            "GET /api/v2/oauth/scopes",
            "GET /api/v2/organizations/me",
            "POST /oauth/token",
        };
    }
}
