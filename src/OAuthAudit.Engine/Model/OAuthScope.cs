using System;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// An entry of the global OAuth scope registry, or a scope name a client holds that the registry
    /// does not know (IsKnown = false). A scope equals another scope or a string with the same name,
    /// so "$client.Scopes -contains 'users:readonly'" works in PowerShell.
    /// </summary>
    public sealed class OAuthScope : IEquatable<OAuthScope>
    {
        /// <summary>The suffix of a read-only scope ("users:readonly"); the one place this fact is written.</summary>
        public const string ReadOnlySuffix = ":readonly";

        public OAuthScope(string name, string? description)
            : this(name, description, isKnown: true)
        {
        }

        private OAuthScope(string name, string? description, bool isKnown)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Description = description;
            IsKnown = isKnown;
        }

        public static OAuthScope Unknown(string name) => new OAuthScope(name, description: null, isKnown: false);

        public string Name { get; }

        public string? Description { get; }

        public bool IsKnown { get; }

        public bool IsReadOnly => Name.EndsWith(ReadOnlySuffix, StringComparison.OrdinalIgnoreCase);

        public bool Equals(OAuthScope? other) => other != null && NameEquals(other.Name);

        public override bool Equals(object? obj) => obj switch
        {
            OAuthScope scope => Equals(scope),
            string name => NameEquals(name),
            _ => false,
        };

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

        public override string ToString() => DisplayText.Visible(Name)!;

        private bool NameEquals(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
    }
}
