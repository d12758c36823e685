using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>A role of the organization (the API's DomainOrganizationRole) with its permissions spelled out.</summary>
    public sealed class AuthorizationRole
    {
        internal AuthorizationRole(string id, string name, string? description, ValueList<string> permissions, ValueList<string> legacyPermissions, bool isDefault)
        {
            LegacyPermissions = legacyPermissions;
            Id = id;
            Name = name;
            Description = description;
            Permissions = permissions;
            IsDefault = isDefault;
        }

        public string Id { get; }

        public string Name { get; }

        public string? Description { get; }

        /// <summary>domain:entity:action strings, one per action of each permission policy; "*" kept as the API gives it.</summary>
        public ValueList<string> Permissions { get; }

        /// <summary>The role's older, non-policy permission names as the API lists them (usually none).</summary>
        public ValueList<string> LegacyPermissions { get; }

        /// <summary>A role Genesys Cloud ships with every organization.</summary>
        public bool IsDefault { get; }

        public override string ToString() => DisplayText.Visible(Name)!;
    }
}
