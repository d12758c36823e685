using System.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void Demo_snapshot_lists_clients()
        {
            using var session = new PowerShellSession();
            var result = session.Run("Connect-GcOrganization -SnapshotPath $p | Out-Null; Get-GcOAuthClient", new() { ["p"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();
            Assert.Equal(40, result.Output.Count);
        }
    }
}
