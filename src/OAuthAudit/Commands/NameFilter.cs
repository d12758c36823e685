using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// -Name matching as PowerShell users expect: wildcards, case-insensitive, and a literal name that matched
    /// nothing is reported (as Get-Process does), while a wildcard that matched nothing is not. A name that is not a
    /// valid pattern (an unclosed '[', as in a pasted name holding an escape sequence) is matched literally.
    /// </summary>
    internal sealed class NameFilter
    {
        private const WildcardOptions Options = WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant;

        private readonly (string Name, WildcardPattern Pattern, bool IsLiteral)[] _patterns;
        private readonly HashSet<string> _matchedLiterals = new HashSet<string>();

        public NameFilter(IEnumerable<string>? names)
        {
            _patterns = (names ?? Enumerable.Empty<string>()).Select(Compile).ToArray();
        }

        private static (string, WildcardPattern, bool) Compile(string name)
        {
            var pattern = WildcardPattern.Get(name, Options);
            try
            {
                pattern.IsMatch(string.Empty);
                return (name, pattern, !WildcardPattern.ContainsWildcardCharacters(name));
            }
            catch (WildcardPatternException)
            {
                return (name, WildcardPattern.Get(WildcardPattern.Escape(name), Options), true);
            }
        }

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
