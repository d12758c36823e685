using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    public class SecretLeakTests
    {
        [Fact]
        public async Task No_secret_or_token_appears_in_any_stream_error_object_or_console_output()
        {
            await using var org = await LiveOrganization.StartAsync();
            var weak = org.Emulator.Credentials.Add("authorization:role:view");
            var impostor = new EmulatorCredential { ClientId = org.Emulator.Auditor.ClientId, Secret = "wrong-secret-" + Guid.NewGuid().ToString("N") };
            org.Emulator.Faults.Enqueue(new Fault("/api/v2/oauth/clients", 429) { RetryAfter = TimeSpan.FromSeconds(1) });

            var runs = new List<ScriptResult>
            {
                org.Run("""
                    $context = Connect-GcOrganization -ClientId $clientId -ClientSecret $secret -LoginBaseUri $login -ApiBaseUri $api -MaxRetryWait 0.2 -Verbose -Debug
                    $context
                    $context | Out-Default
                    "$context"
                    Get-GcContext -Verbose -Debug | Out-Default
                    Get-GcOAuthClient -Verbose -Debug
                    Get-GcOAuthClient -Verbose -Debug | Out-Default
                    Get-GcOAuthScope -Name 'oauth*' -Verbose -Debug | Out-Default
                    Get-GcOAuthClient -Id 'no-such-client' -Verbose -Debug
                    $revokeTokens.Invoke()
                    Get-GcOAuthClient -Name '*Salesforce*' -Verbose -Debug
                    Get-GcAuthorizationRole -Verbose -Debug | Out-Default
                    Get-GcAuthorizationDivision -Verbose -Debug | Out-Default
                    Get-GcOAuthBaseline -Verbose -Debug | Out-Default
                    Get-GcOAuthClient | Test-GcOAuthClientScope -Verbose -Debug | Out-Default
                    Get-GcOAuthClient | Test-GcOAuthClientScope -Expand -Verbose -Debug
                    Test-GcOAuthClientScope -ClientId 'no-such-client' -Verbose -Debug
                    Get-GcOAuthClient | Assert-GcOAuthClientScope -Verbose -Debug
                    Disconnect-GcOrganization -PassThru -Verbose -Debug
                    """),
                org.Run("Connect-GcOrganization -ClientId $clientId -ClientSecret $secret -LoginBaseUri $login -ApiBaseUri $api -Verbose -Debug", impostor),
                org.Run("Connect-GcOrganization -ClientId $clientId -ClientSecret $secret -LoginBaseUri $login -ApiBaseUri $api -Verbose -Debug | Out-Null; Get-GcOAuthClient -Verbose -Debug", weak),
                org.Run("Connect-GcOrganization -Credential ([pscredential]::new($clientId, $secret)) -LoginBaseUri $login -ApiBaseUri $api -Verbose -Debug | Out-Default"),
                org.Shell.Run(
                    "Connect-GcOrganization -AccessToken $token -LoginBaseUri $api -ApiBaseUri $api -Verbose -Debug | Out-Default; Get-GcOAuthScope -Name oauth -Verbose -Debug",
                    new() { ["token"] = LiveOrganization.Secure(org.Emulator.IssuedTokens.FirstOrDefault() ?? "none"), ["api"] = org.Emulator.ApiBaseUri }),
                org.Shell.Run("$Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_.InvocationInfo.Line }"),
            };

            var secrets = new[] { org.Emulator.Auditor.Secret, impostor.Secret, weak.Secret }
                .Concat(org.Emulator.IssuedTokens)
                .Concat(new[] { org.Emulator.Auditor, impostor, weak }.Select(who => Convert.ToBase64String(Encoding.UTF8.GetBytes(who.ClientId + ":" + who.Secret))))
                .ToArray();
            Assert.True(org.Emulator.IssuedTokenCount >= 3, "the runs obtained and renewed tokens");
            Assert.Contains(runs[0].Verbose, line => line.Contains("/api/v2/oauth/clients -> 429"));
            Assert.Contains(runs[1].AllErrors, error => error.FullyQualifiedErrorId.StartsWith("CredentialsRejected,"));
            Assert.Contains(runs[2].AllErrors, error => error.FullyQualifiedErrorId.StartsWith("MissingPermission,"));
            var everything = runs.SelectMany(run => run.AllText()).Append(org.Shell.Host.Text).ToArray();
            Assert.Contains(everything, text => text.Contains("Northwind Contact Center"));
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.Ordinal));
            }
        }
    }
}
