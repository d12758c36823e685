using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.RedirectUris;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// What several rules want to know about one client, worked out once per client while it is judged (not once per
    /// rule), and only when a rule asks: the scopes its scopes grant, and its redirect URIs as a browser reads them.
    /// Dropped with the client's result.
    /// </summary>
    internal sealed class ClientFacts
    {
        private readonly OAuthClient _client;
        private (string Granted, string HeldAs)[]? _scopeGrants;
        private BrowserUrl[]? _redirectUrls;

        public ClientFacts(OAuthClient client)
        {
            _client = client;
        }

        /// <summary>Each scope the client's scopes grant, with the held scope that grants it (<see cref="ScopeSemantics.Grants"/>).</summary>
        public (string Granted, string HeldAs)[] ScopeGrants =>
            _scopeGrants ??= ScopeSemantics.Grants(_client.Scopes);

        /// <summary>The client's registered redirect URIs read as a browser reads them, in the same order.</summary>
        public BrowserUrl[] RedirectUrls => _redirectUrls ??= Parse(_client.RegisteredRedirectUri);

        private static BrowserUrl[] Parse(ValueList<string> uris)
        {
            var urls = new BrowserUrl[uris.Count];
            for (var index = 0; index < urls.Length; index++)
            {
                urls[index] = BrowserUrl.Parse(uris[index]);
            }

            return urls;
        }
    }
}
