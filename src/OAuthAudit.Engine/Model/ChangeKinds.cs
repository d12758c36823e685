using System;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// Reads what kind of change an audited action was from the API's action and the names of the properties it
    /// changed: one place for the property-name facts (which names are secrets, roles, scopes).
    /// </summary>
    internal static class ChangeKinds
    {
        public static bool IsSecretProperty(string property) => Mentions(property, "secret");

        public static bool IsRoleProperty(string property) => Mentions(property, "role");

        public static bool IsScopeProperty(string property) => Mentions(property, "scope");

        public static ValueList<string> Of(string action, IEnumerable<string> properties)
        {
            var kinds = new List<string>();
            if (Is(action, "Create"))
            {
                kinds.Add(OAuthClientChangeEvent.Created);
            }
            else if (Is(action, "Delete"))
            {
                kinds.Add(OAuthClientChangeEvent.Deleted);
            }

            var names = properties.ToArray();
            if (!Is(action, "Create") && (names.Any(IsSecretProperty) || Mentions(action, "secret") || Is(action, "Rotate")))
            {
                kinds.Add(OAuthClientChangeEvent.SecretRegenerated);
            }

            if (!Is(action, "Create") && !Is(action, "Delete"))
            {
                Add(kinds, names.Any(IsRoleProperty), OAuthClientChangeEvent.RolesChanged);
                Add(kinds, names.Any(IsScopeProperty), OAuthClientChangeEvent.ScopesChanged);
                Add(kinds, names.Any(name => Is(name, "name")), OAuthClientChangeEvent.Renamed);
                Add(kinds, names.Any(name => Is(name, "state")), OAuthClientChangeEvent.StateChanged);
                Add(kinds, names.Any(name => Mentions(name, "redirect")), OAuthClientChangeEvent.RedirectUrisChanged);
                Add(kinds, names.Any(name => Mentions(name, "granttype")), OAuthClientChangeEvent.GrantTypeChanged);
            }

            if (kinds.Count == 0)
            {
                kinds.Add(Is(action, "Update") ? OAuthClientChangeEvent.Updated : action.ToLowerInvariant());
            }

            return ValueList.From(kinds);
        }

        private static void Add(List<string> kinds, bool when, string kind)
        {
            if (when)
            {
                kinds.Add(kind);
            }
        }

        private static bool Is(string text, string word) => string.Equals(text, word, StringComparison.OrdinalIgnoreCase);

        private static bool Mentions(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
