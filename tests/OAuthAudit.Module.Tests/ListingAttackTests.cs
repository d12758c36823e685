using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// "Never a partial or wrong result": each way a hostile API, proxy or login service can answer, against the
    /// emulator, ends in an error with a stable ErrorId whose message names what was wrong, and no object.
    /// </summary>
    public class ListingAttackTests
    {
        private const string ClientsPath = "/api/v2/oauth/clients";
        private const string ScopesPath = "/api/v2/oauth/scopes";
        private const string RolesPath = "/api/v2/authorization/roles";
        private const string DivisionsPath = "/api/v2/authorization/divisions";
        private const string TokenPath = "/oauth/token";
        private const string Invalid = "InvalidApiResponse";

        /// <summary>One attack: how the emulator is set up, what runs (after connecting, unless it connects itself), and the outcome.</summary>
        public sealed record Attack(string Name, Action<GenesysCloudEmulator> Arrange, string Script, string ErrorId, params string[] Named)
        {
            public bool Connects { get; init; } = true;

            public override string ToString() => Name;
        }

        public static readonly Attack[] Attacks =
        {
            // The client listing: a body that is not a listing.
            new("clients: {}", e => Body(e, ClientsPath, "{}"), "Get-GcOAuthClient", Invalid, "'entities'"),
            new("clients: entities null", e => Body(e, ClientsPath, """{"entities":null,"pageNumber":1,"pageCount":1}"""), "Get-GcOAuthClient", Invalid, "'entities'"),
            new("clients: 203 with another body", e => Body(e, ClientsPath, """{"status":"accepted"}""", 203), "Get-GcOAuthClient", Invalid, "status 203"),
            new("clients: 204 no content", e => Body(e, ClientsPath, string.Empty, 204), "Get-GcOAuthClient", Invalid, "status 204"),
            new("clients: 206 partial listing", e => Body(e, ClientsPath, Page(e, 0, 3, pageNumber: 1, pageCount: 1), 206), "Get-GcOAuthClient", Invalid, "status 206"),
            new("clients: an entity is null", e => Body(e, ClientsPath, new JObject { ["entities"] = new JArray(e.Organization.Clients[0], JValue.CreateNull()), ["pageNumber"] = 1, ["pageCount"] = 1 }.ToString()), "Get-GcOAuthClient", Invalid, "'entities[1]' is null"),
            new("clients: duplicate client ids", e => Body(e, ClientsPath, new JObject { ["entities"] = new JArray(e.Organization.Clients[0], e.Organization.Clients[1], e.Organization.Clients[0]) }.ToString()), "Get-GcOAuthClient", Invalid, "twice"),
            new("clients: pageCount beyond the page, no nextUri", e => Body(e, ClientsPath, Page(e, 0, 5, pageNumber: 1, pageCount: 3)), "Get-GcOAuthClient", Invalid, "'pageCount' 3", "no 'nextUri'"),
            new("clients: pageNumber beyond pageCount", e => Body(e, ClientsPath, Page(e, 0, 5, pageNumber: 4, pageCount: 2)), "Get-GcOAuthClient", Invalid, "'pageNumber' 4", "'pageCount' 2"),
            new("clients: pageNumber 0", e => Body(e, ClientsPath, Page(e, 0, 5, pageNumber: 0, pageCount: 1)), "Get-GcOAuthClient", Invalid, "'pageNumber' 0"),
            new("clients: nextUri with .. segments", e => Body(e, ClientsPath, Page(e, 0, 5, next: ClientsPath + "/../../users?pageNumber=2")), "Get-GcOAuthClient", Invalid, "dot segments", "/../../users"),
            new("clients: nextUri with encoded .. segments", e => Body(e, ClientsPath, Page(e, 0, 5, next: ClientsPath + "/%2e%2e/%2E%2E/users")), "Get-GcOAuthClient", Invalid, "dot segments"),
            new("clients: nextUri leaves the path", e => Body(e, ClientsPath, Page(e, 0, 5, next: "/api/v2/users?pageNumber=2")), "Get-GcOAuthClient", Invalid, "leaves /api/v2/oauth/clients", "/api/v2/users"),
            new("clients: nextUri to a longer path", e => Body(e, ClientsPath, Page(e, 0, 5, next: ClientsPath + "/secret-id?pageNumber=2")), "Get-GcOAuthClient", Invalid, "leaves /api/v2/oauth/clients"),
            new("clients: nextUri to another host", e => Body(e, ClientsPath, Page(e, 0, 5, next: "https://collector.example.net/api/v2/oauth/clients?pageNumber=2")), "Get-GcOAuthClient", Invalid, "collector.example.net", "not sent"),
            new("clients: nextUri loops back", e =>
            {
                e.Faults.Enqueue(new Fault(ClientsPath, 200) { Body = Page(e, 0, 3, next: ClientsPath + "?pageNumber=2") });
                e.Faults.Enqueue(new Fault(ClientsPath, 200) { Body = Page(e, 3, 3, next: ClientsPath + "?pageNumber=2") });
            }, "Get-GcOAuthClient", Invalid, "already sent"),
            new("clients: page 2 is an HTML page", e =>
            {
                e.Knobs.ClientsPageSize = 10;
                e.Faults.Enqueue(new Fault(ClientsPath, 200) { Kind = FaultKind.HtmlBody, QueryContains = "pageNumber=2" });
            }, "Get-GcOAuthClient", Invalid, "OAuthClientEntityListing"),
            new("clients: page 3 drops its entities", e =>
            {
                e.Knobs.ClientsPageSize = 10;
                e.Faults.Enqueue(new Fault(ClientsPath, 200) { QueryContains = "pageNumber=3", Body = """{"pageNumber":3,"pageCount":4,"nextUri":"/api/v2/oauth/clients?pageNumber=4"}""" });
            }, "Get-GcOAuthClient", Invalid, "'entities'", "pageNumber=3"),

            // Hostile fields in a client.
            new("client: roleDivisions [null]", e => e.Organization.Clients[3]["roleDivisions"] = new JArray(JValue.CreateNull()), "Get-GcOAuthClient", Invalid, "entities[3].roleDivisions[0]"),
            new("client: scope [null]", e => e.Organization.Clients[4]["scope"] = new JArray("admin", JValue.CreateNull()), "Get-GcOAuthClient", Invalid, "entities[4].scope[1]"),
            new("client: registeredRedirectUri [null]", e => e.Organization.Clients[5]["registeredRedirectUri"] = new JArray(JValue.CreateNull()), "Get-GcOAuthClient", Invalid, "entities[5].registeredRedirectUri[0]"),
            new("client: roleIds [null]", e => e.Organization.Clients[6]["roleIds"] = new JArray(JValue.CreateNull()), "Get-GcOAuthClient", Invalid, "entities[6].roleIds[0]"),
            new("client: accessTokenValiditySeconds 1e20", e => e.Organization.Clients[7]["accessTokenValiditySeconds"] = new JValue(1e20), "Get-GcOAuthClient", Invalid, "accessTokenValiditySeconds"),
            new("client: accessTokenValiditySeconds 9223372036854775807", e => e.Organization.Clients[7]["accessTokenValiditySeconds"] = long.MaxValue, "Get-GcOAuthClient", Invalid, "accessTokenValiditySeconds"),
            new("client: dateCreated not a date", e => e.Organization.Clients[8]["dateCreated"] = "yesterday", "Get-GcOAuthClient", Invalid, "dateCreated"),
            new("client: name an object", e => e.Organization.Clients[9]["name"] = new JObject { ["x"] = 1 }, "Get-GcOAuthClient", Invalid, "name"),
            new("client: createdBy an array", e => e.Organization.Clients[10]["createdBy"] = new JArray(1, 2), "Get-GcOAuthClient", Invalid, "createdBy"),
            new("client: roleDivisions an object", e => e.Organization.Clients[3]["roleDivisions"] = new JObject(), "Get-GcOAuthClient", Invalid, "roleDivisions"),
            new("client by id: roleDivisions [null]", e => e.Organization.Clients[3]["roleDivisions"] = new JArray(JValue.CreateNull()), "Get-GcOAuthClient -Id " + DemoClientId(3), Invalid, "roleDivisions[0]"),

            // The scope registry.
            new("scopes: {}", e => Body(e, ScopesPath, "{}", times: 2), "Get-GcOAuthScope", Invalid, "'entities'", ScopesPath),
            new("scopes: entities [null]", e => Body(e, ScopesPath, """{"entities":[{"id":"admin"},null]}""", times: 2), "Get-GcOAuthScope", Invalid, "'entities[1]' is null"),
            new("scopes: duplicate ids", e => Body(e, ScopesPath, """{"entities":[{"id":"admin"},{"id":"users"},{"id":"admin"}]}""", times: 2), "Get-GcOAuthScope", Invalid, "'admin' twice"),
            new("scopes: an empty listing hides every scope from Get-GcOAuthClient", e => Body(e, ScopesPath, """{"entities":null}""", times: 2), "Get-GcOAuthClient", Invalid, "'entities'"),

            // Roles and divisions (PagedListing).
            new("roles: entities null", e => Body(e, RolesPath, """{"entities":null,"pageNumber":1,"pageCount":1}"""), "Get-GcAuthorizationRole", Invalid, "'entities'", RolesPath),
            new("roles: an entity is null", e => Body(e, RolesPath, """{"entities":[null],"pageNumber":1,"pageCount":1}"""), "Get-GcAuthorizationRole", Invalid, "'entities[0]' is null"),
            new("roles: duplicate ids", e => e.Organization.Roles.Add((JObject)e.Organization.Roles[0].DeepClone()), "Get-GcAuthorizationRole", Invalid, "twice", RolesPath),
            new("roles: page count changes between pages", e => Body(e, RolesPath, """{"entities":[],"pageNumber":1,"pageCount":2}""", query: "pageNumber=1"), "Get-GcAuthorizationRole", Invalid, "'pageCount' 1 where page 1 had 2"),
            new("roles: page 2 answers as page 7", e =>
            {
                Body(e, RolesPath, """{"entities":[],"pageNumber":1,"pageCount":2}""", query: "pageNumber=1");
                Body(e, RolesPath, """{"entities":[],"pageNumber":7,"pageCount":2}""", query: "pageNumber=2");
            }, "Get-GcAuthorizationRole", Invalid, "'pageNumber' 7 where page 2 was asked for"),
            new("roles: nextUri leaves the path", e => Body(e, RolesPath, """{"entities":[],"nextUri":"/api/v2/users/me"}"""), "Get-GcAuthorizationRole", Invalid, "leaves /api/v2/authorization/roles"),
            new("roles: permissionPolicies [null]", e => e.Organization.Roles[2]["permissionPolicies"] = new JArray(JValue.CreateNull()), "Get-GcAuthorizationRole", Invalid, "entities[2].permissionPolicies[0]"),
            new("roles: actionSet [null]", e => e.Organization.Roles[2]["permissionPolicies"] = new JArray(new JObject { ["domain"] = "oauth", ["entityName"] = "client", ["actionSet"] = new JArray(JValue.CreateNull()) }), "Get-GcAuthorizationRole", Invalid, "entities[2].permissionPolicies[0].actionSet[0]"),
            new("roles: permissions [null]", e => e.Organization.Roles[1]["permissions"] = new JArray(JValue.CreateNull()), "Get-GcAuthorizationRole", Invalid, "entities[1].permissions[0]"),
            new("roles: a role hidden from a client's grants", e => e.Organization.Roles[0]["permissionPolicies"] = new JArray(JValue.CreateNull()), "Get-GcOAuthClient", Invalid, "permissionPolicies[0]"),
            new("divisions: entities null", e => Body(e, DivisionsPath, """{"entities":null}""", times: 2), "Get-GcAuthorizationDivision", Invalid, "'entities'", DivisionsPath),
            new("divisions: an entity is null", e => Body(e, DivisionsPath, """{"entities":[{"id":"d1","name":"Home"},null],"pageNumber":1,"pageCount":1}""", times: 2), "Get-GcAuthorizationDivision", Invalid, "'entities[1]' is null"),
            new("divisions: duplicate ids", e => e.Organization.Divisions.Add((JObject)e.Organization.Divisions[1].DeepClone()), "Get-GcAuthorizationDivision", Invalid, "twice"),
            new("divisions: homeDivision not a boolean", e => e.Organization.Divisions[0]["homeDivision"] = new JArray(), "Get-GcAuthorizationDivision", Invalid, "homeDivision"),

            // The token answer.
            new("token: CRLF in the token", e => e.Knobs.RewriteTokenAnswer = answer => answer["access_token"] = answer["access_token"] + "\r\nX-Forged: 1", LiveOrganization.Connect, "TokenRejected", "'access_token'") { Connects = false },
            new("token: non-ASCII in the token", e => e.Knobs.RewriteTokenAnswer = answer => answer["access_token"] = answer["access_token"] + "é", LiveOrganization.Connect, "TokenRejected", "'access_token'") { Connects = false },
            new("token: a control character in the token", e => e.Knobs.RewriteTokenAnswer = answer => answer["access_token"] = "\u001b]0;owned\u0007" + answer["access_token"], LiveOrganization.Connect, "TokenRejected", "'access_token'") { Connects = false },
            new("token: a space in the token", e => e.Knobs.RewriteTokenAnswer = answer => answer["access_token"] = answer["access_token"] + " extra", LiveOrganization.Connect, "TokenRejected", "'access_token'") { Connects = false },
            new("token: expires_in not a number", e => e.Knobs.RewriteTokenAnswer = answer => answer["expires_in"] = "soon", LiveOrganization.Connect, Invalid, "expires_in") { Connects = false },
            new("token: expires_in an object", e => e.Knobs.RewriteTokenAnswer = answer => answer["expires_in"] = new JObject(), LiveOrganization.Connect, Invalid, "expires_in") { Connects = false },
            new("token: access_token an object", e => e.Knobs.RewriteTokenAnswer = answer => answer["access_token"] = new JObject { ["a"] = 1 }, LiveOrganization.Connect, Invalid, "access_token") { Connects = false },
            new("token: 200 {}", e => Body(e, TokenPath, "{}"), LiveOrganization.Connect, Invalid, "without an 'access_token'") { Connects = false },

            // Redirects (to a host that is not there: a redirect is never followed, so nothing is lost).
            new("clients: 302 to another host", e => Redirect(e, ClientsPath, 302, "http://127.0.0.2:9/api/v2/oauth/clients"), "Get-GcOAuthClient", Invalid, "redirect to host '127.0.0.2':9"),
            new("clients: 301 relative", e => Redirect(e, ClientsPath, 301, "/api/v2/oauth/clients/"), "Get-GcOAuthClient", Invalid, "answered 301", "redirect to host '127.0.0.1'"),
            new("clients: 303 without Location", e => e.Faults.Enqueue(new Fault(ClientsPath, 303) { Body = string.Empty }), "Get-GcOAuthClient", Invalid, "answered 303", "without a Location"),
            new("token: 307 to another host", e => Redirect(e, TokenPath, 307, "https://login.collector.example.net/oauth/token"), LiveOrganization.Connect, Invalid, "login.collector.example.net") { Connects = false },
            new("me: 308 to another host", e => Redirect(e, "/api/v2/organizations/me", 308, "https://api.collector.example.net/api/v2/organizations/me"), LiveOrganization.Connect, Invalid, "api.collector.example.net") { Connects = false },
        };

        public static TheoryData<string> AttackNames()
        {
            var names = new TheoryData<string>();
            foreach (var attack in Attacks)
            {
                names.Add(attack.Name);
            }

            return names;
        }

        [Theory]
        [MemberData(nameof(AttackNames))]
        public async Task Each_attack_ends_in_a_clear_error_and_no_object(string name)
        {
            var attack = Attacks.Single(candidate => candidate.Name == name);
            await using var org = await LiveOrganization.StartAsync();
            ScriptResult result;
            if (attack.Connects && attack.Script == "Get-GcAuthorizationRole")
            {
                // The full role listing is the command's own read: the roles read by id when connecting (once the client
                // listing read ahead is in) come first and would meet a fault meant for the role listing.
                org.RunConnected(string.Empty).ThrowIfFailed();
                await ConnectionReadsDone(org.Emulator);
                attack.Arrange(org.Emulator);
                result = org.Run(attack.Script);
            }
            else
            {
                attack.Arrange(org.Emulator);
                result = attack.Connects ? org.RunConnected(attack.Script) : org.Run(attack.Script);
            }

            Assert.Empty(result.Output);
            var error = result.AssertTerminating(attack.ErrorId, attack.ErrorId == Invalid ? ErrorCategory.InvalidResult : ErrorCategory.AuthenticationError);
            foreach (var named in attack.Named.Where(text => text != null))
            {
                Assert.Contains(named, error.ToString());
            }

            var tokens = org.Emulator.Requests.Where(request => request.Path == TokenPath).Count();
            Assert.InRange(tokens, 1, 1);
        }

        /// <summary>Waits until the connection's background reads (registry, divisions, listing, its roles and catalogue) were answered.</summary>
        private static async Task ConnectionReadsDone(GenesysCloudEmulator emulator)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(emulator.Requests.Any(request => request.Path == RolesPath && request.Finished) && emulator.InFlightRequestCount == 0))
            {
                Assert.True(DateTime.UtcNow < deadline, "the connection's reads did not finish");
                await Task.Delay(20);
            }
        }

        [Fact]
        public void The_table_covers_the_listed_attacks()
        {
            Assert.Equal(Attacks.Length, Attacks.Select(attack => attack.Name).Distinct().Count());
            Assert.True(Attacks.Length >= 50, $"{Attacks.Length} attacks");
        }

        [Fact]
        public async Task A_listing_that_fails_on_page_2_writes_no_csv_file()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.ClientsPageSize = 10;
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 502, times: 10) { Kind = FaultKind.HtmlBody, QueryContains = "pageNumber=2" });
            var csv = Path.Combine(Path.GetTempPath(), $"oauthaudit-{Guid.NewGuid():N}.csv");
            try
            {
                var variables = org.Variables();
                variables["csv"] = csv;
                var result = org.Shell.Run(LiveOrganization.Connect + " | Out-Null\n" + ExportCsv, variables);

                result.AssertTerminating("ApiUnavailable", ErrorCategory.ResourceUnavailable);
                Assert.False(File.Exists(csv), "Export-Csv wrote a partial file");
                Assert.Contains(org.Emulator.Requests, request => request.Path == ClientsPath && request.Query.Contains("pageNumber=2"));
            }
            finally
            {
                File.Delete(csv);
            }
        }

        [Fact]
        public async Task A_listing_page_without_entities_writes_no_csv_and_the_assert_does_not_pass()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.ClientsPageSize = 10;
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 200, times: 2) { QueryContains = "pageNumber=2", Body = """{"pageNumber":2,"pageCount":4,"nextUri":"/api/v2/oauth/clients?pageNumber=3"}""" });
            var csv = Path.Combine(Path.GetTempPath(), $"oauthaudit-{Guid.NewGuid():N}.csv");
            try
            {
                var variables = org.Variables();
                variables["csv"] = csv;
                var export = org.Shell.Run(LiveOrganization.Connect + " | Out-Null\n" + ExportCsv, variables);
                var assert = org.Shell.Run("Get-GcOAuthClient | Assert-GcOAuthClientScope -FailOn Critical; 'passed'");

                Assert.Contains("'entities'", export.AssertTerminating(Invalid, ErrorCategory.InvalidResult).ToString());
                Assert.False(File.Exists(csv), "Export-Csv wrote a partial file");
                Assert.Empty(assert.Output);
                assert.AssertTerminating(Invalid, ErrorCategory.InvalidResult);
            }
            finally
            {
                File.Delete(csv);
            }
        }

        [Fact]
        public async Task A_redirect_is_not_followed_and_the_other_host_sees_no_request()
        {
            await using var org = await LiveOrganization.StartAsync();
            await using var elsewhere = await GenesysCloudEmulator.StartAsync(LiveOrganization.DemoOrganization());
            Redirect(org.Emulator, ClientsPath, 307, new Uri(elsewhere.ApiBaseUri, ClientsPath).ToString());

            var result = org.RunConnected("Get-GcOAuthClient");

            Assert.Empty(result.Output);
            Assert.Contains($"redirect to host '127.0.0.1':{elsewhere.ApiBaseUri.Port}", result.AssertTerminating(Invalid, ErrorCategory.InvalidResult).ToString());
            Assert.Empty(elsewhere.Requests);
        }

        [Fact]
        public async Task A_redirected_token_request_is_not_sent_again_elsewhere()
        {
            await using var org = await LiveOrganization.StartAsync();
            await using var elsewhere = await GenesysCloudEmulator.StartAsync(LiveOrganization.DemoOrganization());
            Redirect(org.Emulator, TokenPath, 307, new Uri(elsewhere.LoginBaseUri, TokenPath).ToString());

            var result = org.Run(LiveOrganization.Connect);

            Assert.Empty(result.Output);
            Assert.Contains($"redirect to host '127.0.0.1':{elsewhere.LoginBaseUri.Port}", result.AssertTerminating(Invalid, ErrorCategory.InvalidResult).ToString());
            Assert.Empty(elsewhere.Requests);
            Assert.Single(org.Emulator.Requests, request => request.Path == TokenPath);
        }

        [Theory]
        [InlineData("9223372036854775807")]
        [InlineData("1e20")]
        [InlineData("1.7976931348623157E+308")]
        public async Task A_huge_expires_in_is_cut_to_48_hours(string expiresIn)
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.RewriteTokenAnswer = answer => answer["expires_in"] = JToken.Parse(expiresIn);

            var result = org.RunConnected("[datetime](Get-GcContext).TokenExpiresAt; (Get-GcOAuthClient).Count").ThrowIfFailed();

            var expiresAt = (DateTime)result.Output[0].BaseObject;
            Assert.InRange(expiresAt, DateTime.UtcNow.AddHours(47.9), DateTime.UtcNow.AddHours(48));
            Assert.Equal(40, (int)result.Output[1].BaseObject);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("0")]
        [InlineData("1")]
        [InlineData("-5")]
        public async Task A_missing_or_tiny_expires_in_does_not_request_a_token_before_every_call(string? expiresIn)
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.RewriteTokenAnswer = answer =>
            {
                answer.Remove("expires_in");
                if (expiresIn != null)
                {
                    answer["expires_in"] = JToken.Parse(expiresIn);
                }
            };

            var result = org.RunConnected("1..10 | ForEach-Object { (Get-GcOAuthClient -Id " + DemoClientId(0) + ").Id }").ThrowIfFailed();

            Assert.Equal(10, result.Output.Count);
            Assert.Single(org.Emulator.Requests, request => request.Path == TokenPath);
        }

        [Fact]
        public async Task A_rejected_token_is_renewed_once_and_the_call_succeeds()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("Get-GcOAuthClient | Out-Null; $revokeTokens.Invoke(); (Get-GcOAuthClient).Count").ThrowIfFailed();

            Assert.Equal(40, (int)result.Output.Single().BaseObject);
            Assert.Equal(2, org.Emulator.Requests.Count(request => request.Path == TokenPath));
        }

        /// <summary>
        /// Export-Csv (not in this test host's runspace; tests/pester runs the real one) creates its file when the first
        /// object arrives: this stand-in does the same, so the file exists exactly when an object reached the pipeline.
        /// </summary>
        private const string ExportCsv = "Get-GcOAuthClient | ForEach-Object { [System.IO.File]::AppendAllText($csv, $_.Id + [Environment]::NewLine) }";

        [Fact]
        public async Task An_answer_over_MaxResponseSizeMB_is_an_InvalidApiResponse_error()
        {
            var organization = LiveOrganization.DemoOrganization();
            var seed = organization.Clients.ToArray();
            for (var copy = 0; organization.Clients.Count < 2000; copy++)
            {
                var client = (JObject)seed[copy % seed.Length].DeepClone();
                client["id"] = Guid.NewGuid().ToString();
                organization.Clients.Add(client);
            }

            await using var org = await LiveOrganization.StartAsync(organization);

            var limited = org.Run(LiveOrganization.Connect + " -MaxResponseSizeMB 1 | Out-Null; Get-GcOAuthClient");
            var unlimited = org.RunConnected("(Get-GcOAuthClient).Count").ThrowIfFailed();

            Assert.Empty(limited.Output);
            Assert.Contains("over the limit of 1048576 bytes (1 MiB)", limited.AssertTerminating(Invalid, ErrorCategory.InvalidResult).ToString());
            Assert.Equal(2000, (int)unlimited.Output.Single().BaseObject);
        }

        [Fact]
        public async Task Disconnect_while_another_runspace_uses_the_context_gives_it_NotConnected()
        {
            await using var org = await LiveOrganization.StartAsync();
            var context = org.Run(LiveOrganization.Connect).ThrowIfFailed().Output.Single().BaseObject;
            // The listing read when connecting is taken here: the listing below is the command's own, slow read.
            org.Run("Get-GcOAuthClient | Out-Null").ThrowIfFailed();
            org.Emulator.Knobs.Latency = TimeSpan.FromMilliseconds(1500);
            using var other = new PowerShellSession();

            var listing = Task.Run(() => other.Run("Get-GcOAuthClient -Context $context", new Dictionary<string, object?> { ["context"] = context }));
            await Task.Delay(700);
            org.Shell.Run("Disconnect-GcOrganization -Context $context", new Dictionary<string, object?> { ["context"] = context }).ThrowIfFailed();
            var result = await listing;

            Assert.Empty(result.Output);
            var error = result.AssertTerminating("NotConnected", ErrorCategory.InvalidOperation);
            Assert.Contains("closed its context while it was running", error.ToString());
            Assert.DoesNotContain("ObjectDisposed", error.Exception.ToString());
        }

        private static string DemoClientId(int index) => (string)LiveOrganization.DemoOrganization().Clients[index]["id"]!;

        /// <param name="times">2 for the scope registry and divisions: connecting reads them in the background (a failure there is dropped), then the command reads them again.</param>
        private static void Body(GenesysCloudEmulator emulator, string path, string body, int status = 200, string? query = null, int times = 1) =>
            emulator.Faults.Enqueue(new Fault(path, status, times) { Body = body, QueryContains = query });

        private static void Redirect(GenesysCloudEmulator emulator, string path, int status, string location) =>
            emulator.Faults.Enqueue(new Fault(path, status) { Body = string.Empty, Headers = new Dictionary<string, string> { ["Location"] = location } });

        private static string Page(GenesysCloudEmulator emulator, int skip, int take, int? pageNumber = null, int? pageCount = null, string? next = null)
        {
            var page = new JObject { ["entities"] = new JArray(emulator.Organization.Clients.Skip(skip).Take(take)), ["pageSize"] = take };
            if (pageNumber != null)
            {
                page["pageNumber"] = pageNumber;
            }

            if (pageCount != null)
            {
                page["pageCount"] = pageCount;
            }

            if (next != null)
            {
                page["nextUri"] = next;
            }

            return page.ToString();
        }
    }
}
