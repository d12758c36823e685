using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// The views of OAuthAudit.format.ps1xml as a user meets them: every header is a property (so Where-Object and
    /// Select-Object work with what the screen shows), tables fit 80 columns with whole headers, and at 120 columns
    /// a result shows the rules it fails.
    /// </summary>
    public class FormatViewTests
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(RepositoryPaths.ModuleManifest)!;

        private readonly PowerShellSession _shell = new PowerShellSession();

        public FormatViewTests()
        {
            _shell.Run("Connect-GcOrganization -SnapshotPath $path | Out-Null", new() { ["path"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();
        }

        [Fact]
        public void Every_view_header_and_list_label_is_a_property_of_its_type_or_of_the_type_data()
        {
            var views = XDocument.Load(Path.Combine(ModuleFolder, "OAuthAudit.format.ps1xml")).Descendants("View").ToArray();
            var aliases = XDocument.Load(Path.Combine(ModuleFolder, "OAuthAudit.types.ps1xml")).Descendants("Type")
                .SelectMany(type => type.Element("Members")!.Elements().Select(member => (Type: (string)type.Element("Name")!, Name: (string)member.Element("Name")!)))
                .ToLookup(member => member.Type, member => member.Name);
            var typeNames = views.Select(view => (string)view.Element("ViewSelectedBy")!.Element("TypeName")!).Distinct().ToArray();
            var properties = _shell.Run("foreach ($name in $names) { $type = $name -as [type]; if ($type) { \"$name|\" + (($type.GetProperties() | ForEach-Object Name) -join ',') } }",
                    new() { ["names"] = typeNames })
                .ThrowIfFailed().Output.Select(line => line.ToString().Split('|'))
                .ToDictionary(parts => parts[0], parts => parts[1].Split(',').Concat(aliases[parts[0]]).ToHashSet(StringComparer.Ordinal));

            var problems = new List<string>();
            foreach (var view in views)
            {
                var type = (string)view.Element("ViewSelectedBy")!.Element("TypeName")!;
                if (!properties.TryGetValue(type, out var known))
                {
                    problems.Add($"{view.Element("Name")!.Value}: type {type} is not loaded");
                    continue;
                }

                var shown = view.Descendants("TableColumnHeader").Select(header => (string?)header.Element("Label"))
                    .Concat(view.Descendants("ListItem").Select(item => (string?)item.Element("Label") ?? (string?)item.Element("PropertyName")))
                    .Concat(view.Descendants("TableColumnItem").Select(item => (string?)item.Element("PropertyName")))
                    .Where(name => name != null);
                problems.AddRange(shown.Where(name => !known.Contains(name!)).Select(name => $"{view.Element("Name")!.Value}: '{name}' is not a property of {type}"));
                Assert.NotEmpty(view.Descendants("TableColumnHeader").Concat(view.Descendants("ListItem")).Concat(view.Descendants("ExpressionBinding")));
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Every_output_type_has_a_table_view_and_the_client_type_a_GrantType_alias()
        {
            var tables = XDocument.Load(Path.Combine(ModuleFolder, "OAuthAudit.format.ps1xml")).Descendants("View")
                .Where(view => view.Element("TableControl") != null)
                .Select(view => (string)view.Element("ViewSelectedBy")!.Element("TypeName")!).ToHashSet();
            var tokenClients = _shell.Run("@(Get-GcOAuthClient | Where-Object GrantType -eq TOKEN | ForEach-Object Name) -join '|'; @(Get-GcOAuthClient -GrantType TOKEN | ForEach-Object Name) -join '|'").ThrowIfFailed().Output;

            foreach (var type in new[] { "Model.OAuthClient", "Model.OAuthScope", "Model.AuthorizationRole", "Model.AuthorizationDivision", "Model.RoleGrant", "Rules.ClientAuditResult",
                "Rules.Finding", "Rules.Baseline", "Rules.BaselineRule", "Rules.Waiver", "Connections.GcContext", "Drift.OAuthClientChange" })
            {
                Assert.Contains("OAuthAudit.Engine." + type, tables);
            }

            Assert.NotEqual(string.Empty, tokenClients[0].ToString());
            Assert.Equal(tokenClients[1].ToString(), tokenClients[0].ToString());
        }

        [Theory]
        [InlineData("Get-GcOAuthClient", "Name GrantType State Access")]
        [InlineData("Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | ForEach-Object Roles", "RoleName DivisionName IsKnownRole IsKnownDivision")]
        [InlineData("Get-GcOAuthScope", "Name IsKnown Description")]
        [InlineData("Get-GcAuthorizationRole", "Name IsDefault Permissions")]
        [InlineData("Get-GcAuthorizationDivision", "Name Id IsHomeDivision")]
        [InlineData("Get-GcOAuthClient | Test-GcOAuthClientScope -WarningAction SilentlyContinue", "ClientName GrantType Outcome Severity FailedRules")]
        [InlineData("Get-GcOAuthClient | Test-GcOAuthClientScope -Expand -WarningAction SilentlyContinue", "ClientName RuleId Severity Kind Waived Subject")]
        [InlineData("(Get-GcOAuthBaseline).Rules", "Id Severity Match Description")]
        [InlineData("(Get-GcOAuthBaseline -Path $baseline).Waivers", "Client RuleId ExpiresOn Subject Rationale")]
        [InlineData("Compare-GcOAuthSnapshot -Reference $demo -Difference $next -Baseline $baseline", "ClientName Change Risk Property Before After")]
        public void Default_tables_fit_80_columns_with_whole_headers(string script, string headers)
        {
            var lines = Render(script, 80);

            Assert.True(lines.Length > 2, string.Join("\n", lines));
            Assert.Equal(headers, string.Join(" ", lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            Assert.Matches("^-+( +-+)*$", lines[1]);
            Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        }

        [Fact]
        public void At_120_columns_results_show_their_failed_rules_and_findings_show_units()
        {
            var results = Render("Get-GcOAuthClient -Name 'Floor Wallboard Kiosk', 'Ops Wallboard Dashboard' | Test-GcOAuthClientScope -Baseline $baseline -WarningAction SilentlyContinue", 120);
            var findings = Render("Get-GcOAuthClient -Name 'Floor Wallboard Kiosk' | Test-GcOAuthClientScope -Expand", 80);

            Assert.Matches(@"^Floor Wallboard Kiosk\s+TOKEN\s+Fail\s+\w+\s+NW-\d{3}(; NW-\d{3})*$", lines(results, "Floor"));
            Assert.Matches(@"^Ops Wallboard Dashboard\s+CODE\s+Fail\s+Critical\s+NW-001(; NW-\d{3})*$", lines(results, "Ops"));
            Assert.Matches(@"^Floor Wallboard Kiosk\s+GC-002\s+Medium\s+TokenLifetime\s+False\s+172800 s$", lines(findings, "Floor Wallboard Kiosk  GC-002"));

            static string lines(string[] rendered, string start)
            {
                var found = rendered.Where(line => Regex.Replace(line, " {2,}", "  ").StartsWith(start, StringComparison.Ordinal)).ToArray();
                Assert.True(found.Length == 1, $"one line starting '{start}' expected in:\n{string.Join("\n", rendered)}");
                return found[0];
            }
        }

        [Fact]
        public void Passed_FailedRules_and_finding_identity_columns_are_there_for_an_export()
        {
            var result = _shell.Run("""
                $results = Get-GcOAuthClient | Test-GcOAuthClientScope -WarningAction SilentlyContinue
                @($results | Where-Object { $_.Passed -ne ("$($_.Outcome)" -eq 'Pass') }).Count
                ($results | Where-Object ClientName -eq 'Architect Flow Diff Tool') | ForEach-Object { "$($_.Outcome) $($_.Passed) $($_.FailedRules)" }
                Get-GcOAuthClient -Name 'Floor Wallboard Kiosk' | Test-GcOAuthClientScope -Expand | ForEach-Object { "$($_.OrganizationName)|$($_.BaselineName)|$($_.GrantType)|$($_.State)" }
                """).ThrowIfFailed();

            Assert.Equal(new[] { "0", "Warning False GC-005", "Northwind Contact Center|oauthaudit-default|TOKEN|active" },
                result.Output.Select(item => item.ToString()).Distinct().ToArray());
        }

        [Fact]
        public void An_expired_waiver_warns_only_when_a_client_it_names_is_audited_and_once()
        {
            var others = _shell.Run("Get-GcOAuthClient -Name 'Floor Wallboard Kiosk' | Test-GcOAuthClientScope -Baseline $baseline", new() { ["baseline"] = SampleBaseline }).ThrowIfFailed();
            var twice = _shell.Run("$c = Get-GcOAuthClient -Name 'Legacy IVR Middleware'; $c, $c | Test-GcOAuthClientScope -Baseline $baseline", new() { ["baseline"] = SampleBaseline }).ThrowIfFailed();

            Assert.Empty(others.Warnings);
            Assert.Equal(2, twice.Output.Count);
            Assert.StartsWith("The waiver of NW-005 for 'Legacy IVR Middleware' expired on 2025-09-30", Assert.Single(twice.Warnings));
        }

        private static string SampleBaseline => Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml");

        private string[] Render(string script, int width)
        {
            _shell.Run($"$Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new({width}, 9999)").ThrowIfFailed();
            var before = _shell.Host.Text.Length;
            _shell.Run(script + " | Out-Default", new()
            {
                ["baseline"] = SampleBaseline,
                ["demo"] = RepositoryPaths.DemoSnapshot,
                ["next"] = Path.Combine(RepositoryPaths.Root, "samples", "demo-org-next-month.json"),
            }).ThrowIfFailed();
            return Regex.Split(_shell.Host.Text.Substring(before), "\r?\n").Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();
        }
    }
}
