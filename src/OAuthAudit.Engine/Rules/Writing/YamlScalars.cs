using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules.Writing
{
    /// <summary>
    /// How the baseline writer spells a scalar or a comment so that a YAML reader gives back exactly the value:
    /// a string is plain only when it is a name that no YAML 1.1 or 1.2 reader takes for anything but that string
    /// (a letter, then letters, digits, '_', '.', '-', '/' and inner ':'; never a boolean or null word), and is
    /// otherwise double-quoted with every character that is not plainly visible escaped (control, format, line
    /// and paragraph separators, non-breaking and other unusual spaces, lone surrogates), so a reviewer sees it too.
    /// </summary>
    internal static class YamlScalars
    {
        private static readonly Regex PlainSafe = new Regex(@"^[A-Za-z][A-Za-z0-9_./-]*(?::[A-Za-z0-9_./-]+)*$", RegexOptions.CultureInvariant);

        /// <summary>Words YAML 1.1 reads as booleans or null (y and n included); quoted, they stay strings.</summary>
        private static readonly string[] Reserved = { "y", "n", "yes", "no", "on", "off", "true", "false", "null" };

        public static string Bool(bool value) => value ? "true" : "false";

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string String(string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            return IsPlainSafe(value) ? value : Quoted(value);
        }

        public static bool IsPlainSafe(string value) =>
            PlainSafe.IsMatch(value) && Array.IndexOf(Reserved, value.ToLowerInvariant()) < 0;

        /// <summary>Whether YAML can hold the text at all: a lone surrogate (possible in JSON, never valid Unicode) it cannot.</summary>
        public static bool IsWritable(string value)
        {
            for (var index = 0; index < value.Length; index++)
            {
                if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
                {
                    index++;
                }
                else if (char.IsSurrogate(value[index]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Prose (a description) that quotes org-supplied text: each lone surrogate becomes U+FFFD, the replacement character.</summary>
        public static string WritableProse(string value)
        {
            if (IsWritable(value))
            {
                return value;
            }

            var prose = new StringBuilder(value.Length);
            for (var index = 0; index < value.Length; index++)
            {
                if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
                {
                    prose.Append(value[index]).Append(value[++index]);
                }
                else
                {
                    prose.Append(char.IsSurrogate(value[index]) ? '\uFFFD' : value[index]);
                }
            }

            return prose.ToString();
        }

        /// <exception cref="ArgumentException">The text holds a lone surrogate, which no YAML reader accepts.</exception>
        public static string Quoted(string value)
        {
            if (!IsWritable(value))
            {
                throw new ArgumentException("The text holds a lone surrogate (half of a UTF-16 pair), which YAML cannot hold.", nameof(value));
            }

            var quoted = new StringBuilder(value.Length + 2);
            quoted.Append('"');
            for (var index = 0; index < value.Length; index++)
            {
                var character = value[index];
                if (char.IsHighSurrogate(character) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
                {
                    quoted.Append(character).Append(value[++index]);
                    continue;
                }

                switch (character)
                {
                    case '"': quoted.Append("\\\""); break;
                    case '\\': quoted.Append("\\\\"); break;
                    case '\0': quoted.Append("\\0"); break;
                    case '\t': quoted.Append("\\t"); break;
                    case '\n': quoted.Append("\\n"); break;
                    case '\r': quoted.Append("\\r"); break;
                    default:
                        if (NeedsEscape(character))
                        {
                            quoted.Append("\\u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            quoted.Append(character);
                        }

                        break;
                }
            }

            return quoted.Append('"').ToString();
        }

        /// <summary>
        /// One comment line ("# text"): the text made visible (DisplayText escapes control characters and line and
        /// paragraph separators, so org-supplied text can never end the comment and start a key), lone surrogates escaped too.
        /// </summary>
        public static string Comment(string text)
        {
            var visible = DisplayText.Visible(text)!;
            var line = new StringBuilder(visible.Length + 2).Append('#');
            if (visible.Length > 0)
            {
                line.Append(' ');
            }

            for (var index = 0; index < visible.Length; index++)
            {
                var character = visible[index];
                if (char.IsHighSurrogate(character) && index + 1 < visible.Length && char.IsLowSurrogate(visible[index + 1]))
                {
                    line.Append(character).Append(visible[++index]);
                }
                else if (char.IsSurrogate(character) || DisplayText.IsHidden(character))
                {
                    line.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    line.Append(character);
                }
            }

            return line.ToString();
        }

        private static bool NeedsEscape(char character)
        {
            if (DisplayText.IsHidden(character) || char.IsSurrogate(character))
            {
                return true;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            return (category == UnicodeCategory.SpaceSeparator && character != ' ')
                || category == UnicodeCategory.PrivateUse
                || category == UnicodeCategory.OtherNotAssigned
                || character == '\uFFFE' || character == '\uFFFF';
        }
    }
}
