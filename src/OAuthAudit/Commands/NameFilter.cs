using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// -Name matching: the baseline's wildcard dialect (only * and ? are special; [ ] and ` are ordinary characters;
    /// case-insensitive; linear, see <see cref="Wildcard"/>), so a name matches the same clients on the command line
    /// and in a baseline's names:. A literal name that matched nothing is reported (as Get-Process does), while a
    /// wildcard that matched nothing is not.
    /// </summary>
    internal sealed class NameFilter
    {
        private readonly (string Name, Wildcard Pattern, bool IsLiteral)[] _patterns;
        private readonly HashSet<string> _matchedLiterals = new HashSet<string>();

        public NameFilter(IEnumerable<string>? names)
        {
            _patterns = (names ?? Enumerable.Empty<string>()).Select(Compile).ToArray();
        }

        private static (string, Wildcard, bool) Compile(string name) => (name, new Wildcard(name), !Wildcard.HasWildcards(name));

        public bool Matches(string name)
        {
            if (_patterns.Length == 0)
            {
                return true;
            }

            var matched = false;
            foreach (var (literal, pattern, _) in _patterns)
            {
                if (pattern.IsMatch(name))
                {
                    matched = true;
                    _matchedLiterals.Add(literal);
                }
            }

            return matched;
        }

        /// <summary>The names given without wildcards that no item matched.</summary>
        public IEnumerable<string> UnmatchedLiterals() =>
            _patterns.Where(pattern => pattern.IsLiteral && !_matchedLiterals.Contains(pattern.Name)).Select(pattern => pattern.Name);
    }
}
