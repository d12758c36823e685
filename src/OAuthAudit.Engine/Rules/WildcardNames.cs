using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>Names given as wildcards in a baseline (clients, roles, divisions): any one matching the whole name.</summary>
    internal sealed class WildcardNames
    {
        private readonly Wildcard[] _patterns;
        private readonly ConcurrentDictionary<string, bool>? _answers;

        /// <param name="remember">
        /// Keep each answer: for names from the organization's own short lists (roles, divisions), asked again for
        /// every client that holds them; not for client names, each asked about once.
        /// </param>
        public WildcardNames(IEnumerable<string> patterns, bool remember = false)
        {
            _patterns = patterns.Select(pattern => new Wildcard(pattern)).ToArray();
            _answers = remember ? new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) : null;
        }

        public bool Matches(string name)
        {
            if (_answers == null || name == null)
            {
                return Any(name);
            }

            return _answers.TryGetValue(name, out var known) ? known : _answers.GetOrAdd(name, Any(name));
        }

        private bool Any(string? name)
        {
            foreach (var pattern in _patterns)
            {
                if (pattern.IsMatch(name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
