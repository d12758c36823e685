using System;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// Wildcard text ("*" any run, including none; "?" exactly one character; nothing else is special), matched
    /// against the whole text, ignoring case. No regex and no backtracking: the pattern splits at "*" into literal
    /// segments, the first anchored at the start, the last at the end, and each one between taken at its leftmost
    /// place (the leftmost place never loses a match), so a match costs at most pattern length × text length
    /// character comparisons. "*a*a*a*a*a*a*a*a*a*a*a*a*a*b" against a long name is one scan per segment, not 53 s.
    /// </summary>
    internal sealed class Wildcard
    {
        private static readonly char[] WildcardCharacters = { '*', '?' };

        private readonly string _prefix;
        private readonly string[] _middle;
        private readonly string? _suffix;

        public Wildcard(string pattern)
        {
            Text = pattern ?? throw new ArgumentNullException(nameof(pattern));
            var segments = pattern.Split('*');
            _prefix = segments[0];
            if (segments.Length == 1)
            {
                _middle = Array.Empty<string>();
                _suffix = null;
                return;
            }

            _middle = new string[segments.Length - 2];
            Array.Copy(segments, 1, _middle, 0, _middle.Length);
            _suffix = segments[segments.Length - 1];
        }

        public string Text { get; }

        public static bool IsMatch(string pattern, string text) => new Wildcard(pattern).IsMatch(text);

        /// <summary>Whether the text holds a character this dialect treats as a wildcard (* or ?).</summary>
        public static bool HasWildcards(string text) => text.IndexOfAny(WildcardCharacters) >= 0;

        public bool IsMatch(string? text)
        {
            text ??= string.Empty;
            if (_suffix == null)
            {
                return text.Length == _prefix.Length && SegmentAt(_prefix, text, 0);
            }

            if (text.Length < _prefix.Length + _suffix.Length || !SegmentAt(_prefix, text, 0) || !SegmentAt(_suffix, text, text.Length - _suffix.Length))
            {
                return false;
            }

            var position = _prefix.Length;
            var end = text.Length - _suffix.Length;
            foreach (var segment in _middle)
            {
                var found = Find(segment, text, position, end);
                if (found < 0)
                {
                    return false;
                }

                position = found + segment.Length;
            }

            return true;
        }

        public override string ToString() => Text;

        /// <summary>The leftmost place at or after start where segment fits wholly before end, or -1.</summary>
        private static int Find(string segment, string text, int start, int end)
        {
            for (var at = start; at + segment.Length <= end; at++)
            {
                if (SegmentAt(segment, text, at))
                {
                    return at;
                }
            }

            return -1;
        }

        private static bool SegmentAt(string segment, string text, int at)
        {
            for (var index = 0; index < segment.Length; index++)
            {
                var expected = segment[index];
                if (expected != '?' && !SameIgnoringCase(expected, text[at + index]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameIgnoringCase(char a, char b)
        {
            if (a == b)
            {
                return true;
            }

            if ((a | b) < 0x80)
            {
                // Two ASCII characters: the same letter in the other case, which is all the invariant mappings do there.
                var lower = a | 0x20;
                return lower == (b | 0x20) && lower >= 'a' && lower <= 'z';
            }

            return char.ToUpperInvariant(a) == char.ToUpperInvariant(b) || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
        }
    }
}
