using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Role or division names given as wildcards in a baseline.</summary>
    internal sealed class RoleNames
    {
        private readonly Regex[] _patterns;

        public RoleNames(IEnumerable<string> patterns)
        {
            _patterns = patterns.Select(Wildcard.ToRegex).ToArray();
        }

        public bool Matches(string name) => _patterns.Any(pattern => pattern.IsMatch(name));
    }
}
