using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace OAuthAudit.Engine.Api
{
    /// <summary>The member names of one DTO for <see cref="JsonFields.Members"/>: matched again ignoring case, and shared with the reader's name table.</summary>
    internal sealed class MemberNames
    {
        /// <summary>Every name of every DTO read by hand (added while DtoReaders initializes, before any read): the reader returns these instances instead of a new string per member.</summary>
        public static readonly DefaultJsonNameTable Table = new DefaultJsonNameTable();

        private static readonly object Lock = new object();

        private readonly Dictionary<string, string> _ignoringCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public MemberNames(params string[] names)
        {
            lock (Lock)
            {
                foreach (var name in names)
                {
                    _ignoringCase.Add(name, name);
                    Table.Add(name);
                }
            }
        }

        /// <returns>The known name that <paramref name="name"/> matches ignoring case, or null.</returns>
        public string? IgnoringCase(string name) => _ignoringCase.TryGetValue(name, out var known) && !string.Equals(known, name, StringComparison.Ordinal) ? known : null;
    }
}
