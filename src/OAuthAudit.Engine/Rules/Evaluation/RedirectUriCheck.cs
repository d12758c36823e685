using System;
using System.Collections.Generic;
using System.Net;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// Redirect URIs of CODE and TOKEN clients (the grants that redirect a browser): plain http, wildcard hosts and
    /// localhost let another party receive the authorization code or token. Custom app schemes are not judged.
    /// </summary>
    internal sealed class RedirectUriCheck : IRuleCheck
    {
        private static readonly Regex Authority = new Regex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?:[^@/?#]*@)?(?<host>\[[^\]]*\]|[^:/?#]*)", RegexOptions.CultureInvariant);

        private readonly RedirectUriPolicy _policy;

        public RedirectUriCheck(RedirectUriPolicy policy)
        {
            _policy = policy;
        }

        public IEnumerable<FindingDraft> Check(OAuthClient client)
        {
            if (client.AuthorizedGrantType != GrantTypes.Code && client.AuthorizedGrantType != GrantTypes.Token)
            {
                yield break;
            }

            foreach (var uri in client.RegisteredRedirectUri)
            {
                var parts = Authority.Match(uri);
                if (!parts.Success)
                {
                    yield return Finding(FindingKind.InsecureRedirectUri, uri, "is not an absolute URI with a host");
                    continue;
                }

                var host = parts.Groups["host"].Value.ToLowerInvariant();
                if (_policy.RequireHttps && parts.Groups["scheme"].Value.Equals("http", StringComparison.OrdinalIgnoreCase))
                {
                    yield return Finding(FindingKind.InsecureRedirectUri, uri, "uses plain http, so the authorization code or token crosses the network unencrypted");
                }

                if (_policy.ForbidWildcardHosts && host.Contains("*"))
                {
                    yield return Finding(FindingKind.WildcardRedirectUri, uri, "has a wildcard host, so any matching host can receive the authorization code or token");
                }

                if (_policy.ForbidLocalhost && IsLocal(host))
                {
                    yield return Finding(FindingKind.LocalhostRedirectUri, uri, "points at localhost, a development setting that lets any local program receive the token");
                }
            }
        }

        private static bool IsLocal(string host) =>
            host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

        private static FindingDraft Finding(FindingKind kind, string uri, string problem) =>
            new FindingDraft(kind, uri, $"redirect URI '{uri}' {problem}.", Remediations.FixRedirectUri);
    }
}
