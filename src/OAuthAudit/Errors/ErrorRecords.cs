using System;
using System.Management.Automation;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Drift;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Errors
{
    /// <summary>
    /// Builds this module's ErrorRecords: a stable ErrorId, a specific category, the target, and what to do. The
    /// message shown (ErrorDetails) has control characters made visible: it may quote org-supplied names.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string recommendedAction) =>
            Create(exception, DisplayText.Visible(exception.Message)!, errorId, category, target, recommendedAction);

        /// <param name="shownMessage">The message as it may be shown, control characters already made visible.</param>
        private static ErrorRecord Create(Exception exception, string shownMessage, string errorId, ErrorCategory category, object? target, string recommendedAction) =>
            new ErrorRecord(exception, errorId, category, target)
            {
                ErrorDetails = new ErrorDetails(shownMessage) { RecommendedAction = DisplayText.Visible(recommendedAction) },
            };

        public static ErrorRecord Create(string message, string errorId, ErrorCategory category, object? target, string recommendedAction) =>
            Create(new InvalidOperationException(message), errorId, category, target, recommendedAction);

        /// <summary>
        /// The one place an API failure becomes PowerShell: its ErrorId, category and one recommended action (which
        /// may name parameters) from the facts the engine carries. The message is the engine's statement of the facts.
        /// </summary>
        public static ErrorRecord FromApi(GenesysApiException failure, object? target) => failure.Kind switch
        {
            ApiFailureKind.CredentialsRejected => Create(failure, ErrorIds.CredentialsRejected, ErrorCategory.AuthenticationError, target,
                failure.ApiCode == "unauthorized_client" || failure.ApiCode == "unsupported_grant_type"
                    ? "Create or pick an OAuth client whose grant type is Client Credentials, give it a role with oauth:client:view, and connect with its id and secret."
                    : "Check the client id and secret (-ClientId/-ClientSecret, -Credential, or GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET), that the OAuth client uses the Client Credentials grant, and that -Region or -Environment names the organization's region."),
            ApiFailureKind.TokenRejected => Create(failure, ErrorIds.TokenRejected, ErrorCategory.AuthenticationError, target,
                failure.FromLoginService
                    ? "Check -LoginBaseUri or -Environment, and any proxy or gateway between this machine and the Genesys Cloud login service, then run Connect-GcOrganization again."
                    : "Run Connect-GcOrganization again."),
            ApiFailureKind.MissingPermission => Create(failure, ErrorIds.MissingPermission, ErrorCategory.PermissionDenied, target,
                $"Grant the auditing client a role with {string.Join(", ", failure.MissingPermissions)} (Admin > Roles/Permissions), then connect again."),
            ApiFailureKind.NotFound => Create(failure, ErrorIds.ApiRequestFailed, ErrorCategory.ObjectNotFound, target,
                "Check the id or path."),
            ApiFailureKind.RateLimited => Create(failure, ErrorIds.RateLimited, ErrorCategory.LimitsExceeded, target,
                "Wait a minute and run the command again, or connect with a larger -MaxRetryCount or -MaxRetryWait."),
            ApiFailureKind.Unavailable => Create(failure, ErrorIds.ApiUnavailable, ErrorCategory.ResourceUnavailable, target,
                "Check the Genesys Cloud status page and try again later, or connect with a larger -MaxRetryCount."),
            ApiFailureKind.NetworkFailure => Create(failure, ErrorIds.NetworkFailure, ErrorCategory.ConnectionError, target,
                failure.HostNotResolved
                    ? $"Check the host name '{failure.Request.Host}' (a typing mistake in the domain?) and this machine's DNS settings."
                    : $"Check the network path and proxy settings to {failure.Request.Host}, or connect with a larger -TimeoutSec or -MaxRetryCount, and try again."),
            ApiFailureKind.InvalidResponse => Create(failure, ErrorIds.InvalidApiResponse, ErrorCategory.InvalidResult, target, InvalidResponseAction(failure)),
            ApiFailureKind.QueryJobFailed => Create(failure, ErrorIds.QueryJobFailed, ErrorCategory.InvalidResult, target,
                $"Run the command again; if query job {failure.QueryJobId} keeps ending {failure.QueryJobState}, try a shorter usage window (-Days, -UsageDays) and quote the correlation id to Genesys Cloud support."),
            ApiFailureKind.QueryJobTimedOut => Create(failure, ErrorIds.QueryJobTimedOut, ErrorCategory.OperationTimeout, target,
                "Genesys Cloud is slow to run the query: run the command again later, or with a shorter usage window (-Days, -UsageDays)."),
            _ => Create(failure, ErrorIds.ApiRequestFailed, failure.StatusCode == 400 ? ErrorCategory.InvalidArgument : ErrorCategory.ProtocolError, target,
                failure.FromLoginService
                    ? "Check that -LoginBaseUri or -Environment points at a Genesys Cloud login service."
                    : "Quote the correlation id to Genesys Cloud support if the problem persists."),
        };

        private static string InvalidResponseAction(GenesysApiException failure)
        {
            if (failure.ResponseLimitBytes.HasValue)
            {
                return "Check any proxy or gateway between this machine and Genesys Cloud, or connect with a larger -MaxResponseSizeMB if the organization really is that big.";
            }

            if (failure.StatusCode >= 300 && failure.StatusCode < 400)
            {
                return "Check -ApiBaseUri and -LoginBaseUri (or -Region/-Environment), and any proxy in between, then connect again.";
            }

            return failure.FromLoginService
                ? "Check -LoginBaseUri or -Environment, and any proxy or gateway between this machine and the Genesys Cloud login service, and try again."
                : "Check -ApiBaseUri, or any proxy between this machine and Genesys Cloud, and try again.";
        }

        public static ErrorRecord FromFile(FileFormatException invalid) =>
            Create(invalid, invalid.DisplayMessage,
                invalid.Document == DocumentKind.Baseline ? ErrorIds.BaselineInvalid : invalid.Document == DocumentKind.AuditRun ? ErrorIds.AuditRunInvalid : ErrorIds.SnapshotInvalid,
                ErrorCategory.InvalidData, invalid.Path,
                "Fix the file at each line and column named, then run the command again.");

        public static ErrorRecord UsageUnavailable(Engine.Usage.UsageUnavailableException unavailable, GcContext context) =>
            Create(unavailable, ErrorIds.UsageNeedsLiveConnection, ErrorCategory.InvalidOperation, context,
                "Connect to the organization with Connect-GcOrganization (client credentials with usage:organization:view) and run the command again; a snapshot holds no usage.");

        public static ErrorRecord ClientIdNotFound(GcContext context, string id) =>
            Create($"{context.OrganizationName} has no OAuth client with id '{id}'.", ErrorIds.ClientNotFound, ErrorCategory.ObjectNotFound, id,
                "Check the id; Get-GcOAuthClient without -Id lists every client.");

        public static ErrorRecord NotConnected(string commandName, GcContext? disconnected) =>
            Create(disconnected == null
                    ? $"{commandName} needs a connection to an organization, and this session has none."
                    : $"{commandName} was given the context of {disconnected.OrganizationName}, which Disconnect-GcOrganization has closed.",
                ErrorIds.NotConnected, ErrorCategory.InvalidOperation, disconnected,
                "Run Connect-GcOrganization first (or Connect-GcOrganization -SnapshotPath <file> to work offline), or pass -Context.");

        public static ErrorRecord OrganizationMismatch(OrganizationMismatchException mismatch, object? target) =>
            Create(mismatch, ErrorIds.OrganizationMismatch, ErrorCategory.InvalidArgument, target,
                "Give two snapshots (or a snapshot and a connection) of the same organization; Connect-GcOrganization -SnapshotPath <file> shows which organization a file holds.");

        public static ErrorRecord HistoryNeedsLiveConnection(string commandName, GcContext snapshot) =>
            Create($"{commandName} reads the audit trail, which only a live connection has: the context of {snapshot.OrganizationName} is the snapshot {snapshot.SnapshotPath}, which holds no change history.",
                ErrorIds.HistoryNeedsLiveConnection, ErrorCategory.InvalidOperation, snapshot,
                "Connect-GcOrganization with a client credential (or -AccessToken) that has audits:audit:view, then run it again.");

        /// <summary>An audit query that Failed, was Cancelled or outran its time budget: the error names the transaction and its state.</summary>
        public static ErrorRecord FromAuditQuery(AuditQueryException failure, object? target) => failure.Problem == AuditQueryProblem.TimedOut
            ? Create(failure, ErrorIds.HistoryQueryTimedOut, ErrorCategory.OperationTimeout, target,
                "Run it again with a larger -TimeoutSec or fewer -Days. Genesys Cloud runs one audit query per organization at a time, so another one may be ahead of it.")
            : Create(failure, ErrorIds.HistoryQueryFailed, ErrorCategory.InvalidResult, target,
                $"Run the command again; if the query fails again, quote the transaction id {failure.TransactionId} to Genesys Cloud support.");

        public static ErrorRecord ConnectionClosed(string commandName, ConnectionClosedException closed, object? target) =>
            Create(new InvalidOperationException($"{commandName} stopped: Disconnect-GcOrganization closed its context while it was running. {closed.Message}", closed),
                ErrorIds.NotConnected, ErrorCategory.InvalidOperation, target,
                "Connect again with Connect-GcOrganization, and disconnect only once the commands using the context have finished.");
    }
}
