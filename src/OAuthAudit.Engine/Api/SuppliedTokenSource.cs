using System;
using System.Security;
using System.Threading.Tasks;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Api
{
    /// <summary>An access token the user already has (-AccessToken): used as is, never renewed.</summary>
    internal sealed class SuppliedTokenSource : IAccessTokenSource
    {
        private readonly SecureString _token;

        public SuppliedTokenSource(SecureString token)
        {
            _token = token.Copy();
            _token.MakeReadOnly();
        }

        public string GrantType => "access_token";

        public DateTime? ExpiresAt => null;

        public bool CanRenew => false;

        public Task<string> GetTokenAsync(Operation operation) => Task.FromResult(SecureText.Reveal(_token));

        public void Invalidate(string rejectedToken)
        {
        }

        public override string ToString() => "supplied access token";
    }
}
