using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// The role ids a client listing's raw UTF-8 bytes seem to reference ("roleId":"…" in roleDivisions, "roleIds":[…]),
    /// found by a byte scan in a few milliseconds, so that the roles can be asked for while the listing is parsed.
    /// A hint only: what is audited comes from the parsed listing, whose ids are read (or found already read) as ever.
    /// An id that is not plain ([A-Za-z0-9_-], at most 64 characters) is passed over; the parse catches it.
    /// </summary>
    internal static class RoleIdScan
    {
        public const int MaxIdLength = 64;

        /// <summary>More ids than this and the scan gives up: the listing is resolved after its parse, as without a hint.</summary>
        public const int MaxIds = 5000;

        private static readonly byte[] Role = Encoding.ASCII.GetBytes("\"role");

        /// <returns>The distinct ids found (ignoring case); null when there are none or too many.</returns>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public static IReadOnlyCollection<string>? Scan(byte[] body, int start, int length)
        {
            var ids = new Found();
            var end = start + length;
            var at = start;
            while (true)
            {
                // "roleId" and "roleIds" are the only member names of a client with a capital I in "role…I".
                var capital = Array.IndexOf(body, (byte)'I', at, end - at);
                if (capital < 0)
                {
                    break;
                }

                at = capital + 1;
                if (!Follows(body, start, capital, Role) || at + 2 > end || body[at] != (byte)'d')
                {
                    continue;
                }

                var many = body[at + 1] == (byte)'s';
                var quote = at + (many ? 2 : 1);
                if (quote >= end || body[quote] != (byte)'"')
                {
                    continue;
                }

                var value = Colon(body, quote + 1, end);
                if (value < 0)
                {
                    at = quote + 1;
                    continue;
                }

                at = many ? ReadList(body, value, end, ids) : ReadId(body, value, end, ids);
                if (ids.Count > MaxIds)
                {
                    return null;
                }
            }

            return ids.Count == 0 ? null : ids.Ids;
        }

        /// <summary>
        /// The ids, told apart by a 64-bit hash of their bytes ignoring case, so that the thousands of repeats make no
        /// string each; two ids with one hash would lose one from the hint, which the read after the parse makes up.
        /// </summary>
        private sealed class Found
        {
            private readonly HashSet<ulong> _hashes = new HashSet<ulong>();

            public List<string> Ids { get; } = new List<string>();

            public int Count => Ids.Count;

            [MethodImpl(Utf8JsonTokenizer.Hot)]
            public void Add(byte[] body, int first, int length)
            {
                var hash = 14695981039346656037UL;
                for (var index = first; index < first + length; index++)
                {
                    var value = body[index];
                    hash = (hash ^ (value >= (byte)'A' && value <= (byte)'Z' ? (byte)(value | 0x20) : value)) * 1099511628211UL;
                }

                if (_hashes.Add(hash))
                {
                    Ids.Add(Encoding.ASCII.GetString(body, first, length));
                }
            }
        }

        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static bool Follows(byte[] body, int start, int index, byte[] prefix)
        {
            var from = index - prefix.Length;
            if (from < start)
            {
                return false;
            }

            for (var i = 0; i < prefix.Length; i++)
            {
                if (body[from + i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <returns>Where the value after the member's colon starts; -1 when there is no colon.</returns>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static int Colon(byte[] body, int at, int end)
        {
            at = SkipSpace(body, at, end);
            return at < end && body[at] == (byte)':' ? SkipSpace(body, at + 1, end) : -1;
        }

        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static int SkipSpace(byte[] body, int at, int end)
        {
            while (at < end && (body[at] == (byte)' ' || body[at] == (byte)'\t' || body[at] == (byte)'\n' || body[at] == (byte)'\r'))
            {
                at++;
            }

            return at;
        }

        /// <returns>Where scanning goes on.</returns>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static int ReadList(byte[] body, int at, int end, Found ids)
        {
            if (at >= end || body[at] != (byte)'[')
            {
                return at;
            }

            at = SkipSpace(body, at + 1, end);
            while (at < end && body[at] == (byte)'"')
            {
                at = SkipSpace(body, ReadId(body, at, end, ids), end);
                if (at >= end || body[at] != (byte)',')
                {
                    break;
                }

                at = SkipSpace(body, at + 1, end);
            }

            return at;
        }

        /// <param name="at">Where the id's opening quote should be.</param>
        /// <returns>Where scanning goes on: after the closing quote of a plain id, else where the id stopped being plain.</returns>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static int ReadId(byte[] body, int at, int end, Found ids)
        {
            if (at >= end || body[at] != (byte)'"')
            {
                return at;
            }

            var first = at + 1;
            var index = first;
            while (index < end && index - first <= MaxIdLength && IsPlain(body[index]))
            {
                index++;
            }

            if (index >= end || body[index] != (byte)'"' || index == first || index - first > MaxIdLength)
            {
                return index;
            }

            ids.Add(body, first, index - first);
            return index + 1;
        }

        [MethodImpl(Utf8JsonTokenizer.Hot)]
        private static bool IsPlain(byte value) =>
            (value >= (byte)'a' && value <= (byte)'z') || (value >= (byte)'A' && value <= (byte)'Z') || (value >= (byte)'0' && value <= (byte)'9') || value == (byte)'-' || value == (byte)'_';
    }
}
