using OAuthAudit.Engine.Model;

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

        public bool AppliesTo(OAuthClient client) => Match.Matches(client) && !(Exemptions?.Matches(client) ?? false);

        public override string ToString() => $"{Id} ({Severity}): {Description}";
    }
}
