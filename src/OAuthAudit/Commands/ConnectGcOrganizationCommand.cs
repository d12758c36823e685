using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    [Cmdlet(VerbsCommunications.Connect, "GcOrganization", DefaultParameterSetName = EnvironmentVariablesSet)]
    [OutputType(typeof(GcContext))]
    public sealed class ConnectGcOrganizationCommand : GcCmdlet
    {
        public const string ClientIdVariable = "GENESYS_CLIENT_ID";
        public const string ClientSecretVariable = "GENESYS_CLIENT_SECRET";
        public const string EnvironmentVariable = "GENESYS_ENVIRONMENT";

        private const string ClientSecretSet = "ClientSecret";
        private const string CredentialSet = "Credential";
        private const string AccessTokenSet = "AccessToken";
        private const string EnvironmentVariablesSet = "EnvironmentVariables";
        private const string SnapshotSet = "Snapshot";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClientSecretSet)]
        [ValidateText(256)]
        public string ClientId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ClientSecretSet)]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SnapshotSet)]
        [ValidateText(4096)]
        [Alias("Path")]
        public string SnapshotPath { get; set; } = string.Empty;

        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateRegion]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateText(253)]
        [ArgumentCompleter(typeof(EnvironmentCompleter))]
        public string? Environment { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateNotNull]
        public Uri? ApiBaseUri { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateNotNull]
        public Uri? LoginBaseUri { get; set; }

        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateRange(0, 20)]
        public int MaxRetryCount { get; set; } = RetryPolicy.DefaultMaxRetryCount;

        /// <summary>Seconds: the longest single wait before a retry (a longer Retry-After is capped to it).</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateRange(0.0, 3600.0)]
        public double MaxRetryWait { get; set; } = RetryPolicy.DefaultMaxRetryWait.TotalSeconds;

        /// <summary>Seconds one request may take before it counts as failed (and is retried).</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = (int)RetryPolicy.DefaultRequestTimeout.TotalSeconds;

        /// <summary>MiB: the largest answer read; a larger one is an InvalidApiResponse error, not an out-of-memory.</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [Parameter(ParameterSetName = EnvironmentVariablesSet)]
        [ValidateRange(1, 4096)]
        public int MaxResponseSizeMB { get; set; } = DefaultMaxResponseSizeMB;

        private const int DefaultMaxResponseSizeMB = 256;

        protected override void EndProcessing()
        {
            var context = ParameterSetName == SnapshotSet ? OpenSnapshot() : OpenLive();
            SessionContexts.Current = context;
            WriteVerbose($"Connected to {context}. This is now the session's current context.");
            WriteObject(context);
        }

        private GcContext OpenSnapshot() => InputFile.Snapshot.Read(this, SnapshotPath, Connector.ConnectSnapshot);

        private GcContext OpenLive()
        {
            if (AccessToken != null && string.IsNullOrWhiteSpace(SecureText.Reveal(AccessToken)))
            {
                ThrowTerminatingError(ErrorRecords.Create("The access token is empty or only white space.", ErrorIds.MissingCredentials, ErrorCategory.InvalidArgument, null,
                    "Give -AccessToken a token Genesys Cloud issued, as a SecureString, or connect with a client id and secret."));
            }

            var request = new LiveConnectionRequest(Endpoint(), new RetryPolicy(MaxRetryCount, TimeSpan.FromSeconds(MaxRetryWait), requestTimeout: TimeSpan.FromSeconds(TimeoutSec)), Credentials(), AccessToken)
            {
                MaxResponseBytes = MaxResponseSizeMB * 1024L * 1024L,
            };
            GcContext? context = null;
            RunAgainstApi(() => context = Connector.ConnectLive(request, Operation), request.Endpoint.ApiBaseUri);
            return context!;
        }

        private GenesysEndpoint Endpoint()
        {
            if (Region != null && Environment != null)
            {
                ThrowTerminatingError(ErrorRecords.Create($"-Region '{Region}' and -Environment '{Environment}' both name where the organization is; give one of them.",
                    ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, Environment, "Use -Region (for example eu-west-1) or -Environment (for example mypurecloud.ie), not both."));
            }

            var fromVariable = System.Environment.GetEnvironmentVariable(EnvironmentVariable);
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
                ThrowTerminatingError(ErrorRecords.Create(insecure, ErrorIds.InsecureEndpoint, ErrorCategory.SecurityError, insecure.Uri, "Use an https:// address."));
                throw;
            }
            catch (ArgumentException invalid)
            {
                ThrowTerminatingError(ErrorRecords.Create(invalid, ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, where,
                    "Use -Region with a region name or -Environment with the region's domain, such as mypurecloud.ie (Tab completes both); for a proxy or another host, give -ApiBaseUri (and -LoginBaseUri) without -Environment; they take absolute https:// addresses."));
                throw;
            }
        }

        private ClientCredential? Credentials()
        {
            switch (ParameterSetName)
            {
                case ClientSecretSet:
                    return NewCredential(ClientId, ClientSecret!, "-ClientId/-ClientSecret");
                case CredentialSet:
                    return NewCredential(Credential!.UserName, Credential.Password, "-Credential (user name = client id, password = client secret)");
                case AccessTokenSet:
                    return null;
                default:
                    return CredentialsFromEnvironment();
            }
        }

        private ClientCredential CredentialsFromEnvironment()
        {
            var clientId = System.Environment.GetEnvironmentVariable(ClientIdVariable);
            var secret = System.Environment.GetEnvironmentVariable(ClientSecretVariable);
            var missing = string.Join(" and ", new[] { string.IsNullOrWhiteSpace(clientId) ? ClientIdVariable : null, string.IsNullOrEmpty(secret) ? ClientSecretVariable : null }
                .Where(name => name != null));
            if (missing.Length > 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    $"No credentials to connect with: no -ClientId/-ClientSecret, -Credential or -AccessToken was given, and the environment variable(s) {missing} are not set.",
                    ErrorIds.MissingCredentials, ErrorCategory.InvalidArgument, null,
                    $"Pass -ClientId and -ClientSecret (a SecureString), or -Credential, or set {ClientIdVariable} and {ClientSecretVariable}; or use -SnapshotPath to work offline."));
            }

            return NewCredential(clientId!, SecureText.Protect(secret!), $"{ClientIdVariable}/{ClientSecretVariable}");
        }

        private ClientCredential NewCredential(string clientId, SecureString secret, string source)
        {
            var length = clientId.Trim().Length;
            if (length > ClientCredential.MaxClientIdLength)
            {
                ThrowTerminatingError(ErrorRecords.Create($"The client id is {length} characters long; a Genesys Cloud client id is a GUID of 36 characters. Check {source}.",
                    ErrorIds.InvalidCredentials, ErrorCategory.InvalidArgument, null, "Give the OAuth client's id as Genesys Cloud shows it (Admin > Integrations > OAuth)."));
            }

            try
            {
                return new ClientCredential(clientId, secret);
            }
            catch (ArgumentException empty)
            {
                ThrowTerminatingError(ErrorRecords.Create($"{empty.Message} Check {source}.", ErrorIds.MissingCredentials, ErrorCategory.InvalidArgument, null,
                    "Give the OAuth client's id and its secret."));
                throw;
            }
        }
    }
}
