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
        public const string BaselineNotFound = "BaselineNotFound";
        public const string BaselineInvalid = "BaselineInvalid";
        public const string BaselineUnreadable = "BaselineUnreadable";
        public const string ConflictingBaselines = "ConflictingBaselines";
        public const string AuditFailed = "AuditFailed";
        public const string BaselinePatternTimeout = "BaselinePatternTimeout";
        public const string HistoryNeedsLiveConnection = "HistoryNeedsLiveConnection";
        public const string HistoryQueryFailed = "HistoryQueryFailed";
        public const string HistoryQueryTimedOut = "HistoryQueryTimedOut";
    }
}
