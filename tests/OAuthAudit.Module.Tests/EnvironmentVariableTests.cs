using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Environment variables belong to the process: every test that touches them lives in this class, which xunit runs one test at a time.</summary>
    public class EnvironmentVariableTests
    {
        private static readonly string[] Names = { "GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET", "GENESYS_ENVIRONMENT" };

        [Fact]
        public async Task Without_credential_parameters_the_environment_variables_are_used()
        {
            await using var org = await LiveOrganization.StartAsync();
            using var variables = new ScopedEnvironment(org.Emulator.Auditor.ClientId, org.Emulator.Auditor.Secret, "eu-west-1");

            var result = org.Run("Connect-GcOrganization -LoginBaseUri $login -ApiBaseUri $api | Out-Null; (Get-GcOAuthClient).Count; (Get-GcContext).Region; (Get-GcContext).Environment").ThrowIfFailed();

            Assert.Equal(new object[] { 40, "eu-west-1", "mypurecloud.ie" }, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public void Missing_variables_are_named_with_the_ways_to_connect()
        {
            using var variables = new ScopedEnvironment("someone", null, null);
            using var shell = new PowerShellSession();

            var result = shell.Run("Connect-GcOrganization");

            var error = result.AssertTerminating("MissingCredentials", ErrorCategory.InvalidArgument);
            Assert.Contains("GENESYS_CLIENT_SECRET are not set", error.ToString());
            Assert.DoesNotContain("GENESYS_CLIENT_ID and", error.ToString());
            Assert.Contains("-ClientId and -ClientSecret", error.ErrorDetails.RecommendedAction);
        }

        private sealed class ScopedEnvironment : IDisposable
        {
            private readonly string?[] _saved = Names.Select(Environment.GetEnvironmentVariable).ToArray();

            public ScopedEnvironment(string? clientId, string? secret, string? environment)
            {
                Environment.SetEnvironmentVariable(Names[0], clientId);
                Environment.SetEnvironmentVariable(Names[1], secret);
                Environment.SetEnvironmentVariable(Names[2], environment);
            }

            public void Dispose()
            {
                for (var index = 0; index < Names.Length; index++)
                {
                    Environment.SetEnvironmentVariable(Names[index], _saved[index]);
                }
            }
        }
    }
}
