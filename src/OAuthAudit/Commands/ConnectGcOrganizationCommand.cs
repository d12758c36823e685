using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    [Cmdlet(VerbsCommunications.Connect, "GcOrganization", DefaultParameterSetName = EnvironmentVariablesSet)]
    [OutputType(typeof(GcContext))]
    public sealed class ConnectGcOrganizationCommand : GcCmdlet
    {
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
            var options = new ConnectionOptions
            {
                CredentialSource = ParameterSetName switch
                {
                    ClientSecretSet => CredentialSource.ClientSecret,
                    CredentialSet => CredentialSource.Credential,
                    AccessTokenSet => CredentialSource.AccessToken,
                    _ => CredentialSource.EnvironmentVariables,
                },
                ClientId = ParameterSetName == CredentialSet ? Credential!.UserName : ClientId,
                ClientSecret = ParameterSetName == CredentialSet ? Credential!.Password : ClientSecret,
                AccessToken = AccessToken,
                Region = Region,
                Environment = Environment,
                ApiBaseUri = ApiBaseUri,
                LoginBaseUri = LoginBaseUri,
                MaxRetryCount = MaxRetryCount,
                MaxRetryWait = TimeSpan.FromSeconds(MaxRetryWait),
                RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxResponseBytes = MaxResponseSizeMB * 1024L * 1024L,
            };
            LiveConnectionRequest request;
            try
            {
                request = options.Resolve(ConnectionOptions.Variables.ToDictionary(name => name, name => (string?)System.Environment.GetEnvironmentVariable(name)));
            }
            catch (ConnectionOptionsException problem)
            {
                ThrowTerminatingError(ConnectionErrorRecords.From(problem, options));
                throw;
            }

            GcContext? context = null;
            RunAgainstApi(() => context = Connector.ConnectLive(request, Operation), request.Endpoint.ApiBaseUri);
            return context!;
        }
    }
}
