using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// Genesys Cloud scope semantics: a read-write scope X also grants X:readonly. So holding "users" satisfies
    /// a requirement for "users:readonly", is excessive where only "users:readonly" is allowed, and violates a
    /// ban on "users:readonly"; holding "users:readonly" never counts as holding "users".
    /// </summary>
    public static class ScopeSemantics
    {
        /// <summary>Each scope a set of held scopes grants, with the held scope that grants it.</summary>
        public static IReadOnlyList<(string Granted, string HeldAs)> Grants(IEnumerable<string> held)
        {
            var grants = new List<(string, string)>();
            foreach (var scope in held)
            {
                grants.Add((scope, scope));
                if (!IsReadOnly(scope))
                {
                    grants.Add((scope + OAuthScope.ReadOnlySuffix, scope));
                }
            }

            return grants;
        }

        /// <summary>The same for a client's scopes, in the same order, as an array of the exact size.</summary>
        internal static (string Granted, string HeldAs)[] Grants(ValueList<OAuthScope> held)
        {
            var count = held.Count;
            for (var index = 0; index < held.Count; index++)
            {
                count += IsReadOnly(held[index].Name) ? 0 : 1;
            }

            var grants = new (string, string)[count];
            var next = 0;
            for (var index = 0; index < held.Count; index++)
            {
                var scope = held[index].Name;
                grants[next++] = (scope, scope);
                if (!IsReadOnly(scope))
                {
                    grants[next++] = (scope + OAuthScope.ReadOnlySuffix, scope);
                }
            }

            return grants;
        }

        public static bool IsReadOnly(string scope) => scope.EndsWith(OAuthScope.ReadOnlySuffix, StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether an allow-list permits holding this scope: listed itself, or its read-write form is.</summary>
        public static bool IsAllowed(string held, IEnumerable<ScopePattern> allowed)
        {
            string? readWrite = null;
            foreach (var pattern in allowed)
            {
                if (pattern.Matches(held))
                {
                    return true;
                }

                if (IsReadOnly(held) && pattern.Matches(readWrite ??= held.Substring(0, held.Length - OAuthScope.ReadOnlySuffix.Length)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The same over an array of patterns (no enumerator per question).</summary>
        internal static bool IsAllowed(string held, ScopePattern[] allowed)
        {
            string? readWrite = null;
            var readOnly = IsReadOnly(held);
            foreach (var pattern in allowed)
            {
                if (pattern.Matches(held))
                {
                    return true;
                }

                if (readOnly && pattern.Matches(readWrite ??= held.Substring(0, held.Length - OAuthScope.ReadOnlySuffix.Length)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
