using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>Names given as wildcards in a baseline (clients, roles, divisions): any one matching the whole name.</summary>
    internal sealed class WildcardNames
    {
        private readonly Wildcard[] _patterns;

        public WildcardNames(IEnumerable<string> patterns)
        {
            _patterns = patterns.Select(pattern => new Wildcard(pattern)).ToArray();
        }

        public bool Matches(string name) => _patterns.Any(pattern => pattern.IsMatch(name));
    }
}
