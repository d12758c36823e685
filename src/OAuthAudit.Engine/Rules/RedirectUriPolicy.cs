using System.Linq;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>What a rule demands of the redirect URIs of CODE and TOKEN clients.</summary>
    public sealed class RedirectUriPolicy
    {
        public RedirectUriPolicy(bool requireHttps, bool forbidWildcardHosts, bool forbidLocalhost)
        {
            RequireHttps = requireHttps;
            ForbidWildcardHosts = forbidWildcardHosts;
            ForbidLocalhost = forbidLocalhost;
        }

        public bool RequireHttps { get; }

        public bool ForbidWildcardHosts { get; }

        public bool ForbidLocalhost { get; }

        public override string ToString() =>
            string.Join(", ", new[] { RequireHttps ? "https only" : null, ForbidWildcardHosts ? "no wildcard hosts" : null, ForbidLocalhost ? "no localhost" : null }
                .Where(part => part != null));
    }
}
