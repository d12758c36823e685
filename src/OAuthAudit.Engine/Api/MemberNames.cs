using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// The member names of one DTO for <see cref="JsonFields.Members"/>: a member's name is matched against their UTF-8
    /// bytes as written (no string per member), then ignoring case, as the serializer matches names.
    /// </summary>
    internal sealed class MemberNames
    {
        /// <summary>Every name of every DTO read by hand, for a JsonTextReader set up by <see cref="JsonFields.Configure"/>.</summary>
        public static readonly DefaultJsonNameTable Table = new DefaultJsonNameTable();

        private static readonly object Lock = new object();

        private readonly string[] _names;
        private readonly byte[][] _utf8;
        private readonly Dictionary<string, string> _ignoringCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public MemberNames(params string[] names)
        {
            _names = names;
            _utf8 = new byte[names.Length][];
            lock (Lock)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
                    _ignoringCase.Add(names[i], names[i]);
                    Table.Add(names[i]);
                }
            }
        }

        /// <returns>The known name the tokenizer's current member name is, exactly or ignoring case; null for a member not known.</returns>
        [MethodImpl(Utf8JsonTokenizer.Hot)]
        public string? Find(Utf8JsonTokenizer reader)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (reader.ValueEquals(_utf8[i]))
                {
                    return _names[i];
                }
            }

            if (reader.ValueIsPlainAscii())
            {
                for (var i = 0; i < _utf8.Length; i++)
                {
                    if (reader.ValueEqualsIgnoringAsciiCase(_utf8[i]))
                    {
                        return _names[i];
                    }
                }

                return null;
            }

            return _ignoringCase.TryGetValue(reader.GetString(), out var known) ? known : null;
        }
    }
}
