using System;
using System.Security;

namespace OAuthAudit.Engine.Api
{
    /// <summary>An OAuth client id and its secret, kept as a SecureString. ToString shows the id only.</summary>
    public sealed class ClientCredential
    {
        public const int MaxClientIdLength = 256;

        public ClientCredential(string clientId, SecureString secret)
        {
            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new ArgumentException("The client id is empty.");
            }

            if (clientId.Trim().Length > MaxClientIdLength)
            {
                throw new ArgumentException($"The client id is {clientId.Trim().Length} characters long; a Genesys Cloud client id is a GUID of 36 characters.");
            }

            if (secret == null || string.IsNullOrWhiteSpace(SecureText.Reveal(secret)))
            {
                throw new ArgumentException("The client secret is empty or only white space.");
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
