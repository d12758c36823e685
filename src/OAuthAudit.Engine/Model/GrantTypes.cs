using System;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Model
{
    /// <summary>The values of OAuthClient.authorizedGrantType, spelled as the API's AuthorizedGrantTypeEnum spells them.</summary>
    public static class GrantTypes
    {
        public const string Code = "CODE";
        public const string Token = "TOKEN";
        public const string Saml2Bearer = "SAML2-BEARER";
        public const string Password = "PASSWORD";
        public const string ClientCredentials = "CLIENT-CREDENTIALS";

        /// <summary>How older data (and Terraform) spell SAML2-BEARER: accepted on input, never produced.</summary>
        public const string Saml2BearerAlias = "SAML2BEARER";

        public static readonly IReadOnlyList<string> All = new[] { Code, Token, Saml2Bearer, Password, ClientCredentials };

        /// <summary>The API's spelling of a grant type given in any case or by its alias; null when it is no grant type.</summary>
        public static string? Canonical(string? value) =>
            string.Equals(value, Saml2BearerAlias, StringComparison.OrdinalIgnoreCase)
                ? Saml2Bearer
                : All.FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));

        /// <summary>The API's spelling, or the value unchanged when it is no grant type (kept so it can be reported).</summary>
        public static string Normalize(string value) => Canonical(value) ?? value;
    }
}
