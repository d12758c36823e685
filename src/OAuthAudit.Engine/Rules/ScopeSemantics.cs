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
    }
}
