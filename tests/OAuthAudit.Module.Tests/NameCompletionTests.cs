using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>-Name completes from what the context already holds; completion itself never sends a request.</summary>
    public class NameCompletionTests
    {
        private const string Complete =
            "function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText }\n";

        [Fact]
        public void A_snapshot_context_completes_every_kind_of_name_quoted_where_needed()
        {
            using var shell = new PowerShellSession();
            shell.Run("Connect-GcOrganization -SnapshotPath $snapshot | Out-Null", new() { ["snapshot"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();

            Assert.Equal(new[] { "'Legacy Agent Desktop'", "'Legacy IVR Middleware'", "'Legacy Reporting Scripts'", "'Legacy Web Chat v2 Widget'" }, Lines(shell, "Complete 'Get-GcOAuthClient -Name Legacy'"));
            Assert.Equal(new[] { "'Legacy IVR Middleware'" }, Lines(shell, "Complete \"Get-GcOAuthClient -Name 'legacy i\""));
            Assert.Equal(new[] { "analytics", "analytics:readonly" }, Lines(shell, "Complete 'Get-GcOAuthScope -Name analytics'"));
            Assert.Equal(new[] { "'Communicate - Admin'", "'Communicate - User'" }, Lines(shell, "Complete 'Get-GcAuthorizationRole -Name Comm'"));
            Assert.Equal(new[] { "'IT & Integrations'" }, Lines(shell, "Complete 'Get-GcAuthorizationDivision IT'"));
        }

        [Fact]
        public async Task A_live_context_completes_only_what_was_read_and_completion_sends_no_request()
        {
            var organization = LiveOrganization.DemoOrganization();
            organization.Clients[0]["name"] = "O'Brien's [test] bot";
            await using var org = await LiveOrganization.StartAsync(organization);
            org.RunConnected(string.Empty).ThrowIfFailed();
            await BackgroundReadsDone(org.Emulator);
            var seen = org.Emulator.Requests.Count;

            // The scope registry, divisions and client listing are read when connecting, in the background, and the
            // roles that listing references once it is in: those roles complete, the client names do not (the
            // listing is kept only for the command that takes it).
            var before = org.Run(Complete + "Complete 'Get-GcOAuthClient -Name O'").ThrowIfFailed();
            var beforeRoles = org.Run(Complete + "Complete 'Get-GcAuthorizationRole -Name C'").ThrowIfFailed();

            Assert.Empty(before.Output);
            Assert.Equal(new[] { "'CX as Code Deployer'" }, beforeRoles.Output.Select(item => item.ToString()));
            Assert.Equal(seen, org.Emulator.Requests.Count);

            org.Run("Get-GcOAuthClient | Out-Null; Get-GcAuthorizationRole | Out-Null").ThrowIfFailed();
            seen = org.Emulator.Requests.Count;
            var after = org.Run(Complete + "Complete \"Get-GcOAuthClient -Name 'O''B\"; '--'; Complete 'Get-GcAuthorizationRole -Name Comm'; '--'; Complete 'Get-GcOAuthScope -Name analytics:'").ThrowIfFailed();

            Assert.Equal(
                new[] { "'O''Brien''s [test] bot'", "--", "'Communicate - Admin'", "'Communicate - User'", "--", "analytics:readonly" },
                after.Output.Select(item => item.ToString()));
            Assert.Equal(seen, org.Emulator.Requests.Count);

            // The completed text is a name Get-GcOAuthClient finds as it is.
            var found = org.Run("Get-GcOAuthClient -Name 'O''Brien''s [test] bot' | ForEach-Object Name").ThrowIfFailed();
            Assert.Equal("O'Brien's [test] bot", Assert.Single(found.Output).ToString());
        }

        /// <summary>Connecting reads the scope registry and divisions in the background: waits until both were answered.</summary>
        private static async Task BackgroundReadsDone(GenesysCloudEmulator emulator)
        {
            var deadline = System.DateTime.UtcNow.AddSeconds(10);
            while (!new[] { "/api/v2/oauth/scopes", "/api/v2/authorization/divisions", "/api/v2/oauth/clients", "/api/v2/authorization/roles" }.All(path => emulator.Requests.Any(request => request.Path == path && request.Finished))
                || emulator.InFlightRequestCount > 0)
            {
                Assert.True(System.DateTime.UtcNow < deadline, "the background reads did not finish");
                await Task.Delay(20);
            }

            await Task.Delay(50);
        }

        [Fact]
        public void Completion_reads_the_context_given_with_Context()
        {
            var other = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oauthaudit-completion-" + System.Guid.NewGuid().ToString("N") + ".json");
            System.IO.File.WriteAllText(other, System.IO.File.ReadAllText(RepositoryPaths.DemoSnapshot).Replace("\"analytics:readonly\"", "\"analytics:readonly-elsewhere\""));
            try
            {
                using var shell = new PowerShellSession();
                shell.Run("$demo = Connect-GcOrganization -SnapshotPath $snapshot; Connect-GcOrganization -SnapshotPath $other | Out-Null", new() { ["snapshot"] = RepositoryPaths.DemoSnapshot, ["other"] = other }).ThrowIfFailed();

                var current = Lines(shell, "Complete 'Get-GcOAuthScope -Name analytics:'");
                var given = Lines(shell, "Complete 'Get-GcOAuthScope -Context $demo -Name analytics:'");

                Assert.Equal(new[] { "analytics:readonly-elsewhere" }, current);
                Assert.Equal(new[] { "analytics:readonly" }, given);
            }
            finally
            {
                System.IO.File.Delete(other);
            }
        }

        private static string[] Lines(PowerShellSession shell, string script) =>
            shell.Run(Complete + script).ThrowIfFailed().Output.Select(item => item.ToString()).ToArray();
    }
}
