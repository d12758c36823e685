using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Engine.Connections
{
    /// <summary>
    /// Everything a live connection may be given, from the caller's parameters and the environment variables, and
    /// the one place they are combined: which endpoint (region, environment, GENESYS_ENVIRONMENT or explicit
    /// addresses), which credentials (given, or GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET), how hard to retry and how
    /// large an answer may be. <see cref="Resolve"/> reads no process state: the variables are passed in.
    /// </summary>
    public sealed class ConnectionOptions
    {
        public const string ClientIdVariable = "GENESYS_CLIENT_ID";
        public const string ClientSecretVariable = "GENESYS_CLIENT_SECRET";
        public const string EnvironmentVariable = "GENESYS_ENVIRONMENT";

        /// <summary>The variables <see cref="Resolve"/> reads.</summary>
        public static IReadOnlyList<string> Variables { get; } = new[] { ClientIdVariable, ClientSecretVariable, EnvironmentVariable };

        public CredentialSource CredentialSource { get; set; } = CredentialSource.EnvironmentVariables;

        public string? ClientId { get; set; }

        public SecureString? ClientSecret { get; set; }

        public SecureString? AccessToken { get; set; }

        public string? Region { get; set; }

        public string? Environment { get; set; }

        public Uri? ApiBaseUri { get; set; }

        public Uri? LoginBaseUri { get; set; }

        public int MaxRetryCount { get; set; } = RetryPolicy.DefaultMaxRetryCount;

        public TimeSpan MaxRetryWait { get; set; } = RetryPolicy.DefaultMaxRetryWait;

        public TimeSpan RequestTimeout { get; set; } = RetryPolicy.DefaultRequestTimeout;

        public long MaxResponseBytes { get; set; } = HttpTransport.DefaultMaxResponseBytes;

        /// <param name="variables">The environment variables by name (a missing or null entry is unset).</param>
        public LiveConnectionRequest Resolve(IReadOnlyDictionary<string, string?> variables)
        {
            if (CredentialSource == CredentialSource.AccessToken && (AccessToken == null || string.IsNullOrWhiteSpace(SecureText.Reveal(AccessToken))))
            {
                throw Problem(ConnectionProblem.MissingCredentials, "The access token is empty or only white space.");
            }

            var endpoint = ResolveEndpoint(Variable(variables, EnvironmentVariable));
            var credential = ResolveCredential(variables);
            return new LiveConnectionRequest(endpoint, new RetryPolicy(MaxRetryCount, MaxRetryWait, requestTimeout: RequestTimeout), credential,
                CredentialSource == CredentialSource.AccessToken ? AccessToken : null)
            {
                MaxResponseBytes = MaxResponseBytes,
            };
        }

        private GenesysEndpoint ResolveEndpoint(string? fromVariable)
        {
            if (Region != null && Environment != null)
            {
                throw Problem(ConnectionProblem.InvalidEndpoint, $"Both a region ('{Region}') and an environment ('{Environment}') name where the organization is; give one of them.",
                    target: Environment, regionAndEnvironment: true);
            }

            var named = Region ?? Environment ?? (string.IsNullOrWhiteSpace(fromVariable) ? null : fromVariable!.Trim());
            var where = named ?? GenesysRegions.DefaultEnvironment;
            try
            {
                if (named == null && ApiBaseUri != null)
                {
                    return GenesysEndpoint.Custom(ApiBaseUri, LoginBaseUri);
                }

                return GenesysRegions.Names.Contains(where, StringComparer.OrdinalIgnoreCase)
                    ? GenesysEndpoint.ForRegion(where, LoginBaseUri, ApiBaseUri)
                    : GenesysEndpoint.Create(where, LoginBaseUri, ApiBaseUri);
            }
            catch (InsecureEndpointException insecure)
            {
                throw Problem(ConnectionProblem.InsecureEndpoint, insecure.Message, insecure, insecure.Uri);
            }
            catch (ArgumentException invalid)
            {
                throw Problem(ConnectionProblem.InvalidEndpoint, invalid.Message, invalid, where);
            }
        }

        private ClientCredential? ResolveCredential(IReadOnlyDictionary<string, string?> variables)
        {
            switch (CredentialSource)
            {
                case CredentialSource.AccessToken:
                    return null;
                case CredentialSource.EnvironmentVariables:
                    var clientId = Variable(variables, ClientIdVariable);
                    var secret = Variable(variables, ClientSecretVariable);
                    var missing = new[] { string.IsNullOrWhiteSpace(clientId) ? ClientIdVariable : null, string.IsNullOrEmpty(secret) ? ClientSecretVariable : null }
                        .Where(name => name != null).Select(name => name!).ToArray();
                    if (missing.Length > 0)
                    {
                        var error = Problem(ConnectionProblem.MissingCredentials, $"No credentials were given, and the environment variable(s) {string.Join(" and ", missing)} are not set.");
                        error.MissingVariables = missing;
                        throw error;
                    }

                    return NewCredential(clientId!, SecureText.Protect(secret!));
                default:
                    return NewCredential(ClientId ?? string.Empty, ClientSecret ?? new SecureString());
            }
        }

        /// <summary>The client id and secret are checked once, by <see cref="ClientCredential"/>; this only sorts its refusal.</summary>
        private ClientCredential NewCredential(string clientId, SecureString secret)
        {
            try
            {
                return new ClientCredential(clientId, secret);
            }
            catch (ArgumentException invalid)
            {
                var tooLong = clientId.Trim().Length > ClientCredential.MaxClientIdLength;
                throw Problem(tooLong ? ConnectionProblem.InvalidCredentials : ConnectionProblem.MissingCredentials, invalid.Message, invalid);
            }
        }

        private static string? Variable(IReadOnlyDictionary<string, string?> variables, string name) =>
            variables.TryGetValue(name, out var value) ? value : null;

        private ConnectionOptionsException Problem(ConnectionProblem problem, string message, Exception? inner = null, object? target = null, bool regionAndEnvironment = false) =>
            new ConnectionOptionsException(problem, message, CredentialSource, inner) { Target = target, RegionAndEnvironment = regionAndEnvironment };
    }
}
