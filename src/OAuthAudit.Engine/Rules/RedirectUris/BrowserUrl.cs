using System;
using System.Linq;
using System.Text;

namespace OAuthAudit.Engine.Rules.RedirectUris
{
    /// <summary>
    /// A URL read the way a browser reads it (the WHATWG URL standard, as far as it decides where the browser goes):
    /// leading and trailing spaces and controls dropped, ASCII tab and newline removed anywhere, the scheme
    /// lower-cased; for http, https, ws, wss and ftp any run of '/' or '\' after the scheme starts the authority,
    /// '\' ends it like '/', the host follows the last '@', and the host is normalised by UrlHost. A URL that a
    /// browser would refuse has a Problem instead of a host.
    /// </summary>
    internal sealed class BrowserUrl
    {
        private static readonly string[] SpecialSchemes = { "http", "https", "ws", "wss", "ftp" };
        private static readonly char[] SpecialAuthorityEnd = { '/', '\\', '?', '#' };
        private static readonly char[] AuthorityEnd = { '/', '?', '#' };
        private static readonly char[] ControlOrSpace = Enumerable.Range(0, 0x21).Select(code => (char)code).ToArray();
        private static readonly char[] TabOrNewline = { '\t', '\n', '\r' };

        private BrowserUrl(string scheme, UrlHost? host, string? problem, string? writtenHost = null)
        {
            Scheme = scheme;
            Host = host;
            Problem = problem;
            WrittenHost = writtenHost;
        }

        /// <summary>Lower case, without the ':'; empty when there is none.</summary>
        public string Scheme { get; }

        /// <summary>Whether the scheme is one a browser fetches from a host (http, https, ws, wss, ftp).</summary>
        public bool IsSpecial => SpecialSchemes.Contains(Scheme);

        /// <summary>The host; null for a URL without an authority (such as com.example.app:/cb) or with a Problem.</summary>
        public UrlHost? Host { get; }

        /// <summary>The host as written (after tab and newline removal), before normalisation.</summary>
        public string? WrittenHost { get; }

        /// <summary>Why a browser would not read this URL, in words; null when it would.</summary>
        public string? Problem { get; }

        public static BrowserUrl Parse(string text)
        {
            var input = WithoutTabOrNewline((text ?? string.Empty).Trim(ControlOrSpace));
            var colon = input.IndexOf(':');
            if (colon <= 0 || !IsAsciiLetter(input[0]) || !IsScheme(input, colon))
            {
                return Failed(string.Empty, "is not an absolute URI (it has no scheme such as https:)");
            }

            var scheme = input.Substring(0, colon).ToLowerInvariant();
            var rest = input.Substring(colon + 1);
            var special = SpecialSchemes.Contains(scheme);
            if (!special && !rest.StartsWith("//", StringComparison.Ordinal))
            {
                return new BrowserUrl(scheme, null, null);
            }

            var start = special ? SlashesAtStart(rest) : 2;
            var end = rest.IndexOfAny(special ? SpecialAuthorityEnd : AuthorityEnd, start);
            var authority = end < 0 ? rest.Substring(start) : rest.Substring(start, end - start);
            var hostAndPort = authority.Substring(authority.LastIndexOf('@') + 1);

            var (hostText, port) = SplitPort(hostAndPort);
            if (port == null)
            {
                return Failed(scheme, $"has an authority '{hostAndPort}' whose port is not a number from 0 to 65535");
            }

            if (!special)
            {
                return new BrowserUrl(scheme, UrlHost.Opaque(hostText), null, hostText);
            }

            if (hostText.Length == 0)
            {
                return Failed(scheme, "has no host");
            }

            var host = UrlHost.Parse(hostText, out var problem);
            return host == null ? Failed(scheme, $"has a host '{hostText}' that {problem}") : new BrowserUrl(scheme, host, null, hostText);
        }

        private static BrowserUrl Failed(string scheme, string problem) => new BrowserUrl(scheme, null, problem);

        /// <summary>Host text and port text ("" when none); port null when it is not a valid port.</summary>
        private static (string Host, string? Port) SplitPort(string hostAndPort)
        {
            int colon;
            if (hostAndPort.StartsWith("[", StringComparison.Ordinal))
            {
                var close = hostAndPort.IndexOf(']');
                colon = close < 0 ? -1 : hostAndPort.IndexOf(':', close);
                if (close >= 0 && close + 1 < hostAndPort.Length && colon != close + 1)
                {
                    return (hostAndPort, null);
                }
            }
            else
            {
                colon = hostAndPort.IndexOf(':');
            }

            if (colon < 0)
            {
                return (hostAndPort, string.Empty);
            }

            var port = hostAndPort.Substring(colon + 1);
            var valid = AllDigits(port) && (port.Length == 0 || (port.TrimStart('0').Length <= 5 && ValueOf(port) <= 65535));
            return (hostAndPort.Substring(0, colon), valid ? port : null);
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        // Loops rather than LINQ over the characters: run for every redirect URI, and each LINQ method over char is compiled anew on first use.

        private static string WithoutTabOrNewline(string text)
        {
            if (text.IndexOfAny(TabOrNewline) < 0)
            {
                return text;
            }

            var kept = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c != '\t' && c != '\n' && c != '\r')
                {
                    kept.Append(c);
                }
            }

            return kept.ToString();
        }

        /// <summary>Whether every character before the colon may be in a scheme (ASCII letters and digits, '+', '-', '.').</summary>
        private static bool IsScheme(string input, int colon)
        {
            for (var index = 0; index < colon; index++)
            {
                var c = input[index];
                if (!(IsAsciiLetter(c) || char.IsDigit(c) && c < 128 || c == '+' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private static int SlashesAtStart(string text)
        {
            var count = 0;
            while (count < text.Length && (text[count] == '/' || text[count] == '\\'))
            {
                count++;
            }

            return count;
        }

        private static bool AllDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static int ValueOf(string digits)
        {
            var value = 0;
            foreach (var digit in digits)
            {
                value = (value * 10) + (digit - '0');
            }

            return value;
        }
    }
}
