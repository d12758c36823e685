using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>The demo snapshot through real pipelines: filtering, export and what a console shows.</summary>
    public class OfflinePipelineTests
    {
        private readonly PowerShellSession _shell = new PowerShellSession();

        public OfflinePipelineTests()
        {
            _shell.Run("Connect-GcOrganization -SnapshotPath $path | Out-Null", new() { ["path"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();
        }

        [Fact]
        public void The_demo_organization_lists_offline()
        {
            var result = _shell.Run("Get-GcOAuthClient; Get-GcContext").ThrowIfFailed();

            Assert.Equal(41, result.Output.Count);
            var context = result.Output.Last();
            Assert.Equal("Snapshot", context.Properties["Source"].Value.ToString());
            Assert.Equal("snapshot", context.Properties["GrantType"].Value);
            Assert.Equal("2026-11-20T06:00:00Z", context.Properties["CapturedAt"].Value.ToString());
            Assert.Equal("eu-west-1", context.Properties["Region"].Value);
        }

        [Fact]
        public void Name_takes_the_baseline_wildcard_dialect_where_brackets_are_ordinary_characters()
        {
            // Before one dialect, -Name '[LQ]*' was a PowerShell range (Legacy…, QA…, Quality…); now [ is literal, as in a baseline's names:.
            var result = _shell.Run("""
                @(Get-GcOAuthClient -Name '[LQ]*').Count
                @(Get-GcOAuthClient -Name 'Legacy*' | ForEach-Object Name) -join '|'
                $rule = Get-GcOAuthBaseline -Path $baseline
                @(Get-GcOAuthClient | Test-GcOAuthClientScope -BaselineObject $rule | Where-Object { $_.MatchedRules -contains 'L' } | ForEach-Object ClientName) -join '|'
                """, new() { ["baseline"] = WriteBaseline("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: {name: x}\nspec:\n  rules:\n    - id: L\n      description: d\n      severity: Low\n      match: { names: ['Legacy*', '[LQ]*'] }\n      forbidUnknownScopes: true\n") }).ThrowIfFailed();

            Assert.Equal("0", result.Output[0].ToString());
            Assert.Equal("Legacy Agent Desktop|Legacy IVR Middleware|Legacy Reporting Scripts|Legacy Web Chat v2 Widget", result.Output[1].ToString());
            Assert.Equal(result.Output[1].ToString(), result.Output[2].ToString());
        }

        [Fact]
        public void Test_GcOAuthClientScope_audits_the_same_clients_however_they_are_handed_over()
        {
            // Piped one by one, as an array by name or position, one client, a client with a note property added, ids by property name.
            var result = _shell.Run("""
                $clients = @(Get-GcOAuthClient)
                $expected = ($clients | ForEach-Object Id) -join '|'
                function Ids { ($input | ForEach-Object ClientId) -join '|' }
                $clients | Test-GcOAuthClientScope | Ids
                Test-GcOAuthClientScope -InputObject $clients | Ids
                Test-GcOAuthClientScope $clients | Ids
                (Test-GcOAuthClientScope -InputObject $clients[0]).ClientId
                $tagged = [psobject]$clients[0]; $tagged.PSObject.Properties.Add([psnoteproperty]::new('Ticket', 'T-1'))
                ($tagged | Test-GcOAuthClientScope).ClientId
                $clients | ForEach-Object { [pscustomobject]@{ Id = $_.Id } } | Test-GcOAuthClientScope | Ids
                $clients | ForEach-Object { [pscustomobject]@{ ClientId = $_.Id } } | Test-GcOAuthClientScope | Ids
                $expected
                """).ThrowIfFailed();

            var expected = result.Output.Last().ToString();
            Assert.Equal(40, expected.Split('|').Length);
            foreach (var index in new[] { 0, 1, 2, 5, 6 })
            {
                Assert.Equal(expected, result.Output[index].ToString());
            }

            Assert.Equal(expected.Split('|')[0], result.Output[3].ToString());
            Assert.Equal(expected.Split('|')[0], result.Output[4].ToString());
        }

        private static string WriteBaseline(string yaml)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oauthaudit-dialect-" + System.Guid.NewGuid().ToString("N") + ".yml");
            System.IO.File.WriteAllText(path, yaml);
            return path;
        }

        [Fact]
        public void Where_Object_filters_on_scopes_with_contains()
        {
            var result = _shell.Run("""
                Get-GcOAuthClient | Where-Object Scopes -contains 'oauth' | ForEach-Object Name
                '--'
                (Get-GcOAuthClient | Where-Object Scopes -contains 'USERS:READONLY').Count
                '--'
                Get-GcOAuthClient | Where-Object { $_.UnknownScopes -contains 'web-chat' } | ForEach-Object Name
                '--'
                (Get-GcOAuthClient -Name 'Ops Wallboard Dashboard').Scopes[3].Name
                """).ThrowIfFailed();

            Assert.Equal(new[] { "Ops Wallboard Dashboard", "--", "15", "--", "Legacy Web Chat v2 Widget", "--", "oauth" }, result.Output.Select(item => item.ToString()).ToArray());
        }

        [Fact]
        public void Export_Csv_cells_are_readable_with_lists_joined_and_no_type_names()
        {
            var result = _shell.Run("Get-GcOAuthClient; Get-GcOAuthScope; Get-GcContext").ThrowIfFailed();

            foreach (var item in result.Output)
            {
                foreach (var property in item.Properties)
                {
                    var cell = property.Value?.ToString() ?? string.Empty;
                    Assert.False(cell.Contains("System.", StringComparison.Ordinal) || cell.Contains("OAuthAudit.", StringComparison.Ordinal),
                        $"{item} {property.Name} would export as '{cell}'");
                }
            }

            var dashboard = result.Output.Single(item => item.Properties["Name"]?.Value as string == "Ops Wallboard Dashboard");
            Assert.Equal("analytics; routing; users; oauth; authorization; presence:readonly; notifications; user-basic-info", dashboard.Properties["Scopes"].Value.ToString());
            Assert.IsAssignableFrom<IEnumerable>(dashboard.Properties["Scopes"].Value);
        }

        [Fact]
        public void Clients_print_as_a_table_through_the_format_view()
        {
            _shell.Run("Get-GcOAuthClient -Name 'Ops Wallboard Dashboard', 'Power BI Reporting Export' | Out-Default").ThrowIfFailed();

            var lines = _shell.Host.Text.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();
            Assert.Matches(@"^Name\s+GrantType\s+State\s+Access$", lines[0]);
            Assert.Matches(@"^Power BI Reporting Export\s+CLIENT-CREDENTIALS\s+active\s+admin \(all divisions\)$", lines.Single(line => line.StartsWith("Power BI")));
            Assert.Matches(@"^Ops Wallboard Dashboard\s+CODE\s+active\s+analytics; routing; users; oauth", lines.Single(line => line.StartsWith("Ops Wallboard")));
        }

        [Fact]
        public void Scopes_and_the_context_print_through_their_views()
        {
            _shell.Run("Get-GcOAuthScope -Name 'oauth:readonly' | Out-Default; Get-GcContext | Out-Default").ThrowIfFailed();

            var text = _shell.Host.Text;
            Assert.Matches(@"Name\s+IsKnown\s+Description", text);
            Assert.Matches(@"oauth:readonly\s+True\s+\S+", text);
            Assert.Matches(@"OrganizationName\s+: Northwind Contact Center", text);
            Assert.Matches(@"CapturedAt\s+: 2026-11-20T06:00:00Z", text);
            Assert.DoesNotContain("OAuthAudit.Engine", text);
        }

        [Fact]
        public void A_literal_name_that_matches_nothing_is_reported_and_a_wildcard_is_not()
        {
            var result = _shell.Run("Get-GcOAuthClient -Name 'No Such Client', '*nothing-matches*'");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("ClientNotFound,OAuthAudit.Commands.GetGcOAuthClientCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("no OAuth client named 'No Such Client'", error.ToString());
        }
    }
}
