using System.Management.Automation;
using OAuthAudit.Engine.Connections;

namespace OAuthAudit.Errors
{
    /// <summary>The one place a <see cref="ConnectionOptionsException"/> becomes an ErrorRecord in Connect-GcOrganization's terms.</summary>
    internal static class ConnectionErrorRecords
    {
        public static ErrorRecord From(ConnectionOptionsException problem, ConnectionOptions options)
        {
            switch (problem.Problem)
            {
                case ConnectionProblem.InsecureEndpoint:
                    return ErrorRecords.Create(problem.InnerException ?? problem, ErrorIds.InsecureEndpoint, ErrorCategory.SecurityError, problem.Target, "Use an https:// address.");
                case ConnectionProblem.InvalidEndpoint when problem.RegionAndEnvironment:
                    return ErrorRecords.Create($"-Region '{options.Region}' and -Environment '{options.Environment}' both name where the organization is; give one of them.",
                        ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, problem.Target, "Use -Region (for example eu-west-1) or -Environment (for example mypurecloud.ie), not both.");
                case ConnectionProblem.InvalidEndpoint:
                    return ErrorRecords.Create(problem.InnerException ?? problem, ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, problem.Target,
                        "Use -Region with a region name or -Environment with the region's domain, such as mypurecloud.ie (Tab completes both); for a proxy or another host, give -ApiBaseUri (and -LoginBaseUri) without -Environment; they take absolute https:// addresses.");
                case ConnectionProblem.InvalidCredentials:
                    return ErrorRecords.Create($"{problem.Message} Check {SourceOf(problem.CredentialSource)}.", ErrorIds.InvalidCredentials, ErrorCategory.InvalidArgument, null,
                        "Give the OAuth client's id as Genesys Cloud shows it (Admin > Integrations > OAuth).");
                case ConnectionProblem.MissingCredentials when problem.CredentialSource == CredentialSource.AccessToken:
                    return ErrorRecords.Create(problem.Message, ErrorIds.MissingCredentials, ErrorCategory.InvalidArgument, null,
                        "Give -AccessToken a token Genesys Cloud issued, as a SecureString, or connect with a client id and secret.");
                case ConnectionProblem.MissingCredentials when problem.MissingVariables.Count > 0:
                    return ErrorRecords.Create(
                        $"No credentials to connect with: no -ClientId/-ClientSecret, -Credential or -AccessToken was given, and the environment variable(s) {string.Join(" and ", problem.MissingVariables)} are not set.",
                        ErrorIds.MissingCredentials, ErrorCategory.InvalidArgument, null,
                        $"Pass -ClientId and -ClientSecret (a SecureString), or -Credential, or set {ConnectionOptions.ClientIdVariable} and {ConnectionOptions.ClientSecretVariable}; or use -SnapshotPath to work offline.");
                default:
                    return ErrorRecords.Create($"{problem.Message} Check {SourceOf(problem.CredentialSource)}.", ErrorIds.MissingCredentials, ErrorCategory.InvalidArgument, null,
                        "Give the OAuth client's id and its secret.");
            }
        }

        private static string SourceOf(CredentialSource source) => source switch
        {
            CredentialSource.ClientSecret => "-ClientId/-ClientSecret",
            CredentialSource.Credential => "-Credential (user name = client id, password = client secret)",
            CredentialSource.AccessToken => "-AccessToken",
            _ => $"{ConnectionOptions.ClientIdVariable}/{ConnectionOptions.ClientSecretVariable}",
        };
    }
}
