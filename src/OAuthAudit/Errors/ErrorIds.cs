namespace OAuthAudit.Errors
{
    /// <summary>The stable ErrorIds of this module's ErrorRecords. Scripts match on these: never rename one.</summary>
    internal static class ErrorIds
    {
        public const string NotConnected = "NotConnected";
        public const string MissingCredentials = "MissingCredentials";
        public const string InvalidCredentials = "InvalidCredentials";
        public const string InvalidEndpoint = "InvalidEndpoint";
        public const string InsecureEndpoint = "InsecureEndpoint";
        public const string CredentialsRejected = "CredentialsRejected";
        public const string TokenRejected = "TokenRejected";
        public const string MissingPermission = "MissingPermission";
        public const string ClientNotFound = "ClientNotFound";
        public const string ScopeNotFound = "ScopeNotFound";
        public const string RoleNotFound = "RoleNotFound";
        public const string DivisionNotFound = "DivisionNotFound";
        public const string RateLimited = "RateLimited";
        public const string ApiUnavailable = "ApiUnavailable";
        public const string NetworkFailure = "NetworkFailure";
        public const string InvalidApiResponse = "InvalidApiResponse";
        public const string ApiRequestFailed = "ApiRequestFailed";
        public const string SnapshotNotFound = "SnapshotNotFound";
        public const string SnapshotInvalid = "SnapshotInvalid";
        public const string SnapshotUnreadable = "SnapshotUnreadable";
        public const string SnapshotExists = "SnapshotExists";
        public const string SnapshotNotWritten = "SnapshotNotWritten";
        public const string BaselineNotFound = "BaselineNotFound";
        public const string BaselineInvalid = "BaselineInvalid";
        public const string BaselineUnreadable = "BaselineUnreadable";
        public const string ConflictingBaselines = "ConflictingBaselines";
        public const string AuditFailed = "AuditFailed";
        public const string BaselinePatternTimeout = "BaselinePatternTimeout";
        public const string OrganizationMismatch = "OrganizationMismatch";
        public const string ReportFormatUnknown = "ReportFormatUnknown";
        public const string ReportExists = "ReportExists";
        public const string ReportPathInvalid = "ReportPathInvalid";
        public const string ReportNotWritten = "ReportNotWritten";
        public const string ReportInputUnsupported = "ReportInputUnsupported";
        public const string NoAuditResults = "NoAuditResults";
        public const string AuditRunNotFound = "AuditRunNotFound";
        public const string AuditRunInvalid = "AuditRunInvalid";
        public const string AuditRunUnreadable = "AuditRunUnreadable";
        public const string AuditRunDuplicate = "AuditRunDuplicate";
        public const string MergeInputUnsupported = "MergeInputUnsupported";
        public const string BaselineExists = "BaselineExists";
        public const string BaselineNotWritten = "BaselineNotWritten";
        public const string BaselineTooLarge = "BaselineTooLarge";
        public const string BaselineNotGenerated = "BaselineNotGenerated";
        public const string UsageNeedsLiveConnection = "UsageNeedsLiveConnection";
        public const string QueryJobFailed = "QueryJobFailed";
        public const string QueryJobTimedOut = "QueryJobTimedOut";
        public const string HistoryNeedsLiveConnection = "HistoryNeedsLiveConnection";
        public const string HistoryQueryFailed = "HistoryQueryFailed";
        public const string HistoryQueryTimedOut = "HistoryQueryTimedOut";
    }
}
