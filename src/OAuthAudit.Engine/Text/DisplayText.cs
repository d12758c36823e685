using System.Globalization;
using System.Text;

namespace OAuthAudit.Engine.Text
{
    /// <summary>
    /// Makes org-supplied text safe to show: control characters (C0, DEL, C1), bidi overrides and isolates and the
    /// other invisible format characters that can forge a line, retitle a terminal or write the clipboard are
    /// written as escapes (\x1b, \u202e). Other text, backslashes included, is left as it is. Objects keep the raw value.
    /// </summary>
    public static class DisplayText
    {
        /// <summary>The text as it may be shown; null stays null.</summary>
        public static string? Visible(string? text)
        {
            if (text == null || !HasHiddenCharacters(text))
            {
                return text;
            }

            var visible = new StringBuilder(text.Length + 16);
            foreach (var character in text)
            {
                if (IsHidden(character))
                {
                    visible.Append(character <= '\u00ff'
                        ? "\\x" + ((int)character).ToString("x2", CultureInfo.InvariantCulture)
                        : "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    visible.Append(character);
                }
            }

            return visible.ToString();
        }

        /// <summary>True when the text holds a character Visible would escape.</summary>
        public static bool HasHiddenCharacters(string? text)
        {
            if (text == null)
            {
                return false;
            }

            foreach (var character in text)
            {
                if (IsHidden(character))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Control characters, and the format characters that reorder or hide text: bidi embeddings, overrides and
        /// isolates, zero-width and directional marks, the line and paragraph separators, BOM, and lone surrogates.
        /// </summary>
        public static bool IsHidden(char character)
        {
            // Printable ASCII, most of all text shown: never hidden (asked for every character of every message).
            if (character >= ' ' && character < '\u007f')
            {
                return false;
            }

            if (character < ' ' || (character >= '\u007f' && character <= '\u009f'))
            {
                return true;
            }

            if (char.IsSurrogate(character))
            {
                return false;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            return category == UnicodeCategory.Format
                || category == UnicodeCategory.LineSeparator
                || category == UnicodeCategory.ParagraphSeparator;
        }
    }
}
