using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Connection options resolve without a runspace; the environment variables are passed in, never read.</summary>
    public class ConnectionOptionsTests
    {
        private static readonly IReadOnlyDictionary<string, string?> NoVariables = new Dictionary<string, string?>();

        [Fact]
        public void The_variables_give_the_credentials_and_the_environment()
        {
            var variables = new Dictionary<string, string?>
            {
                [ConnectionOptions.ClientIdVariable] = "  client-1 ",
                [ConnectionOptions.ClientSecretVariable] = "s3cret",
                [ConnectionOptions.EnvironmentVariable] = " mypurecloud.ie ",
            };

            var request = new ConnectionOptions().Resolve(variables);

            Assert.Equal("client-1", request.Credential!.ClientId);
            Assert.Equal(new Uri("https://api.mypurecloud.ie/"), request.Endpoint.ApiBaseUri);
            Assert.Equal(new Uri("https://login.mypurecloud.ie/"), request.Endpoint.LoginBaseUri);
            Assert.Null(request.AccessToken);
        }

        [Fact]
        public void A_region_wins_over_the_environment_variable_and_retry_settings_carry_through()
        {
            var variables = new Dictionary<string, string?> { [ConnectionOptions.EnvironmentVariable] = "mypurecloud.ie" };
            var options = new ConnectionOptions
            {
                CredentialSource = CredentialSource.ClientSecret,
                ClientId = "client-1",
                ClientSecret = SecureText.Protect("s3cret"),
                Region = "eu-central-1",
                MaxRetryCount = 2,
                MaxRetryWait = TimeSpan.FromSeconds(7),
                RequestTimeout = TimeSpan.FromSeconds(9),
                MaxResponseBytes = 4096,
            };

            var request = options.Resolve(variables);

            Assert.Equal("eu-central-1", request.Endpoint.Region);
            Assert.Equal(2, request.RetryPolicy.MaxRetryCount);
            Assert.Equal(TimeSpan.FromSeconds(7), request.RetryPolicy.MaxRetryWait);
            Assert.Equal(TimeSpan.FromSeconds(9), request.RetryPolicy.RequestTimeout);
            Assert.Equal(4096, request.MaxResponseBytes);
        }

        [Fact]
        public void Explicit_addresses_without_a_name_make_a_custom_endpoint()
        {
            var options = new ConnectionOptions { CredentialSource = CredentialSource.AccessToken, AccessToken = SecureText.Protect("token"), ApiBaseUri = new Uri("http://127.0.0.1:5000") };

            var request = options.Resolve(NoVariables);

            Assert.Null(request.Endpoint.Region);
            Assert.Equal(new Uri("http://127.0.0.1:5000/"), request.Endpoint.ApiBaseUri);
            Assert.Null(request.Credential);
            Assert.NotNull(request.AccessToken);
        }

        [Fact]
        public void Missing_variables_are_named()
        {
            var variables = new Dictionary<string, string?> { [ConnectionOptions.ClientIdVariable] = "client-1" };

            var error = Assert.Throws<ConnectionOptionsException>(() => new ConnectionOptions().Resolve(variables));

            Assert.Equal(ConnectionProblem.MissingCredentials, error.Problem);
            Assert.Equal(new[] { ConnectionOptions.ClientSecretVariable }, error.MissingVariables);
            Assert.Equal(CredentialSource.EnvironmentVariables, error.CredentialSource);
        }

        [Theory]
        [InlineData(CredentialSource.AccessToken, ConnectionProblem.MissingCredentials)]
        [InlineData(CredentialSource.ClientSecret, ConnectionProblem.MissingCredentials)]
        public void Empty_credentials_are_missing_credentials(CredentialSource source, ConnectionProblem problem)
        {
            var options = new ConnectionOptions { CredentialSource = source, ClientId = "client-1", ClientSecret = SecureText.Protect(" "), AccessToken = SecureText.Protect(" ") };

            Assert.Equal(problem, Assert.Throws<ConnectionOptionsException>(() => options.Resolve(NoVariables)).Problem);
        }

        [Fact]
        public void A_client_id_too_long_to_be_one_is_invalid_credentials()
        {
            var options = new ConnectionOptions { CredentialSource = CredentialSource.Credential, ClientId = new string('a', 300), ClientSecret = SecureText.Protect("s3cret") };

            var error = Assert.Throws<ConnectionOptionsException>(() => options.Resolve(NoVariables));

            Assert.Equal(ConnectionProblem.InvalidCredentials, error.Problem);
            Assert.Contains("300 characters long", error.Message);
        }

        [Theory]
        [InlineData("eu-west-1", "mypurecloud.ie", null, ConnectionProblem.InvalidEndpoint)]
        [InlineData(null, "mypurecloud.iee", null, ConnectionProblem.InvalidEndpoint)]
        [InlineData(null, null, "http://api.example.com/", ConnectionProblem.InsecureEndpoint)]
        public void Bad_locations_are_endpoint_problems(string? region, string? environment, string? api, ConnectionProblem problem)
        {
            var options = new ConnectionOptions { CredentialSource = CredentialSource.ClientSecret, ClientId = "client-1", ClientSecret = SecureText.Protect("s3cret"), Region = region, Environment = environment, ApiBaseUri = api == null ? null : new Uri(api) };

            var error = Assert.Throws<ConnectionOptionsException>(() => options.Resolve(NoVariables));

            Assert.Equal(problem, error.Problem);
            Assert.Equal(region != null && environment != null, error.RegionAndEnvironment);
            Assert.NotNull(error.Target);
        }

        [Fact]
        public void An_invalid_environment_variable_is_an_endpoint_problem_naming_it()
        {
            var variables = new Dictionary<string, string?> { [ConnectionOptions.EnvironmentVariable] = "not a domain" };

            var error = Assert.Throws<ConnectionOptionsException>(() => new ConnectionOptions { CredentialSource = CredentialSource.AccessToken, AccessToken = SecureText.Protect("t") }.Resolve(variables));

            Assert.Equal(ConnectionProblem.InvalidEndpoint, error.Problem);
            Assert.Equal("not a domain", error.Target);
        }
    }
}
