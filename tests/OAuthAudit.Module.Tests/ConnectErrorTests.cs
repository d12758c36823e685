using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    public class ConnectErrorTests
    {
        [Fact]
        public async Task A_wrong_secret_is_refused_at_connect_naming_the_client()
        {
            await using var org = await LiveOrganization.StartAsync();
            var impostor = new EmulatorCredential { ClientId = org.Emulator.Auditor.ClientId, Secret = "not-the-secret" };

            var result = org.Run(LiveOrganization.Connect, impostor);

            var error = result.AssertTerminating("CredentialsRejected", ErrorCategory.AuthenticationError);
            Assert.Contains($"rejected client id '{org.Emulator.Auditor.ClientId}'", error.ToString());
            Assert.Contains("invalid_client", error.ToString());
            Assert.DoesNotContain(org.Emulator.Requests, request => request.Host == EmulatorHost.Api);
            Assert.Null(org.Shell.Run("Get-GcContext").Output.SingleOrDefault());
        }

        [Fact]
        public async Task An_unknown_client_id_is_refused()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.Run(LiveOrganization.Connect, new EmulatorCredential());

            Assert.Contains("client not found", result.AssertTerminating("CredentialsRejected", ErrorCategory.AuthenticationError).ToString());
        }

        [Fact]
        public async Task A_client_not_allowed_the_client_credentials_grant_is_told_so()
        {
            await using var org = await LiveOrganization.StartAsync();
            var codeClient = org.Emulator.Credentials.Add(new EmulatorCredential { AllowClientCredentials = false });

            var result = org.Run(LiveOrganization.Connect, codeClient);

            var error = result.AssertTerminating("CredentialsRejected", ErrorCategory.AuthenticationError);
            Assert.Contains("is not allowed the Client Credentials grant", error.ToString());
        }

        [Fact]
        public async Task A_missing_permission_is_named()
        {
            await using var org = await LiveOrganization.StartAsync();
            var weak = org.Emulator.Credentials.Add("authorization:role:view");

            var result = org.Run(LiveOrganization.Connect + " | Out-Null; Get-GcOAuthClient", weak);

            var error = result.AssertTerminating("MissingPermission", ErrorCategory.PermissionDenied);
            Assert.Contains("missing the permission oauth:client:view", error.ToString());
            Assert.Contains("code missing.permissions, status 403", error.ToString());
            Assert.Contains("correlation id ", error.ToString());
            Assert.Contains("oauth:client:view", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public async Task A_rejected_access_token_fails_the_connect()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.Shell.Run(
                "Connect-GcOrganization -AccessToken $token -ApiBaseUri $api -LoginBaseUri $api",
                new() { ["token"] = LiveOrganization.Secure("expired-or-made-up"), ["api"] = org.Emulator.ApiBaseUri });

            result.AssertTerminating("TokenRejected", ErrorCategory.AuthenticationError);
        }

        [Fact]
        public async Task A_valid_access_token_connects_without_the_login_host()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.RunConnected("Get-GcOAuthScope -Name oauth | Out-Null").ThrowIfFailed();
            var token = org.Emulator.IssuedTokens.Single();
            org.Emulator.ClearRequests();

            var result = org.Shell.Run(
                "Connect-GcOrganization -AccessToken $token -ApiBaseUri $api -LoginBaseUri $api | Out-Null; (Get-GcOAuthClient).Count; (Get-GcContext).GrantType",
                new() { ["token"] = LiveOrganization.Secure(token), ["api"] = org.Emulator.ApiBaseUri }).ThrowIfFailed();

            Assert.Equal(new object[] { 40, "access_token" }, result.Output.Select(item => item.BaseObject).ToArray());
            Assert.DoesNotContain(org.Emulator.Requests, request => request.Host == EmulatorHost.Login);
        }

        [Theory]
        [InlineData("http://10.20.30.40:8080/")]
        [InlineData("http://api.mypurecloud.com/")]
        public async Task Plain_http_to_a_remote_host_is_refused_before_anything_is_sent(string apiBaseUri)
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.Run("Connect-GcOrganization -ClientId $clientId -ClientSecret $secret -LoginBaseUri $login -ApiBaseUri '" + apiBaseUri + "'");

            Assert.Contains("plain http", result.AssertTerminating("InsecureEndpoint", ErrorCategory.SecurityError).ToString());
            Assert.Empty(org.Emulator.Requests);
        }

        [Theory]
        [InlineData("-Region eu-west-1 -Environment mypurecloud.ie", "InvalidEndpoint", "give one of them")]
        [InlineData("-Environment 'not a domain'", "InvalidEndpoint", "is not a Genesys Cloud environment")]
        public void Contradictory_or_malformed_locations_are_refused(string parameters, string errorId, string message)
        {
            using var shell = new PowerShellSession();

            var result = shell.Run("Connect-GcOrganization -ClientId someone -ClientSecret $secret " + parameters, new() { ["secret"] = LiveOrganization.Secure("x") });

            Assert.Contains(message, result.AssertTerminating(errorId, ErrorCategory.InvalidArgument).ToString());
        }

        [Fact]
        public void An_unknown_region_is_refused_by_validation_listing_the_regions()
        {
            using var shell = new PowerShellSession();

            var result = shell.Run("Connect-GcOrganization -ClientId someone -ClientSecret $secret -Region mars-north-1", new() { ["secret"] = LiveOrganization.Secure("x") });

            var record = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.StartsWith("ParameterArgumentValidationError,", record.FullyQualifiedErrorId);
            Assert.Contains("eusc-de-east-1", record.ToString());
        }

        [Fact]
        public void Region_names_tab_complete()
        {
            using var shell = new PowerShellSession();

            var result = shell.Run("$line = 'Connect-GcOrganization -Region eu-c'; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText").ThrowIfFailed();

            Assert.Equal(new[] { "eu-central-1", "eu-central-2" }, result.Output.Select(item => item.ToString()).ToArray());
        }

        [Fact]
        public void A_mistyped_environment_fails_at_once_naming_the_known_domains()
        {
            using var shell = new PowerShellSession();
            var watch = System.Diagnostics.Stopwatch.StartNew();

            var result = shell.Run("Connect-GcOrganization -ClientId someone -ClientSecret $secret -Environment mypurecloud.iee", new() { ["secret"] = LiveOrganization.Secure("x") });

            var error = result.AssertTerminating("InvalidEndpoint", ErrorCategory.InvalidArgument);
            Assert.StartsWith("'mypurecloud.iee' is not a Genesys Cloud domain. Did you mean 'mypurecloud.ie'? The known domains: ", error.ToString());
            Assert.Contains("mypurecloud.com.au", error.ToString());
            Assert.Contains("-ApiBaseUri", error.ErrorDetails.RecommendedAction);
            Assert.Equal("mypurecloud.iee", error.TargetObject);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        }

        [Fact]
        public void A_host_that_does_not_resolve_fails_at_once_without_retries()
        {
            using var shell = new PowerShellSession();
            var watch = System.Diagnostics.Stopwatch.StartNew();

            // .invalid never resolves (RFC 2606); ten retries with backoff would take well over a minute.
            var result = shell.Run("Connect-GcOrganization -AccessToken $token -ApiBaseUri https://nonexistent.invalid/ -MaxRetryCount 10 -Verbose", new() { ["token"] = LiveOrganization.Secure("a-token") });

            var error = result.AssertTerminating("NetworkFailure", ErrorCategory.ConnectionError);
            Assert.Contains("the host name 'nonexistent.invalid' could not be resolved", error.ToString());
            Assert.Contains("Not retried", error.ToString());
            Assert.DoesNotContain(result.Verbose, line => line.Contains("retry 1 of"));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        }

        [Fact]
        public void Environment_domains_tab_complete()
        {
            using var shell = new PowerShellSession();

            var result = shell.Run("$line = 'Connect-GcOrganization -Environment mypurecloud.c'; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText").ThrowIfFailed();

            Assert.Equal(new[] { "mypurecloud.com", "mypurecloud.com.au" }, result.Output.Select(item => item.ToString()).ToArray());
        }

        [Fact]
        public void Data_cmdlets_without_a_connection_say_how_to_connect()
        {
            using var shell = new PowerShellSession();

            var result = shell.Run("Get-GcOAuthClient");

            var error = result.AssertTerminating("NotConnected", ErrorCategory.InvalidOperation);
            Assert.Contains("Connect-GcOrganization", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_disconnected_context_cannot_be_used()
        {
            using var shell = new PowerShellSession();

            var result = shell.Run("""
                $context = Connect-GcOrganization -SnapshotPath $path
                Disconnect-GcOrganization
                Get-GcContext
                Get-GcOAuthClient -Context $context
                """, new() { ["path"] = RepositoryPaths.DemoSnapshot });

            Assert.Empty(result.Output);
            Assert.Contains("which Disconnect-GcOrganization has closed", result.AssertTerminating("NotConnected", ErrorCategory.InvalidOperation).ToString());
        }

        [Fact]
        public void A_missing_snapshot_file_or_a_folder_is_refused()
        {
            using var shell = new PowerShellSession();

            var missing = shell.Run("Connect-GcOrganization -SnapshotPath ./no-such-file.json");
            var folder = shell.Run("Connect-GcOrganization -SnapshotPath $folder", new() { ["folder"] = Path.GetTempPath() });

            Assert.Contains("There is no snapshot file", missing.AssertTerminating("SnapshotNotFound", ErrorCategory.ObjectNotFound).ToString());
            Assert.Contains("is a folder", folder.AssertTerminating("SnapshotNotFound", ErrorCategory.ObjectNotFound).ToString());
        }

        [Fact]
        public void A_broken_snapshot_names_file_line_and_problem()
        {
            using var shell = new PowerShellSession();
            var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, "{\n  \"schemaVersion\": 1,\n  \"capturedAt\": \"2026-11-20T06:00:00Z\",\n  \"organization\": { \"id\": \"o\" },\n  \"scopes\": [],\n  \"clients\": [ { \"id\": \"c\", \"authorizedGrantType\": \"IMPLICIT\" } ]\n}");
            try
            {
                var result = shell.Run("Connect-GcOrganization -SnapshotPath $path", new() { ["path"] = path });

                var error = result.AssertTerminating("SnapshotInvalid", ErrorCategory.InvalidData);
                Assert.Contains($"Snapshot '{path}', line 6, column ", error.ToString());
                Assert.Contains("authorizedGrantType 'IMPLICIT' is not one of", error.ToString());
                Assert.Null(shell.Run("Get-GcContext").Output.SingleOrDefault());
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
