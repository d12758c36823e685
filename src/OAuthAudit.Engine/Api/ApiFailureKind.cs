namespace OAuthAudit.Engine.Api
{
    /// <summary>What went wrong talking to Genesys Cloud, in the terms an administrator acts on.</summary>
    public enum ApiFailureKind
    {
        /// <summary>The login service refused the client id/secret, or the client may not use this grant.</summary>
        CredentialsRejected,

        /// <summary>The API refused the access token (expired, revoked, or for another organization).</summary>
        TokenRejected,

        /// <summary>403: the auditing client lacks a permission.</summary>
        MissingPermission,

        /// <summary>404: the requested entity does not exist.</summary>
        NotFound,

        /// <summary>429 still returned after the allowed retries.</summary>
        RateLimited,

        /// <summary>502/503/504 still returned after the allowed retries.</summary>
        Unavailable,

        /// <summary>The connection failed or timed out after the allowed retries.</summary>
        NetworkFailure,

        /// <summary>The answer was not the JSON the API documents (an HTML page, a truncated body, wrong types, a looping listing).</summary>
        InvalidResponse,

        /// <summary>Any other error status.</summary>
        RequestFailed,

        /// <summary>A query job the API ran ended Failed or Cancelled.</summary>
        QueryJobFailed,

        /// <summary>A query job was still queued or running when its time budget ran out.</summary>
        QueryJobTimedOut,
    }
}
