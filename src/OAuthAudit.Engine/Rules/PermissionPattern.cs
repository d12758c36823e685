using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// A permission "domain:entity:action" in which a whole part may be "*", as the API writes them
    /// ("oauth:client:*", "*:*:*"). A listed pattern matches every held permission it overlaps: a "*" on either
    /// side matches any part, so "oauth:client:*" matches a role holding "oauth:client:edit" and one holding
    /// "*:*:*", and "oauth:client:edit" matches "oauth:client:*".
    /// </summary>
    public sealed class PermissionPattern
    {
        internal const string Any = "*";
        private static readonly Regex Part = new Regex(@"^([A-Za-z0-9_\-]+|\*)$", RegexOptions.CultureInvariant);

        public PermissionPattern(string text)
        {
            if (!IsValid(text))
            {
                throw new ArgumentException($"'{text}' is not a permission: it has three parts, domain:entity:action, each a name of letters, digits, '_' and '-', or '*' for all (such as oauth:client:edit or authorization:*:*).", nameof(text));
            }

            Text = text;
        }

        public string Text { get; }

        public bool HasWildcard => Text.Split(':').Contains(Any);

        public static bool IsValid(string? text)
        {
            var parts = (text ?? string.Empty).Split(':');
            return parts.Length == 3 && parts.All(part => Part.IsMatch(part));
        }

        /// <summary>Whether holding <paramref name="general"/> grants all of <paramref name="specific"/>: each part is "*" or the same.</summary>
        public static bool Covers(string general, string specific) => Compare(general, specific, (held, named) => held == Any);

        /// <summary>Whether holding this permission grants all of what the pattern names (used for concrete escalation paths).</summary>
        public bool IsGrantedBy(string held) => Covers(held, Text);

        /// <summary>Whether the held permission and this pattern share any action: each part is "*" on either side, or the same.</summary>
        public bool Overlaps(string held) => Compare(held, Text, (left, right) => left == Any || right == Any);

        public override string ToString() => Text;

        private static bool Compare(string left, string right, Func<string, string, bool> wildcard)
        {
            var lefts = left.Split(':');
            var rights = right.Split(':');
            return lefts.Length == 3 && rights.Length == 3
                && lefts.Zip(rights, (l, r) => wildcard(l, r) || string.Equals(l, r, StringComparison.OrdinalIgnoreCase)).All(same => same);
        }
    }
}
