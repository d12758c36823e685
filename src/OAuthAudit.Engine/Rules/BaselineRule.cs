using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>One rule of a baseline, as declared: whom it applies to and what it demands of them.</summary>
    public sealed class BaselineRule
    {
        internal BaselineRule(string id, string description, Severity severity, string? remediation, ClientMatch match, ClientMatch? exemptions)
        {
            Id = id;
            Description = description;
            Severity = severity;
            Remediation = remediation;
            Match = match;
            Exemptions = exemptions;
        }

        public string Id { get; }

        public string Description { get; }

        public Severity Severity { get; }

        public string? Remediation { get; }

        public ClientMatch Match { get; }

        /// <summary>Clients the rule does not apply to even when they match.</summary>
        public ClientMatch? Exemptions { get; }

        public ValueList<ScopePattern> RequiredScopes { get; internal set; } = ValueList<ScopePattern>.Empty;

        /// <summary>When set, any scope beyond these (and the read-only forms they imply) is excessive.</summary>
        public ValueList<ScopePattern>? AllowedScopes { get; internal set; }

        public ValueList<ScopePattern> ForbiddenScopes { get; internal set; } = ValueList<ScopePattern>.Empty;

        public bool ForbidUnknownScopes { get; internal set; }

        public int? MaxAccessTokenValiditySeconds { get; internal set; }

        public RedirectUriPolicy? RedirectUris { get; internal set; }

        public ValueList<string>? AllowedStates { get; internal set; }

        /// <summary>Role names (wildcards) the client must hold in some division.</summary>
        public ValueList<string> RequiredRoles { get; internal set; } = ValueList<string>.Empty;

        public ValueList<string> ForbiddenRoles { get; internal set; } = ValueList<string>.Empty;

        /// <summary>Permissions the client's roles must not hold any action of (a "*" on either side matches any part).</summary>
        public ValueList<PermissionPattern> ForbiddenPermissions { get; internal set; } = ValueList<PermissionPattern>.Empty;

        /// <summary>A role permission with "*" in a part is a finding.</summary>
        public bool ForbidWildcardPermissions { get; internal set; }

        /// <summary>When set, grants in any other division (or in all divisions, unless "*" is listed) are findings.</summary>
        public ValueList<string>? AllowedDivisions { get; internal set; }

        public bool ForbidAllDivisions { get; internal set; }

        public bool ForbidPrivilegeEscalation { get; internal set; }

        /// <summary>Role or division ids the organization does not know (deleted roles, removed divisions) are findings.</summary>
        public bool ForbidUnknownRoles { get; internal set; }

        /// <summary>Grant types being retired: a client on one is a finding, Critical once its end-of-life date has come.</summary>
        public ValueList<DeprecatedGrantType> DeprecatedGrantTypes { get; internal set; } = ValueList<DeprecatedGrantType>.Empty;

        /// <summary>A name, description or redirect URI holding control or bidi format characters (forged lines, terminal escapes) is a finding.</summary>
        public bool ForbidSuspiciousText { get; internal set; }

        public bool AppliesTo(OAuthClient client) => Match.Matches(client) && !(Exemptions?.Matches(client) ?? false);

        public override string ToString() => DisplayText.Visible($"{Id} ({Severity}): {Description}")!;
    }
}
