using System;
using System.Security;

namespace OAuthAudit.Engine.Api
{
    /// <summary>An OAuth client id and its secret, kept as a SecureString. ToString shows the id only.</summary>
    public sealed class ClientCredential
    {
        public ClientCredential(string clientId, SecureString secret)
        {
            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new ArgumentException("The client id is empty.", nameof(clientId));
            }

            if (secret == null || secret.Length == 0)
            {
                throw new ArgumentException("The client secret is empty.", nameof(secret));
            }

            ClientId = clientId.Trim();
            Secret = secret.Copy();
            Secret.MakeReadOnly();
        }

        public string ClientId { get; }

        internal SecureString Secret { get; }

        public override string ToString() => $"client {ClientId}";
    }
}
