using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.RedirectUris;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// What several rules want to know about one client, worked out once per client while it is judged (not once per
    /// rule): the scopes its scopes grant, and its redirect URIs as a browser reads them. Dropped with the client's result.
    /// </summary>
    internal sealed class ClientFacts
    {
        private readonly OAuthClient _client;
        private IReadOnlyList<(string Granted, string HeldAs)>? _scopeGrants;
        private BrowserUrl[]? _redirectUrls;

        public ClientFacts(OAuthClient client)
        {
            _client = client;
        }

        /// <summary>Each scope the client's scopes grant, with the held scope that grants it (<see cref="ScopeSemantics.Grants"/>).</summary>
        public IReadOnlyList<(string Granted, string HeldAs)> ScopeGrants =>
            _scopeGrants ??= ScopeSemantics.Grants(_client.Scopes.Select(scope => scope.Name));

        /// <summary>The client's registered redirect URIs read as a browser reads them, in the same order.</summary>
        public IReadOnlyList<BrowserUrl> RedirectUrls =>
            _redirectUrls ??= _client.RegisteredRedirectUri.Select(BrowserUrl.Parse).ToArray();
    }
}
