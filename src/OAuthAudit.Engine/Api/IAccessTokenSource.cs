using System;
using System.Threading.Tasks;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Supplies the bearer token API requests carry.</summary>
    internal interface IAccessTokenSource
    {
        /// <summary>"client_credentials", or "access_token" for a token the user supplied.</summary>
        string GrantType { get; }

        DateTime? ExpiresAt { get; }

        /// <summary>Whether a fresh token can be had when the API rejects the current one.</summary>
        bool CanRenew { get; }

        Task<string> GetTokenAsync(Operation operation);

        /// <summary>The API refused this token: the next caller gets a new one. A token already renewed by another caller is kept.</summary>
        void Invalidate(string rejectedToken);
    }
}
