using System;
using System.Linq;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// An OAuth client as the API describes it (OAuthClient), with its scope names resolved against the
    /// organization's scope registry and its role × division grants resolved to names and permissions.
    /// The client secret is never read, so it can never be shown.
    /// </summary>
    public sealed class OAuthClient
    {
        private ValueList<OAuthScope> _scopes = ValueList<OAuthScope>.Empty;
        private ValueList<string>? _unknownScopes;

        internal OAuthClient(string id, string name, string authorizedGrantType)
        {
            Id = id;
            Name = name;
            AuthorizedGrantType = GrantTypes.Normalize(authorizedGrantType);
        }

        public string Id { get; }

        public string Name { get; }

        public string? Description { get; internal set; }

        /// <summary>As the API's AuthorizedGrantTypeEnum spells it (an older SAML2BEARER is read as SAML2-BEARER).</summary>
        public string AuthorizedGrantType { get; }

        public string? State { get; internal set; }

        public int? AccessTokenValiditySeconds { get; internal set; }

        public ValueList<string> RegisteredRedirectUri { get; internal set; } = ValueList<string>.Empty;

        public ValueList<OAuthScope> Scopes
        {
            get => _scopes;
            internal set
            {
                _scopes = value;
                _unknownScopes = null;
            }
        }

        /// <summary>The scope names the registry did not know (worked out once: every audit rule and result asks).</summary>
        public ValueList<string> UnknownScopes =>
            _unknownScopes ??= ValueList.From(Scopes.Where(scope => !scope.IsKnown).Select(scope => scope.Name));

        /// <summary>The role × division grants as the API gives them (ids).</summary>
        public ValueList<RoleDivision> RoleDivisions { get; internal set; } = ValueList<RoleDivision>.Empty;

        /// <summary>The deprecated roleIds as the API gives them; audited (in the home division) only when there are no RoleDivisions.</summary>
        public ValueList<string> RoleIds { get; internal set; } = ValueList<string>.Empty;

        /// <summary>The grants resolved to role and division names; unknown ids are kept and flagged.</summary>
        public ValueList<RoleGrant> Roles { get; internal set; } = ValueList<RoleGrant>.Empty;

        /// <summary>Every domain:entity:action the client's roles grant, in any division.</summary>
        public ValueList<string> Permissions => ValueList.From(Roles.SelectMany(grant => grant.Permissions).Distinct(StringComparer.OrdinalIgnoreCase));

        public UtcTimestamp? DateCreated { get; internal set; }

        public UtcTimestamp? DateModified { get; internal set; }

        public EntityReference? CreatedBy { get; internal set; }

        public EntityReference? ModifiedBy { get; internal set; }

        public UtcTimestamp? DateToDelete { get; internal set; }

        public string? SelfUri { get; internal set; }

        public string? OrganizationName { get; internal set; }

        /// <summary>The organization's id: what keys an organization everywhere (names are not unique).</summary>
        public string? OrganizationId { get; internal set; }

        /// <summary>The connection the client was read through (organization, region, live or snapshot); not shown.</summary>
        internal Connections.GcContext? Context { get; set; }

        /// <summary>When a live client was read from the API (a listing read when connecting may be older than the command); null from a snapshot.</summary>
        internal DateTime? ReadAt { get; set; }

        /// <summary>The client's API usage when it was read along with the client; null when it was not read.</summary>
        public OAuthClientUsage? Usage { get; internal set; }

        public bool IsClientCredentials => AuthorizedGrantType == GrantTypes.ClientCredentials;

        /// <summary>What the client may do, as text ("a; b"): its role grants for a client-credentials client, else its scopes.</summary>
        public string Access => IsClientCredentials ? Roles.ToString() : Scopes.ToString();

        public override string ToString() => DisplayText.Visible(Name)!;
    }
}
