using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.RedirectUris;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// Redirect URIs of CODE and TOKEN clients (the grants that redirect a browser): plain http, wildcard hosts and
    /// localhost let another party receive the authorization code or token. Each URI is read as a browser reads it
    /// (BrowserUrl), so "https://127.0.0.1./", "https://%6c%6f%63%61%6c%68%6f%73%74/" and "https://2130706433/"
    /// are localhost; a URI a browser cannot read is a finding, never skipped. Custom app schemes are not held to https.
    /// </summary>
    internal sealed class RedirectUriCheck : IRuleCheck
    {
        private readonly RedirectUriPolicy _policy;

        public RedirectUriCheck(RedirectUriPolicy policy)
        {
            _policy = policy;
        }

        public void Check(CheckContext context)
        {
            var client = context.Client;
            if (client.AuthorizedGrantType != GrantTypes.Code && client.AuthorizedGrantType != GrantTypes.Token)
            {
                return;
            }

            var urls = context.Facts.RedirectUrls;
            for (var index = 0; index < urls.Length; index++)
            {
                var uri = client.RegisteredRedirectUri[index];
                var url = urls[index];
                if (url.Problem != null)
                {
                    Found(context, FindingKind.InsecureRedirectUri, uri, "cannot be read as a browser reads it: it " + url.Problem + ", so where it sends the authorization code or token is unknown");
                    continue;
                }

                if (_policy.RequireHttps && url.Scheme == "http")
                {
                    Found(context, FindingKind.InsecureRedirectUri, uri, "uses plain http, so the authorization code or token crosses the network unencrypted");
                }

                if (url.Host == null)
                {
                    continue;
                }

                if (_policy.ForbidWildcardHosts && url.Host.HasWildcard)
                {
                    Found(context, FindingKind.WildcardRedirectUri, uri, "has a wildcard host" + ReadAs(url) + ", so any matching host can receive the authorization code or token");
                }

                if (_policy.ForbidLocalhost && url.Host.IsLocal)
                {
                    Found(context, FindingKind.LocalhostRedirectUri, uri, "points at localhost" + ReadAs(url) + ", a development setting that lets any local program receive the token");
                }
            }
        }

        /// <summary>How a browser reads the host, when that is not how it is written.</summary>
        private static string ReadAs(BrowserUrl url) =>
            string.Equals(url.Host!.Name, url.WrittenHost, System.StringComparison.OrdinalIgnoreCase) ? string.Empty : $" (a browser reads its host as '{url.Host}')";

        private static void Found(CheckContext context, FindingKind kind, string uri, string problem) =>
            context.Found(kind, uri, context.Named + "redirect URI '" + uri + "' " + problem + ".", Remediations.FixRedirectUri);
    }
}
