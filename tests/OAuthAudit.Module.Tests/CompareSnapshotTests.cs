using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Compare-GcOAuthSnapshot on the demo organization and its next-month snapshot: files, contexts, live, baselines, exports.</summary>
    public class CompareSnapshotTests : IDisposable
    {
        private static readonly string NextMonth = Path.Combine(RepositoryPaths.Root, "samples", "demo-org-next-month.json");
        private static readonly string SampleBaseline = Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml");

        /// <summary>What changed in the demo organization between the two sample snapshots, by hand, in the order written.</summary>
        private static readonly string[] DemoChanges =
        {
            "Architect Flow Diff Tool|StateChanged|State|inactive|active|Medium",
            "Floor Wallboard Kiosk|TokenLifetimeChanged|AccessTokenValiditySeconds|172800|43200|Low",
            "Legacy Reporting Scripts|ClientRemoved|Client|Legacy Reporting Scripts||Low",
            "Marketing Automation Sync|ClientAdded|Client||Marketing Automation Sync|High",
            "Mobile Supervisor App|ClientRenamed|Name|Mobile Supervisor App (pilot)|Mobile Supervisor App|Info",
            "Mobile Supervisor App|DescriptionChanged|Description|Pilot of a mobile supervisor app for the Dublin site.|Supervisor mobile app, rolled out to every site in December.|Info",
            "Partner Portal SSO|RedirectUriAdded|RegisteredRedirectUri||https://partners.northwind.example/cb|Medium",
            "Partner Portal SSO|RedirectUriRemoved|RegisteredRedirectUri|https://*.northwind.example/cb||Low",
            "Power BI Reporting Export|RoleGrantAdded|Roles||Power BI Reporting Export (Home)|Medium",
            "Power BI Reporting Export|RoleGrantRemoved|Roles|admin (all divisions)||Low",
            "Salesforce CTI Connector|ScopeAdded|Scopes||oauth|High",
            "Wallboard Realtime Feed|RolePermissionsChanged|Realtime Monitor||analytics:conversationDetail:view|Medium",
        };

        private const string Rows = " | ForEach-Object { $_.ClientName, $_.Change, $_.Property, $_.Before, $_.After, $_.Risk -join '|' }";

        private readonly PowerShellSession _shell = new PowerShellSession();

        public void Dispose() => _shell.Dispose();

        private static Dictionary<string, object?> Files() => new()
        {
            ["demo"] = RepositoryPaths.DemoSnapshot,
            ["next"] = NextMonth,
            ["baselineFile"] = SampleBaseline,
            ["other"] = Path.Combine(RepositoryPaths.Root, "tests", "OAuthAudit.Engine.Tests", "Fixtures", "drift-after.json"),
        };

        [Fact]
        public void Two_snapshot_files_give_the_hand_listed_changes_as_typed_objects_and_leave_the_session_unconnected()
        {
            var result = _shell.Run("Compare-GcOAuthSnapshot -Reference $demo -Difference $next" + Rows + "\n'--'\nGet-GcContext\n(Compare-GcOAuthSnapshot $demo $next)[0].GetType().FullName", Files()).ThrowIfFailed();

            var lines = result.Output.Select(item => item.ToString()).ToArray();
            Assert.Equal(DemoChanges.Concat(new[] { "--", "OAuthAudit.Engine.Drift.OAuthClientChange" }), lines);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_file_compared_with_itself_yields_nothing_with_or_without_a_baseline()
        {
            var result = _shell.Run("""
                @(Compare-GcOAuthSnapshot $demo $demo).Count
                @(Compare-GcOAuthSnapshot $next $next -Baseline $baselineFile).Count
                $context = Connect-GcOrganization -SnapshotPath $demo
                @(Compare-GcOAuthSnapshot $context $demo -Baseline $baselineFile).Count
                """, Files()).ThrowIfFailed();

            Assert.Equal(new[] { "0", "0", "0" }, result.Output.Select(item => item.ToString()));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void Contexts_compare_like_their_files_and_the_current_context_stays_what_it_was()
        {
            var result = _shell.Run("""
                $old = Connect-GcOrganization -SnapshotPath $demo
                $new = Connect-GcOrganization -SnapshotPath $next
                $byContext = Compare-GcOAuthSnapshot -Reference $old -Difference $new | ForEach-Object Message
                $byPath = Compare-GcOAuthSnapshot -Reference $demo -Difference $next | ForEach-Object Message
                $mixed = Compare-GcOAuthSnapshot -Reference $old -Difference $next | ForEach-Object Message
                $byContext.Count
                [string]($byContext -join "`n") -eq ($byPath -join "`n")
                [string]($mixed -join "`n") -eq ($byPath -join "`n")
                [object]::ReferenceEquals((Get-GcContext), $new)
                $old.IsConnected
                """, Files()).ThrowIfFailed();

            Assert.Equal(new[] { "12", "True", "True", "True", "True" }, result.Output.Select(item => item.ToString()));
        }

        [Fact]
        public void The_difference_comes_through_the_pipeline_as_a_file_a_context_or_a_path_and_both_by_property_name()
        {
            var result = _shell.Run("""
                @([System.IO.FileInfo]::new($next) | Compare-GcOAuthSnapshot -Reference $demo).Count
                @(Connect-GcOrganization -SnapshotPath $next | Compare-GcOAuthSnapshot -Reference $demo).Count
                @($next, $demo | Compare-GcOAuthSnapshot -Reference $demo).Count
                @([pscustomobject]@{ Reference = $demo; Difference = $next } | Compare-GcOAuthSnapshot).Count
                """, Files()).ThrowIfFailed();

            Assert.Equal(new[] { "12", "12", "12", "12" }, result.Output.Select(item => item.ToString()));
        }

        [Fact]
        public async Task A_live_connection_compares_with_a_snapshot_of_the_same_organization_and_only_reads()
        {
            await using var org = await LiveOrganization.StartAsync();

            var variables = org.Variables();
            foreach (var file in Files())
            {
                variables[file.Key] = file.Value;
            }

            var result = org.Shell.Run("$live = " + LiveOrganization.Connect + "\n"
                + "@(Compare-GcOAuthSnapshot -Reference $demo -Difference $live).Count\n"
                + "Compare-GcOAuthSnapshot -Reference $live -Difference $next" + Rows, variables).ThrowIfFailed();

            Assert.Equal(new[] { "0" }.Concat(DemoChanges), result.Output.Select(item => item.ToString()));
            Assert.Contains(org.Emulator.Requests, request => request.Path == "/api/v2/oauth/clients");
        }

        [Fact]
        public void A_baseline_adds_the_findings_that_appeared_and_were_resolved_and_judges_the_risks()
        {
            var result = _shell.Run("""
                $changes = Compare-GcOAuthSnapshot $demo $next -Baseline $baselineFile
                $object = Compare-GcOAuthSnapshot $demo $next -BaselineObject (Get-GcOAuthBaseline -Path $baselineFile)
                $plain = Compare-GcOAuthSnapshot $demo $next
                ($changes | ForEach-Object Message) -join "`n" -eq (($object | ForEach-Object Message) -join "`n")
                @($plain | Where-Object Change -like 'Finding*').Count
                $changes | Where-Object Change -eq FindingAppeared | ForEach-Object { $_.ClientName, $_.Property, $_.After, $_.Risk -join '|' }
                '--'
                $changes | Where-Object { $_.Change -eq 'FindingResolved' -and $_.ClientName -eq 'Partner Portal SSO' } | ForEach-Object { $_.Property, $_.Before, $_.Risk -join '|' }
                '--'
                @($changes | Where-Object Change -notlike 'Finding*').Count
                """, Files()).ThrowIfFailed();

            var lines = result.Output.Select(item => item.ToString()).ToArray();
            Assert.Equal("True", lines[0]);
            Assert.Equal("0", lines[1]);
            var appeared = lines.Skip(2).TakeWhile(line => line != "--").ToArray();
            Assert.Contains("Salesforce CTI Connector|NW-001|ForbiddenScope: oauth|High", appeared);
            Assert.Contains(appeared, line => line.StartsWith("Marketing Automation Sync|NW-009|PrivilegeEscalation: Developer (all divisions)|High", StringComparison.Ordinal));
            Assert.All(appeared, line => Assert.True(line.StartsWith("Salesforce CTI Connector|", StringComparison.Ordinal) || line.StartsWith("Marketing Automation Sync|", StringComparison.Ordinal), line));
            var resolved = lines.SkipWhile(line => line != "--").Skip(1).TakeWhile(line => line != "--").ToArray();
            Assert.Equal(new[] { "NW-006|WildcardRedirectUri: https://*.northwind.example/cb|Info" }, resolved);
            Assert.Equal(DemoChanges.Length.ToString(), lines.Last());
        }

        [Fact]
        public void Every_property_is_a_plain_string_or_enum_so_exports_write_readable_cells_and_Where_Object_filters()
        {
            // Export-Csv is not in this host's runspace; tests/pester/Compare.Tests.ps1 exports with the real one.
            var result = _shell.Run("""
                $changes = Compare-GcOAuthSnapshot $demo $next -Baseline $baselineFile
                ($changes[0].PSObject.Properties.Name) -join ','
                @($changes | ForEach-Object { foreach ($property in $_.PSObject.Properties) { $value = $property.Value; if ($null -ne $value -and $value -isnot [string] -and $value -isnot [enum]) { "$($property.Name): $($value.GetType())" } } }).Count
                ($changes | Where-Object Change -eq ScopeAdded | ForEach-Object { $_.ClientName, $_.After, $_.Risk -join '|' })
                @(Compare-GcOAuthSnapshot $demo $next | Where-Object Risk -ge High).Count
                @(Compare-GcOAuthSnapshot $demo $next | Where-Object { $_.Risk -eq 'Info' }).Count
                """, Files()).ThrowIfFailed();

            Assert.Equal(new[] { "ClientId,ClientName,Change,Property,Before,After,Risk,Message,OrganizationId,OrganizationName", "0", "Salesforce CTI Connector|oauth|High", "2", "2" },
                result.Output.Select(item => item.ToString()));
        }

        [Fact]
        public void Snapshots_of_different_organizations_stop_with_OrganizationMismatch_and_write_nothing()
        {
            var result = _shell.Run("Compare-GcOAuthSnapshot -Reference $demo -Difference $other", Files());

            Assert.Empty(result.Output);
            Assert.Empty(result.Warnings);
            var error = Assert.Single(result.AllErrors);
            Assert.StartsWith("OrganizationMismatch,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("Northwind Contact Center", error.ToString());
            Assert.Contains("Fabrikam Drift Fixture", error.ToString());
            Assert.Contains("same organization", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_reference_captured_after_the_difference_warns_that_the_sides_look_swapped()
        {
            var result = _shell.Run("@(Compare-GcOAuthSnapshot -Reference $next -Difference $demo -Verbose).Count", Files()).ThrowIfFailed();

            Assert.Equal("12", Assert.Single(result.Output).ToString());
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("2026-12-20T06:00:00Z", warning);
            Assert.Contains("-Reference", warning);
            Assert.Contains(result.Verbose, line => line.EndsWith(": 12 changes.", StringComparison.Ordinal));
            Assert.Contains(result.Progress, record => record.RecordType == ProgressRecordType.Completed);
        }

        [Fact]
        public void The_views_show_org_text_with_control_characters_made_visible()
        {
            var hostile = Path.Combine(Path.GetTempPath(), "oauthaudit-hostile-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(hostile, File.ReadAllText(RepositoryPaths.DemoSnapshot).Replace("\"name\": \"Knowledge Portal\"", "\"name\": \"Knowledge Portal\\u001b[2J\\u202e\""));
            try
            {
                var variables = Files();
                variables["hostile"] = hostile;
                _shell.Run("$Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new(200, 9999)").ThrowIfFailed();
                var before = _shell.Host.Text.Length;
                var result = _shell.Run("""
                    $change = Compare-GcOAuthSnapshot $demo $hostile
                    $change | Out-Default
                    "$change"
                    $change.After.Length
                    """, variables).ThrowIfFailed();

                var shown = _shell.Host.Text.Substring(before) + "\n" + result.Output[0];
                Assert.DoesNotContain("\u001b", shown, StringComparison.Ordinal);
                Assert.DoesNotContain("\u202e", shown, StringComparison.Ordinal);
                Assert.Contains("Knowledge Portal\\x1b[2J\\u202e", shown, StringComparison.Ordinal);
                Assert.Equal("Knowledge Portal\u001b[2J\u202e".Length.ToString(), result.Output[1].ToString());
            }
            finally
            {
                File.Delete(hostile);
            }
        }
    }
}
