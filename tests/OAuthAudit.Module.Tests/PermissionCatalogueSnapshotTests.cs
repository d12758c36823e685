using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>The demo snapshot with and without its permission catalogue: the same findings, expanded and placed only with it.</summary>
    public class PermissionCatalogueSnapshotTests : IDisposable
    {
        private const string Audit = """
            Connect-GcOrganization -SnapshotPath $path | Out-Null
            Get-GcOAuthClient -Name 'Okta SCIM Provisioning', 'Jenkins Flow Deployment (CI)' -Verbose | Test-GcOAuthClientScope -Baseline $baseline -Expand |
                Where-Object RuleId -eq 'NW-009' | ForEach-Object Message
            """;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-catalogue-" + Guid.NewGuid().ToString("N"));
        private readonly PowerShellSession _shell = new PowerShellSession();

        public PermissionCatalogueSnapshotTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void The_demo_catalogue_places_a_one_division_grant_and_an_old_snapshot_still_audits_and_says_what_it_lacks()
        {
            var demo = JObject.Parse(File.ReadAllText(RepositoryPaths.DemoSnapshot));
            demo.Remove("permissions");
            var old = Path.Combine(_folder, "old.json");
            File.WriteAllText(old, demo.ToString());
            var baseline = Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml");

            var current = _shell.Run(Audit + " -WarningAction SilentlyContinue", new() { ["path"] = RepositoryPaths.DemoSnapshot, ["baseline"] = baseline }).ThrowIfFailed();
            var without = _shell.Run(Audit + " -WarningAction SilentlyContinue", new() { ["path"] = old, ["baseline"] = baseline }).ThrowIfFailed();

            const string Jenkins = "'Jenkins Flow Deployment (CI)' can widen access: role 'Developer' (Home) grants 'oauth:client:add' (can create an OAuth client and give it roles); "
                + "and 'oauth:client:edit' (can add roles and scopes to any OAuth client, itself included)";
            Assert.Contains(Jenkins + ", organization-wide (not division-aware).", current.Output.Select(item => item.ToString()));
            Assert.Contains(Jenkins + ".", without.Output.Select(item => item.ToString()));
            Assert.Equal(current.Output.Count, without.Output.Count);
            Assert.Contains(current.Verbose, line => line == "Permission catalogue: 151 permissions (from the snapshot)");
            Assert.Contains(without.Verbose, line => line.StartsWith("Permission catalogue: the snapshot has none, so a '*' in a role's permissions is not expanded", StringComparison.Ordinal));
        }
    }
}
