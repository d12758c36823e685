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
            HasWildcard = text.Split(':').Contains(Any);
        }

        public string Text { get; }

        public bool HasWildcard { get; }

        public static bool IsValid(string? text)
        {
            var parts = (text ?? string.Empty).Split(':');
            return parts.Length == 3 && parts.All(part => Part.IsMatch(part));
        }

        /// <summary>Whether holding <paramref name="general"/> grants all of <paramref name="specific"/>: each part is "*" or the same.</summary>
        public static bool Covers(string general, string specific) => Compare(general, specific, eitherSide: false);

        /// <summary>Whether holding this permission grants all of what the pattern names (used for concrete escalation paths).</summary>
        public bool IsGrantedBy(string held) => Covers(held, Text);

        /// <summary>Whether the held permission and this pattern share any action: each part is "*" on either side, or the same.</summary>
        public bool Overlaps(string held) => Compare(held, Text, eitherSide: true);

        public override string ToString() => Text;

        // Part by part without splitting (this runs for every permission of every role a client holds, for every rule):
        // both sides have exactly three parts, and each pair is "*" (on the left, or on either side) or the same ignoring case.
        private static bool Compare(string left, string right, bool eitherSide)
        {
            if (!Colons(left, out var left1, out var left2) || !Colons(right, out var right1, out var right2))
            {
                return false;
            }

            return SamePart(left, 0, left1, right, 0, right1, eitherSide)
                && SamePart(left, left1 + 1, left2, right, right1 + 1, right2, eitherSide)
                && SamePart(left, left2 + 1, left.Length, right, right2 + 1, right.Length, eitherSide);
        }

        private static bool Colons(string text, out int first, out int second)
        {
            first = text.IndexOf(':');
            second = first < 0 ? -1 : text.IndexOf(':', first + 1);
            return second >= 0 && text.IndexOf(':', second + 1) < 0;
        }

        private static bool SamePart(string left, int leftStart, int leftEnd, string right, int rightStart, int rightEnd, bool eitherSide)
        {
            var length = leftEnd - leftStart;
            if (IsAny(left, leftStart, leftEnd) || (eitherSide && IsAny(right, rightStart, rightEnd)))
            {
                return true;
            }

            return length == rightEnd - rightStart && string.Compare(left, leftStart, right, rightStart, length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        private static bool IsAny(string text, int start, int end) => end - start == 1 && text[start] == '*';
    }
}
