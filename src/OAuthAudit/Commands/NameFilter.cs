using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// -Name matching as PowerShell users expect: wildcards, case-insensitive, and a literal name that matched
    /// nothing is reported (as Get-Process does), while a wildcard that matched nothing is not.
    /// </summary>
    internal sealed class NameFilter
    {
        private readonly (string Name, WildcardPattern Pattern)[] _patterns;
        private readonly HashSet<string> _matchedLiterals = new HashSet<string>();

        public NameFilter(IEnumerable<string>? names)
        {
            _patterns = (names ?? Enumerable.Empty<string>())
                .Select(name => (name, WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)))
                .ToArray();
        }

        public bool Matches(string name)
        {
            if (_patterns.Length == 0)
            {
                return true;
            }

            var matched = false;
            foreach (var (literal, pattern) in _patterns)
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
            _patterns.Select(pattern => pattern.Name)
                .Where(name => !WildcardPattern.ContainsWildcardCharacters(name) && !_matchedLiterals.Contains(name));
    }
}
