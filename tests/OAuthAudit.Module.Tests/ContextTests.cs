using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    public class ContextTests
    {
        [Fact]
        public async Task Two_organizations_are_audited_side_by_side_with_Context()
        {
            await using var northwind = await LiveOrganization.StartAsync();
            var contoso = LiveOrganization.DemoOrganization();
            contoso.Organization["name"] = "Contoso Support";
            contoso.Clients.RemoveRange(3, contoso.Clients.Count - 3);
            await using var second = await GenesysCloudEmulator.StartAsync(contoso);

            var result = northwind.Run("""
                $north = Connect-GcOrganization -ClientId $clientId -ClientSecret $secret -LoginBaseUri $login -ApiBaseUri $api
                $south = Connect-GcOrganization -ClientId $otherId -ClientSecret $otherSecret -LoginBaseUri $otherLogin -ApiBaseUri $otherApi
                (Get-GcOAuthClient -Context $north).Count
                (Get-GcOAuthClient -Context $south).Count
                (Get-GcOAuthClient).Count
                (Get-GcContext).OrganizationName
                (Get-GcOAuthClient -Context $north)[0].OrganizationName
                """.Insert(0, SecondOrganizationVariables(second)));

            result.ThrowIfFailed();
            ReadOnlyGuard.Verify(second);
            Assert.Equal(new object[] { 40, 3, 3, "Contoso Support", "Northwind Contact Center" }, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public void Each_runspace_has_its_own_current_context()
        {
            using var first = new PowerShellSession();
            using var second = new PowerShellSession();

            first.Run("Connect-GcOrganization -SnapshotPath $path | Out-Null", new() { ["path"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();

            Assert.Equal("Northwind Contact Center", first.Run("(Get-GcContext).OrganizationName").ThrowIfFailed().Output.Single().BaseObject);
            Assert.Empty(second.Run("Get-GcContext").ThrowIfFailed().Output);
            second.Run("Get-GcOAuthClient").AssertTerminating("NotConnected", System.Management.Automation.ErrorCategory.InvalidOperation);
        }

        private static string SecondOrganizationVariables(GenesysCloudEmulator second) =>
            $"$otherId = '{second.Auditor.ClientId}'; $otherSecret = [securestring]::new(); '{second.Auditor.Secret}'.ToCharArray() | ForEach-Object {{ $otherSecret.AppendChar($_) }}; " +
            $"$otherLogin = '{second.LoginBaseUri}'; $otherApi = '{second.ApiBaseUri}'\n";
    }
}
