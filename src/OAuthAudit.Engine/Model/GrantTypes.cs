using System.Collections.Generic;

namespace OAuthAudit.Engine.Model
{
    /// <summary>The values of OAuthClient.authorizedGrantType.</summary>
    public static class GrantTypes
    {
        public const string Code = "CODE";
        public const string Token = "TOKEN";
        public const string Saml2Bearer = "SAML2BEARER";
        public const string Password = "PASSWORD";
        public const string ClientCredentials = "CLIENT-CREDENTIALS";

        public static readonly IReadOnlyList<string> All = new[] { Code, Token, Saml2Bearer, Password, ClientCredentials };
    }
}
