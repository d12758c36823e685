using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    public class LiveListingTests
    {
        private const string ScopesPath = "/api/v2/oauth/scopes";

        [Fact]
        public async Task Every_client_is_listed_with_its_scopes_resolved_against_the_registry()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("Get-GcOAuthClient").ThrowIfFailed();

            var seeded = org.Emulator.Organization.Clients;
            Assert.Equal(seeded.Count, result.Output.Count);
            Assert.All(result.Output, client => Assert.Equal("OAuthAudit.Engine.Model.OAuthClient", client.BaseObject.GetType().FullName));
            foreach (var seed in seeded)
            {
                var client = result.Output.Single(item => (string)item.Properties["Id"].Value == (string)seed["id"]!);
                Assert.Equal((string?)seed["name"], client.Properties["Name"].Value);
                Assert.Equal((string?)seed["authorizedGrantType"], client.Properties["AuthorizedGrantType"].Value);
                var expectedScopes = seed["scope"]?.Values<string>().ToArray() ?? Array.Empty<string>();
                var scopes = ((System.Collections.IEnumerable)client.Properties["Scopes"].Value).Cast<object>().Select(scope => scope.ToString()).ToArray();
                Assert.Equal(expectedScopes, scopes);
            }

            var retired = result.Output.Single(client => (string)client.Properties["Name"].Value == "Legacy Web Chat v2 Widget");
            Assert.Equal("web-chat", retired.Properties["UnknownScopes"].Value.ToString());
            var unknownAnywhereElse = result.Output.Where(client => client != retired && client.Properties["UnknownScopes"].Value.ToString() != string.Empty);
            Assert.Empty(unknownAnywhereElse);
        }

        [Fact]
        public async Task The_scope_registry_is_fetched_once_per_context_however_many_clients_and_commands()
        {
            await using var org = await LiveOrganization.StartAsync();

            org.RunConnected("""
                Get-GcOAuthClient | Out-Null
                Get-GcOAuthClient -Name '*' | Out-Null
                Get-GcOAuthScope | Out-Null
                Get-GcOAuthClient | ForEach-Object Id | Get-GcOAuthClient | Out-Null
                """).ThrowIfFailed();

            var requests = org.Emulator.Requests;
            Assert.Equal(1, requests.Count(request => request.Path == ScopesPath));
            Assert.Equal(40, requests.Count(request => request.Path.StartsWith("/api/v2/oauth/clients/", StringComparison.Ordinal)));
            Assert.Equal(1, org.Emulator.IssuedTokenCount);
        }

        [Fact]
        public async Task A_paged_listing_is_followed_to_the_end_without_duplicates()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.ClientsPageSize = 7;

            var result = org.RunConnected("Get-GcOAuthClient").ThrowIfFailed();

            var ids = result.Output.Select(client => (string)client.Properties["Id"].Value).ToArray();
            Assert.Equal(40, ids.Length);
            Assert.Equal(40, ids.Distinct().Count());
            Assert.Equal(6, org.Emulator.Requests.Count(request => request.Path == "/api/v2/oauth/clients"));
        }

        [Fact]
        public async Task Name_grant_type_and_state_filter_the_listing()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("""
                Get-GcOAuthClient -Name '*dash*','*WALLBOARD*' -GrantType CODE,token -State active | ForEach-Object Name
                '--'
                Get-GcOAuthClient -Name '*wallboard*' -GrantType CLIENT-CREDENTIALS | ForEach-Object Name
                '--'
                Get-GcOAuthClient -State disabled | ForEach-Object Name
                """).ThrowIfFailed();

            Assert.Equal(
                new[]
                {
                    "Floor Wallboard Kiosk", "Internal Dashboard (dev)", "Ops Wallboard Dashboard", "--",
                    "Wallboard Realtime Feed", "--",
                    "Citrix Agent Launcher", "Jenkins Flow Deployment (CI)", "Load Test Harness", "Workforce Self-Service Portal",
                },
                result.Output.Select(item => item.ToString()).ToArray());
        }

        [Fact]
        public async Task Ids_bind_by_value_and_by_property_name_and_an_unknown_id_is_a_non_terminating_error()
        {
            await using var org = await LiveOrganization.StartAsync();
            var first = (string)org.Emulator.Organization.Clients[0]["id"]!;
            var second = (string)org.Emulator.Organization.Clients[1]["id"]!;

            var byValue = org.RunConnected($"'{first}', 'no-such-client', '{second}' | Get-GcOAuthClient");
            var byProperty = org.Run($"[pscustomobject]@{{ ClientId = '{second}' }} | Get-GcOAuthClient").ThrowIfFailed();

            Assert.Equal(new[] { first, second }, byValue.Output.Select(client => (string)client.Properties["Id"].Value).ToArray());
            var missing = Assert.Single(byValue.Errors);
            Assert.Equal("ClientNotFound,OAuthAudit.Commands.GetGcOAuthClientCommand", missing.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
            Assert.Equal("no-such-client", missing.TargetObject);
            Assert.Contains("no OAuth client with id 'no-such-client'", missing.ToString());
            Assert.Equal(second, Assert.Single(byProperty.Output).Properties["Id"].Value);
        }

        [Fact]
        public async Task A_secret_in_the_api_answer_is_dropped()
        {
            var organization = LiveOrganization.DemoOrganization();
            organization.Clients[0]["secret"] = "legacy-secret-value-42";
            await using var org = await LiveOrganization.StartAsync(organization);

            var result = org.RunConnected("Get-GcOAuthClient; Get-GcOAuthClient -Id $((Get-GcOAuthClient)[0].Id)").ThrowIfFailed();

            Assert.DoesNotContain(result.AllText(), text => text.Contains("legacy-secret-value-42"));
            Assert.DoesNotContain(result.Output[0].Properties, property => property.Name.Contains("Secret", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public async Task Get_GcOAuthScope_lists_the_registry_with_wildcards_and_reports_a_literal_miss()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("Get-GcOAuthScope -Name 'analytics*', 'no-such-scope'");

            Assert.Equal(new[] { "analytics", "analytics:readonly" }, result.Output.Select(scope => (string)scope.Properties["Name"].Value).ToArray());
            Assert.All(result.Output, scope => Assert.False(string.IsNullOrEmpty((string?)scope.Properties["Description"].Value)));
            Assert.Equal("ScopeNotFound,OAuthAudit.Commands.GetGcOAuthScopeCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public async Task Get_GcContext_shows_the_organization_region_grant_and_expiry()
        {
            await using var org = await LiveOrganization.StartAsync();

            var context = Assert.Single(org.RunConnected("Get-GcContext").ThrowIfFailed().Output);

            Assert.Equal("Northwind Contact Center", context.Properties["OrganizationName"].Value);
            Assert.Equal("client_credentials", context.Properties["GrantType"].Value);
            Assert.Equal(org.Emulator.Auditor.ClientId, context.Properties["ClientId"].Value);
            Assert.Equal("Api", context.Properties["Source"].Value.ToString());
            Assert.Null(context.Properties["Region"].Value);
            Assert.Equal(org.Emulator.ApiBaseUri.Authority, context.Properties["Environment"].Value);
            var expires = DateTime.Parse(context.Properties["TokenExpiresAt"].Value.ToString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.InRange(expires, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
        }
    }
}
