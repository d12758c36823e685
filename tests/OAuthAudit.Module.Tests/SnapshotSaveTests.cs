using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Save-GcOAuthSnapshot on the demo snapshot and on live emulator organizations, and what Connect-GcOrganization -SnapshotPath refuses.</summary>
    public sealed class SnapshotSaveTests : IDisposable
    {
        private const string Audit = """
            $results = @(Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $baseline -WarningAction SilentlyContinue)
            $builtIn = @(Get-GcOAuthClient | Test-GcOAuthClientScope -WarningAction SilentlyContinue)
            $count = { param($items, $outcome) @($items | Where-Object Outcome -eq $outcome).Count }
            '{0} findings; Fail={1} Pass={2} Warning={3}; built-in {4}/{5} Fail' -f @($results.Findings).Count, (& $count $results Fail), (& $count $results Pass), (& $count $results Warning), (& $count $builtIn Fail), $builtIn.Count
            """;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-save-" + Guid.NewGuid().ToString("N"));
        private readonly ITestOutputHelper _output;

        public SnapshotSaveTests(ITestOutputHelper output)
        {
            _output = output;
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void The_demo_snapshot_saved_loaded_and_saved_again_is_byte_identical_and_audits_the_same()
        {
            using var shell = new PowerShellSession();
            var first = Path.Combine(_folder, "demo.json");
            var second = Path.Combine(_folder, "again.json");
            var variables = new System.Collections.Generic.Dictionary<string, object?>
            {
                ["demo"] = RepositoryPaths.DemoSnapshot,
                ["first"] = first,
                ["second"] = second,
                ["baseline"] = Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml"),
            };

            var demo = shell.Run("Connect-GcOrganization -SnapshotPath $demo | Out-Null\n" + Audit, variables).ThrowIfFailed();
            var saved = shell.Run("""
                Connect-GcOrganization -SnapshotPath $demo | Out-Null
                $watch = [Diagnostics.Stopwatch]::StartNew()
                Save-GcOAuthSnapshot -Path $first
                $watch.Elapsed.TotalMilliseconds
                $context = Connect-GcOrganization -SnapshotPath $first
                Save-GcOAuthSnapshot -Path $second -PassThru
                $context.OrganizationId
                """ + "\n" + Audit, variables).ThrowIfFailed();

            Assert.Equal("43 findings; Fail=18 Pass=19 Warning=3; built-in 15/40 Fail", Assert.Single(demo.Output).ToString());
            Assert.Equal(demo.Output[0].ToString(), saved.Output[^1].ToString());
            var file = Assert.IsType<FileInfo>(saved.Output[1].BaseObject);
            Assert.Equal(second, file.FullName);
            Assert.Equal("202f2243-e652-5cbb-80cf-2a48118f4b62", saved.Output[2].ToString());
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal("202f2243-e652-5cbb-80cf-2a48118f4b62", (string)JObject.Parse(File.ReadAllText(first))["organization"]!["id"]!);
            Assert.Equal(new[] { "again.json", "demo.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(name => name));
            _output.WriteLine($"demo org: {new FileInfo(first).Length:N0} bytes (source {new FileInfo(RepositoryPaths.DemoSnapshot).Length:N0}), saved in {Convert.ToDouble(saved.Output[0].BaseObject):F0} ms");
        }

        [Fact]
        public async Task A_live_organization_saved_loaded_and_saved_again_is_byte_identical_keeps_unmodelled_fields_and_holds_no_secret_or_token()
        {
            var organization = LiveOrganization.DemoOrganization();
            var planted = "planted-secret-" + Guid.NewGuid().ToString("N");
            organization.Clients[0]["secret"] = planted;
            organization.Clients[1]["roleDivisions"] = new JArray(new JObject { ["roleId"] = "r", ["divisionId"] = "*", ["Secret"] = planted + "-nested" });
            organization.Clients[1]["authorizedGrantType"] = "CLIENT-CREDENTIALS";
            organization.Clients[2]["notModelledYet"] = JObject.Parse("""{ "lastUsedDate": "2026-11-30", "usage": [ 1, 2.5 ], "flag": null }""");
            organization.Organization["productPlatform"] = "GenesysCloud";
            await using var org = await LiveOrganization.StartAsync(organization);
            org.Emulator.Knobs.ClientsPageSize = 7;
            var first = Path.Combine(_folder, "live", "org.json");
            var second = Path.Combine(_folder, "again.json");

            var live = org.RunConnected("""
                Save-GcOAuthSnapshot -Path $first -PassThru | ForEach-Object Name
                (Get-GcContext).OrganizationId
                Connect-GcOrganization -SnapshotPath $first | Out-Null
                Save-GcOAuthSnapshot -Path $second -Verbose
                (Get-GcContext).OrganizationId
                """.Replace("$first", $"'{first}'").Replace("$second", $"'{second}'")).ThrowIfFailed();

            Assert.Equal(new[] { "org.json", organization.Organization["id"]!.ToString(), organization.Organization["id"]!.ToString() }, live.Output.Select(item => item.ToString()));
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            var text = File.ReadAllText(first);
            var secrets = new[] { org.Emulator.Auditor.Secret, planted }.Concat(org.Emulator.IssuedTokens).ToArray();
            Assert.NotEmpty(org.Emulator.IssuedTokens);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("\"secret\"", text, StringComparison.OrdinalIgnoreCase);
            var saved = Load(first);
            Assert.Equal(organization.Clients.Count, ((JArray)saved["clients"]!).Count);
            var unmodelled = saved["clients"]!.Single(client => (string)client["id"]! == (string)organization.Clients[2]["id"]!)["notModelledYet"]!;
            Assert.Equal("""{"lastUsedDate":"2026-11-30","usage":[1,2.5],"flag":null}""", unmodelled.ToString(Formatting.None));
            Assert.Equal("GenesysCloud", (string)saved["organization"]!["productPlatform"]!);
            Assert.Equal(organization.Permissions.Count, ((JArray)saved["permissions"]!).Count);
            Assert.Equal(organization.Roles.Count, ((JArray)saved["roles"]!).Count);
            Assert.Contains(live.Progress, record => record.StatusDescription == "Reading the OAuth clients");
            Assert.Contains(live.Progress, record => record.StatusDescription == "Reading the permission catalogue");
            Assert.Contains(live.Verbose, line => line.StartsWith($"Snapshot of Northwind Contact Center saved to {second}: {organization.Clients.Count} clients, 115 scopes", StringComparison.Ordinal));
            Assert.Contains(org.Emulator.Requests, request => request.Path == "/api/v2/oauth/clients" && request.Query.Contains("pageNumber=6"));
        }

        [Fact]
        public async Task An_organization_of_a_thousand_clients_saves_and_round_trips()
        {
            var organization = LiveOrganization.DemoOrganization();
            var template = organization.Clients.ToArray();
            organization.Clients = Enumerable.Range(0, 1000).Select(number =>
            {
                var client = (JObject)template[number % template.Length].DeepClone();
                client["id"] = $"{number:D8}-0000-4000-8000-{number:D12}";
                client["name"] = $"{client["name"]} #{number}";
                return client;
            }).ToList();
            await using var org = await LiveOrganization.StartAsync(organization);
            org.Emulator.Knobs.ClientsPageSize = 100;
            var first = Path.Combine(_folder, "big.json");
            var second = Path.Combine(_folder, "big-again.json");

            var result = org.RunConnected($$"""
                $watch = [Diagnostics.Stopwatch]::StartNew()
                Save-GcOAuthSnapshot -Path '{{first}}'
                $watch.Elapsed.TotalMilliseconds
                Connect-GcOrganization -SnapshotPath '{{first}}' | Out-Null
                $watch.Restart()
                Save-GcOAuthSnapshot -Path '{{second}}'
                $watch.Elapsed.TotalMilliseconds
                @(Get-GcOAuthClient).Count
                """).ThrowIfFailed();

            Assert.Equal(1000, Convert.ToInt32(result.Output[2].BaseObject));
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            _output.WriteLine($"1,000 clients: {new FileInfo(first).Length:N0} bytes; saved live in {Convert.ToDouble(result.Output[0].BaseObject):F0} ms, from the snapshot in {Convert.ToDouble(result.Output[1].BaseObject):F0} ms");
        }

        [Fact]
        public void WhatIf_writes_nothing_an_existing_file_needs_Force_and_folders_are_created()
        {
            using var shell = new PowerShellSession();
            var nested = Path.Combine(_folder, "a", "b", "org.json");
            var existing = Path.Combine(_folder, "existing.json");
            File.WriteAllText(existing, "keep me");
            shell.Run("Connect-GcOrganization -SnapshotPath $demo | Out-Null", new() { ["demo"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();

            var whatIf = shell.Run("Save-GcOAuthSnapshot -Path $nested -WhatIf", new() { ["nested"] = nested }).ThrowIfFailed();
            Assert.False(Directory.Exists(Path.Combine(_folder, "a")));
            Assert.Empty(whatIf.Output);

            var refused = shell.Run("Save-GcOAuthSnapshot -Path $existing", new() { ["existing"] = existing });
            var record = refused.AssertTerminating("SnapshotExists", ErrorCategory.ResourceExists);
            Assert.Contains($"The file '{existing}' already exists; it was left as it is.", record.ToString());
            Assert.Contains("-Force", record.ErrorDetails!.RecommendedAction);
            Assert.Equal("keep me", File.ReadAllText(existing));

            shell.Run("Save-GcOAuthSnapshot -Path $nested; Save-GcOAuthSnapshot -Path $existing -Force", new() { ["nested"] = nested, ["existing"] = existing }).ThrowIfFailed();
            Assert.Equal(File.ReadAllBytes(nested), File.ReadAllBytes(existing));
            Assert.Equal(new[] { "existing.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
            Assert.Equal(new[] { "org.json" }, Directory.GetFiles(Path.GetDirectoryName(nested)!).Select(Path.GetFileName));
        }

        [Fact]
        public async Task A_save_that_fails_leaves_no_file_and_no_temporary_file()
        {
            var organization = LiveOrganization.DemoOrganization();
            organization.Clients[3]["authorizedGrantType"] = "IMPLICIT";
            await using var org = await LiveOrganization.StartAsync(organization);
            var weak = org.Emulator.Credentials.Add("oauth:client:view");
            var target = Path.Combine(_folder, "out", "org.json");
            File.WriteAllText(Path.Combine(_folder, "existing.json"), "keep me");

            var invalid = org.RunConnected($"Save-GcOAuthSnapshot -Path '{target}'");
            var denied = org.Run(LiveOrganization.Connect + $" | Out-Null; Save-GcOAuthSnapshot -Path '{Path.Combine(_folder, "existing.json")}' -Force", weak);

            Assert.Contains("authorizedGrantType 'IMPLICIT' is not one of", invalid.AssertTerminating("SnapshotInvalid", ErrorCategory.InvalidData).ToString());
            Assert.Contains("authorization:role:view", denied.AssertTerminating("MissingPermission", ErrorCategory.PermissionDenied).ToString());
            Assert.False(File.Exists(target));
            Assert.Equal("keep me", File.ReadAllText(Path.Combine(_folder, "existing.json")));
            Assert.Equal(new[] { "existing.json" }, Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        }

        [Fact]
        public async Task Ctrl_C_while_the_organization_is_read_stops_within_a_second_and_writes_nothing()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.RunConnected("Get-GcContext | Out-Null").ThrowIfFailed();
            org.Emulator.Faults.Enqueue(Fault.Hang("/api/v2/authorization/roles"));
            var target = Path.Combine(_folder, "stopped", "org.json");
            using var shell = await PromptStop.AfterAsync(
                org.Shell.Runspace,
                $"Save-GcOAuthSnapshot -Path '{target}'",
                () => Eventually.WaitUntil(() => org.Emulator.InFlightRequestCount > 0 && org.Emulator.Requests.Any(request => request.Path == "/api/v2/authorization/roles"), "the save never reached the roles"),
                TimeSpan.FromSeconds(1));

            Assert.False(Directory.Exists(Path.GetDirectoryName(target)), "nothing is written before the whole organization is read");
        }

        [Theory]
        [InlineData("newer", "{\n  \"schemaVersion\": 3,\n  \"kind\": \"OAuthAudit.Snapshot\",\n  \"tool\": { \"name\": \"OAuthAudit\", \"version\": \"1.4.0\" }\n}\n", "line 2, column 20: schemaVersion 3: the file was written by a newer OAuthAudit (OAuthAudit 1.4.0); this version reads schemaVersion 1 to 2. Update the module to read it.")]
        [InlineData("truncated", "{\n  \"schemaVersion\": 2,\n  \"kind\": \"OAuthAudit.Snapshot\",\n  \"organization\": {\n    \"id\": \"202f", "the file is truncated at line 5: the JSON ends before the document does")]
        [InlineData("baseline", null, "this is a baseline (YAML with 'apiVersion: oauthaudit/...' and 'kind: Baseline'), not a snapshot")]
        [InlineData("run", """{ "schemaVersion": 1, "tool": { "name": "OAuthAudit", "version": "0.2.0" }, "organization": { "id": "o", "name": "n", "region": null }, "dataSource": { "kind": "Live", "capturedAt": null }, "summary": { "clients": 0 }, "results": [], "errors": [] }""", "this is an audit-run document (it has 'dataSource', 'summary' and 'results')")]
        public void Loading_says_what_a_file_is_when_it_is_not_a_snapshot_it_can_read(string name, string? content, string fragment)
        {
            using var shell = new PowerShellSession();
            var path = content == null ? Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml") : Path.Combine(_folder, name + ".json");
            if (content != null)
            {
                File.WriteAllText(path, content);
            }

            var result = shell.Run("Connect-GcOrganization -SnapshotPath $path", new() { ["path"] = path });

            var record = result.AssertTerminating("SnapshotInvalid", ErrorCategory.InvalidData);
            Assert.Contains($"Snapshot '{path}'", record.ToString());
            Assert.Contains(fragment, record.ToString());
            Assert.Empty(shell.Run("Get-GcContext").Output);
        }

        private static JObject Load(string path)
        {
            using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
            return JObject.Load(reader);
        }
    }
}
