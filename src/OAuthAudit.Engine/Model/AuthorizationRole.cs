using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>A role of the organization (the API's DomainOrganizationRole) with its permissions spelled out.</summary>
    public sealed class AuthorizationRole
    {
        internal AuthorizationRole(string id, string name, string? description, IReadOnlyList<HeldPermission> held, ValueList<string> legacyPermissions, bool isDefault)
        {
            Held = held;
            LegacyPermissions = legacyPermissions;
            Id = id;
            Name = name;
            Description = description;
            Permissions = ValueList.From(held.Select(permission => permission.Text));
            ConditionalPermissions = ValueList.From(held.Where(permission => permission.IsConditional).Select(permission => permission.Text));
            IsDefault = isDefault;
        }

        public string Id { get; }

        public string Name { get; }

        public string? Description { get; }

        /// <summary>
        /// domain:entity:action strings, one per action of each permission policy ("*" kept as the API gives it),
        /// conditional ones included; "*:*:*" when the role holds the legacy "admin" permission.
        /// </summary>
        public ValueList<string> Permissions { get; }

        /// <summary>Those of Permissions held only where a policy's resource condition holds.</summary>
        public ValueList<string> ConditionalPermissions { get; }

        /// <summary>The role's older, non-policy permission names as the API lists them (usually none).</summary>
        public ValueList<string> LegacyPermissions { get; }

        /// <summary>A role Genesys Cloud ships with every organization.</summary>
        public bool IsDefault { get; }

        internal IReadOnlyList<HeldPermission> Held { get; }

        public override string ToString() => DisplayText.Visible(Name)!;
    }
}
