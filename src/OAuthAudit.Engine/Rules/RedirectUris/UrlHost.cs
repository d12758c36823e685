using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OAuthAudit.Engine.Rules.RedirectUris
{
    /// <summary>
    /// The host of a URL normalised the way the WHATWG URL standard (and so a browser) does before connecting:
    /// percent-decoded as UTF-8, mapped by IDNA (fullwidth and other compatibility forms to ASCII, ideographic full
    /// stops to '.', lower case), then read as an IPv4 address when its last label is a number (decimal
    /// "2130706433", octal "0177.0.0.1", hex "0x7f.1", shortened "127.1") or as an IPv6 address in brackets.
    /// Name is what is judged: one trailing dot is dropped, since "localhost." reaches the same host as "localhost".
    /// </summary>
    internal sealed class UrlHost
    {
        private const string ForbiddenInDomain = "\u007f #%/:<>?@[\\]^|";

        private UrlHost(string name, UrlHostKind kind, IPAddress? address)
        {
            Name = name;
            Kind = kind;
            Address = address;
        }

        /// <summary>The normalised host: a lower-case ASCII domain without a trailing dot, a dotted IPv4 address, or an IPv6 address.</summary>
        public string Name { get; }

        public UrlHostKind Kind { get; }

        public IPAddress? Address { get; }

        /// <summary>Whether a browser reaching this host reaches the machine it runs on (or "this host" addresses that do).</summary>
        public bool IsLocal
        {
            get
            {
                if (Address == null)
                {
                    return Name == "localhost" || Name.EndsWith(".localhost", StringComparison.Ordinal);
                }

                var address = Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address;
                if (address.AddressFamily == AddressFamily.InterNetwork)
                {
                    var first = address.GetAddressBytes()[0];
                    return first == 127 || first == 0;
                }

                return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any);
            }
        }

        public bool HasWildcard => Address == null && Name.IndexOf('*') >= 0;

        public override string ToString() => Name;

        /// <summary>The host of a URL whose scheme a browser does not fetch from (a custom app scheme): not decoded by the standard, judged as written.</summary>
        internal static UrlHost Opaque(string text)
        {
            var decoded = TryPercentDecode(text) ?? text;
            return new UrlHost(WithoutTrailingDot(decoded.ToLowerInvariant()), UrlHostKind.Opaque, null);
        }

        /// <summary>The host of an http(s) URL, or null with problem saying why a browser would refuse it.</summary>
        internal static UrlHost? Parse(string text, out string? problem)
        {
            problem = null;
            if (text.StartsWith("[", StringComparison.Ordinal))
            {
                var inner = text.Substring(1, Math.Max(text.Length - 2, 0));
                if (!text.EndsWith("]", StringComparison.Ordinal) || inner.Length == 0 || !IsIPv6Text(inner)
                    || !IPAddress.TryParse(inner, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    problem = "is not a valid IPv6 address";
                    return null;
                }

                return new UrlHost(v6.ToString(), UrlHostKind.IPv6, v6);
            }

            var decoded = TryPercentDecode(text);
            if (decoded == null)
            {
                problem = "does not percent-decode to UTF-8 text";
                return null;
            }

            var domain = ToAscii(decoded);
            if (domain == null)
            {
                problem = "is not a valid internationalised domain name";
                return null;
            }

            if (domain.Length == 0 || HasForbiddenCharacter(domain))
            {
                problem = "is empty or holds a character no host may hold (a control character, space or one of #%/:<>?@[\\]^|)";
                return null;
            }

            if (EndsInANumber(domain))
            {
                var v4 = ParseIPv4(domain);
                if (v4 == null)
                {
                    problem = "ends in a number but is not an IPv4 address";
                    return null;
                }

                return new UrlHost(v4.ToString(), UrlHostKind.IPv4, v4);
            }

            return new UrlHost(WithoutTrailingDot(domain), UrlHostKind.Domain, null);
        }

        private static string WithoutTrailingDot(string name) => name.Length > 1 && name.EndsWith(".", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;

        /// <summary>%XX sequences to bytes, then the bytes as UTF-8; null if they are not UTF-8. A '%' not followed by two hex digits stays.</summary>
        private static string? TryPercentDecode(string text)
        {
            if (text.IndexOf('%') < 0)
            {
                return text;
            }

            var bytes = new System.Collections.Generic.List<byte>();
            for (var index = 0; index < text.Length; index++)
            {
                if (text[index] == '%' && index + 2 < text.Length && Uri.IsHexDigit(text[index + 1]) && Uri.IsHexDigit(text[index + 2]))
                {
                    bytes.Add((byte)((Uri.FromHex(text[index + 1]) << 4) | Uri.FromHex(text[index + 2])));
                    index += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(text[index].ToString()));
                }
            }

            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>UTS #46 processing as the URL standard asks (non-transitional, no STD3 rules): null when it fails.</summary>
        private static string? ToAscii(string domain)
        {
            string mapped;
            try
            {
                mapped = domain.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                return null;
            }

            mapped = mapped.Replace('\u3002', '.').Replace('\uFF0E', '.').Replace('\uFF61', '.');
            var labels = mapped.Split('.');
            var mapping = new IdnMapping { AllowUnassigned = false, UseStd3AsciiRules = false };
            for (var index = 0; index < labels.Length; index++)
            {
                var label = labels[index];
                if (IsAscii(label))
                {
                    labels[index] = label.ToLowerInvariant();
                    continue;
                }

                try
                {
                    labels[index] = mapping.GetAscii(label).ToLowerInvariant();
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }

            return string.Join(".", labels);
        }

        /// <summary>The standard's "ends in a number": the last label (ignoring one trailing empty label) is all digits or 0x-hex.</summary>
        private static bool EndsInANumber(string domain)
        {
            var labels = domain.Split('.');
            var last = labels[labels.Length - 1].Length == 0 && labels.Length > 1 ? labels[labels.Length - 2] : labels[labels.Length - 1];
            return last.Length > 0 && (IsDecimal(last) || (last.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && IsHex(last, 2)));
        }

        // Loops rather than LINQ over the characters: run for every redirect URI, and each LINQ method over char is compiled anew on first use.

        private static bool IsIPv6Text(string text)
        {
            foreach (var c in text)
            {
                if (!(Uri.IsHexDigit(c) || c == ':' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasForbiddenCharacter(string domain)
        {
            foreach (var c in domain)
            {
                if (c < ' ' || ForbiddenInDomain.IndexOf(c) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAscii(string text)
        {
            foreach (var c in text)
            {
                if (c >= 128)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDecimal(string text)
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

        /// <summary>Whether every character from the start index on is a hex digit (true when there is none).</summary>
        private static bool IsHex(string text, int start)
        {
            for (var index = start; index < text.Length; index++)
            {
                if (!Uri.IsHexDigit(text[index]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The standard's IPv4 parser: one to four parts, each decimal, octal (leading 0) or hex (0x); the last fills the remaining bytes.</summary>
        private static IPAddress? ParseIPv4(string domain)
        {
            var parts = domain.Split('.').ToList();
            if (parts.Count > 1 && parts[parts.Count - 1].Length == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }

            if (parts.Count > 4)
            {
                return null;
            }

            var numbers = new ulong[parts.Count];
            for (var index = 0; index < parts.Count; index++)
            {
                var number = ParseIPv4Number(parts[index]);
                if (number == null || (index < parts.Count - 1 && number > 255))
                {
                    return null;
                }

                numbers[index] = number.Value;
            }

            var last = numbers[numbers.Length - 1];
            if (last >= 1UL << (8 * (5 - numbers.Length)))
            {
                return null;
            }

            var value = last;
            for (var index = 0; index < numbers.Length - 1; index++)
            {
                value += numbers[index] << (8 * (3 - index));
            }

            return new IPAddress(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
        }

        /// <summary>One part: "0x" hex (digits may be none), leading-zero octal, or decimal; null when invalid or beyond 2^32.</summary>
        private static ulong? ParseIPv4Number(string part)
        {
            if (part.Length == 0)
            {
                return null;
            }

            var radix = 10;
            var digits = part;
            if (part.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                radix = 16;
                digits = part.Substring(2);
            }
            else if (part.Length > 1 && part[0] == '0')
            {
                radix = 8;
                digits = part.Substring(1);
            }

            ulong value = 0;
            foreach (var digit in digits)
            {
                var figure = Uri.IsHexDigit(digit) ? Uri.FromHex(digit) : 99;
                if (figure >= radix)
                {
                    return null;
                }

                value = (value * (ulong)radix) + (ulong)figure;
                if (value > uint.MaxValue)
                {
                    return null;
                }
            }

            return value;
        }
    }
}
