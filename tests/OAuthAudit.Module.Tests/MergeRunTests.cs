using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// Merge-GcOAuthAuditRun: run documents written by Invoke-GcOAuthAudit (from snapshots and from the emulator) merged
    /// into one set, written again byte for byte, reported in every format, and refused when an organization would
    /// be counted twice or a file is not a run.
    /// </summary>
    public sealed class MergeRunTests : IDisposable
    {
        private const string SecondId = "00000000-0000-4000-8000-00000000000b";
        private const string ThirdId = "00000000-0000-4000-8000-00000000000c";

        private readonly PowerShellSession _shell = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-merge-" + Guid.NewGuid().ToString("N"));

        public MergeRunTests()
        {
            Directory.CreateDirectory(_folder);
            Organization("second.json", SecondId, "Second Org");
            Organization("third.json", ThirdId, "Third Org");
        }

        public void Dispose()
        {
            _shell.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void Run_documents_of_three_organizations_merge_into_one_set_with_totals_and_every_format_renders_it()
        {
            WriteRuns();

            var merged = Run("""
                $set = Merge-GcOAuthAuditRun -Path ($folder + '/runs/*.json')
                $set | Export-GcOAuthAuditReport -Path ($folder + '/merged/all') -Format ([Enum]::GetValues([OAuthAudit.Engine.Reports.ReportFormat])) | Out-Null
                "$($set.GetType().FullName)|$($set.Organizations)|$($set.Summary.Clients)|$(@($set.Runs | ForEach-Object { $_.Organization.Id }) -join ',')"
                """).ThrowIfFailed();

            var parts = Assert.Single(merged.Output).ToString().Split('|');
            Assert.Equal("OAuthAudit.Engine.Runs.AuditRunSet", parts[0]);
            Assert.Equal("3", parts[1]);
            Assert.Equal("120", parts[2]);
            Assert.Equal(3, parts[3].Split(',').Distinct().Count());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "merged", "all.json")));
            Assert.Equal("OAuthAudit.AuditRunSet", json.RootElement.GetProperty("kind").GetString());
            Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("organizations").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("runs").GetArrayLength());
            var junit = System.Xml.Linq.XDocument.Load(Path.Combine(_folder, "merged", "all.xml"));
            Assert.Equal(3, junit.Descendants("testsuite").Count());
            using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "merged", "all.sarif")));
            Assert.Equal(3, sarif.RootElement.GetProperty("runs").GetArrayLength());
            var csv = File.ReadAllLines(Path.Combine(_folder, "merged", "all.csv")).Skip(1).ToArray();
            Assert.Equal(3, csv.Select(line => line.Split(',')[1]).Distinct().Count());
            var markdown = File.ReadAllText(Path.Combine(_folder, "merged", "all.md"));
            Assert.Contains("## Second Org", markdown);
            Assert.Contains("## Third Org", markdown);
            var html = File.ReadAllText(Path.Combine(_folder, "merged", "all.html"));
            Assert.All(new[] { SecondId, ThirdId }, id => Assert.Contains($"\"id\":\"{id}\"", html));
        }

        [Fact]
        public void A_merged_document_merges_again_flattened_and_a_run_given_twice_is_taken_once()
        {
            WriteRuns();
            Run("Merge-GcOAuthAuditRun -Path ($folder + '/runs/*.json') | Export-GcOAuthAuditReport -Path ($folder + '/merged.json')").ThrowIfFailed();

            var again = Run("""
                $files = @([System.IO.FileInfo]::new(($folder + '/merged.json'))) + @([System.IO.Directory]::GetFiles(($folder + '/runs')) | ForEach-Object { [System.IO.FileInfo]::new($_) })
                $set = $files | Merge-GcOAuthAuditRun -Verbose
                $set | Export-GcOAuthAuditReport -Path ($folder + '/again.json')
                $set.Organizations
                """).ThrowIfFailed();

            Assert.Equal(3, (int)Assert.Single(again.Output).BaseObject);
            Assert.Equal(3, again.Verbose.Count(line => line.Contains("is the same run as", StringComparison.Ordinal)));
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "merged.json")), File.ReadAllBytes(Path.Combine(_folder, "again.json")));
        }

        [Fact]
        public void Two_different_runs_of_one_organization_are_refused_unless_KeepLatest_keeps_the_later()
        {
            WriteRuns();
            // Times are kept to the second: the later run finishes at least a second after the others.
            Run("[System.Threading.Thread]::Sleep(1100); Invoke-GcOAuthAudit -Baseline $baseline -OutputPath ($folder + '/later') -Format Json -WarningAction SilentlyContinue | Out-Null").ThrowIfFailed();
            const string Both = "Merge-GcOAuthAuditRun -Path ($folder + '/runs/*.json'), ($folder + '/later/*.json')";

            var refused = Run(Both);
            var kept = Run($"$set = {Both} -KeepLatest -Verbose; $third = @($set.Runs | Where-Object {{ $_.Organization.Id -eq '{ThirdId}' }}); \"$($set.Organizations)|$($third.Count)|$($third[0].Baseline.Name)\"");

            refused.AssertTerminating("AuditRunDuplicate", ErrorCategory.InvalidData);
            Assert.Contains("would count it twice", refused.Terminating!.ToString());
            Assert.Contains("-KeepLatest", refused.Terminating!.ErrorDetails!.RecommendedAction);
            Assert.Empty(refused.Output);
            Assert.Null(kept.FirstError);
            Assert.Equal("3|1|northwind-policy", Assert.Single(kept.Output).ToString());
            Assert.Contains(kept.Verbose, line => line.Contains("left out", StringComparison.Ordinal));
        }

        [Fact]
        public void Runs_from_the_pipeline_merge_as_objects_and_Export_takes_the_set()
        {
            var result = Run("""
                $a = Connect-GcOrganization -SnapshotPath $demo
                $b = Connect-GcOrganization -SnapshotPath ($folder + '/second.json')
                $set = Invoke-GcOAuthAudit -Context $a, $b | Merge-GcOAuthAuditRun
                $set | Export-GcOAuthAuditReport -Path ($folder + '/objects.sarif')
                ($set | Merge-GcOAuthAuditRun).Organizations
                $Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new(250, 9999)
                $set | Out-Default
                """).ThrowIfFailed();

            Assert.Equal(2, (int)Assert.Single(result.Output).BaseObject);
            var view = _shell.Host.Text;
            Assert.Contains("Organizations : 2", view);
            Assert.Contains("80 clients", view);
            Assert.Contains("Second Org vs oauthaudit-default", view);
            using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "objects.sarif")));
            Assert.Equal(2, sarif.RootElement.GetProperty("runs").GetArrayLength());
        }

        [Fact]
        public async Task An_emulator_run_document_reads_back_and_writes_the_same_bytes()
        {
            await using var org = await LiveOrganization.StartAsync();
            var variables = org.Variables();
            variables["folder"] = _folder;
            org.Shell.Run(LiveOrganization.Connect + " | Out-Null", variables).ThrowIfFailed();

            org.Shell.Run("Invoke-GcOAuthAudit -OutputPath ($folder + '/live') -Format Json | Out-Null", variables).ThrowIfFailed();
            var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "live")));
            variables["file"] = file;
            var result = org.Shell.Run("$set = Merge-GcOAuthAuditRun -LiteralPath $file; $set | Export-GcOAuthAuditReport -Path ($folder + '/live-again.json'); $set.Runs[0].DataSource.Kind", variables).ThrowIfFailed();

            Assert.Equal("Live", Assert.Single(result.Output).ToString());
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(_folder, "live-again.json")));
        }

        [Theory]
        [InlineData("truncated")]
        [InlineData("snapshot")]
        [InlineData("newer")]
        [InlineData("escape")]
        public void A_bad_file_among_good_ones_stops_the_merge_naming_the_file_and_nothing_is_output(string damage)
        {
            WriteRuns();
            var good = Directory.GetFiles(Path.Combine(_folder, "runs"))[0];
            var text = File.ReadAllText(good);
            var bad = Path.Combine(_folder, "runs", "zz-bad.json");
            File.WriteAllText(bad, damage switch
            {
                "truncated" => text.Substring(0, text.Length - 200),
                "snapshot" => File.ReadAllText(RepositoryPaths.DemoSnapshot),
                "newer" => text.Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 2,"),
                _ => text.Replace("\"organization\": {", "\"kind\": \"\\u001b]0;owned\\u0007\",\n  \"organization\": {"),
            });

            var result = Run("Merge-GcOAuthAuditRun -Path ($folder + '/runs/*.json')");

            result.AssertTerminating("AuditRunInvalid", ErrorCategory.InvalidData);
            var message = result.Terminating!.ToString();
            Assert.Contains(bad, message);
            Assert.Contains(damage switch { "truncated" => "truncated", "snapshot" => "this is a snapshot", "newer" => "newer OAuthAudit", _ => "not an audit run" }, message);
            Assert.DoesNotContain('\u001b', message);
            Assert.Empty(result.Output);
        }

        private void WriteRuns() => Run("""
            $a = Connect-GcOrganization -SnapshotPath $demo
            $b = Connect-GcOrganization -SnapshotPath ($folder + '/second.json')
            $c = Connect-GcOrganization -SnapshotPath ($folder + '/third.json')
            Invoke-GcOAuthAudit -Context $a, $b, $c -OutputPath ($folder + '/runs') -Format Json | Out-Null
            """).ThrowIfFailed();

        private void Organization(string name, string id, string organizationName)
        {
            var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.DemoSnapshot))!;
            document["organization"]!["id"] = id;
            document["organization"]!["name"] = organizationName;
            File.WriteAllText(Path.Combine(_folder, name), document.ToJsonString());
        }

        private ScriptResult Run(string script)
        {
            var variables = new Dictionary<string, object?>
            {
                ["demo"] = RepositoryPaths.DemoSnapshot,
                ["baseline"] = Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml"),
                ["folder"] = _folder,
            };
            return _shell.Run(script, variables);
        }
    }
}
