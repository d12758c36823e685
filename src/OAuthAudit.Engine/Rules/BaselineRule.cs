using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>One rule of a baseline, as declared: whom it applies to and what it demands of them.</summary>
    public sealed class BaselineRule
    {
        internal BaselineRule(string id, string description, Severity severity, string? remediation, ClientMatch match, ClientMatch? exemptions, IEnumerable<Demand> demands,
            RunData onlyWhenLoaded = RunData.None)
        {
            Demands = ValueList.From(demands.OrderBy(demand => Order(demand.Kind)));
            if (Demands.Count == 0)
            {
                throw new ArgumentException($"Rule '{id}' checks nothing: give it at least one demand.", nameof(demands));
            }

            if (Demands.Select(demand => demand.Kind).Distinct().Count() != Demands.Count)
            {
                throw new ArgumentException($"Rule '{id}' makes a demand twice: give each kind once.", nameof(demands));
            }

            Id = id;
            Description = description;
            Severity = severity;
            Remediation = remediation;
            Match = match;
            Exemptions = exemptions;
            OnlyWhenLoaded = onlyWhenLoaded;
            Needs = Demands.Aggregate(RunData.None, (needs, demand) => needs | demand.Kind.Needs);
        }

        public string Id { get; }

        public string Description { get; }

        public Severity Severity { get; }

        public string? Remediation { get; }

        public ClientMatch Match { get; }

        /// <summary>Clients the rule does not apply to even when they match.</summary>
        public ClientMatch? Exemptions { get; }

        /// <summary>
        /// Data the rule applies only with (the baseline's onlyWhenLoaded): without it the rule does not apply at
        /// all (neither checked nor skipped), so a baseline can hold a usage rule that runs without usage quietly.
        /// </summary>
        public RunData OnlyWhenLoaded { get; }

        /// <summary>The data beyond the client its demands need: a rule that applies without it is skipped, never passed.</summary>
        public RunData Needs { get; }

        /// <summary>What the rule demands, in baseline key order (<see cref="DemandKinds.All"/>); never empty.</summary>
        public ValueList<Demand> Demands { get; }

        public ValueList<ScopePattern> RequiredScopes => ValueOf(DemandKinds.RequiredScopes) ?? ValueList<ScopePattern>.Empty;

        /// <summary>When set, any scope beyond these (and the read-only forms they imply) is excessive.</summary>
        public ValueList<ScopePattern>? AllowedScopes => ValueOf(DemandKinds.AllowedScopes);

        public ValueList<ScopePattern> ForbiddenScopes => ValueOf(DemandKinds.ForbiddenScopes) ?? ValueList<ScopePattern>.Empty;

        public bool ForbidUnknownScopes => Has(DemandKinds.ForbidUnknownScopes);

        public int? MaxAccessTokenValiditySeconds => Find(DemandKinds.MaxAccessTokenValiditySeconds) is Demand demand ? DemandKinds.MaxAccessTokenValiditySeconds.ValueOf(demand) : (int?)null;

        public RedirectUriPolicy? RedirectUris => ValueOf(DemandKinds.RedirectUris);

        public ValueList<string>? AllowedStates => ValueOf(DemandKinds.AllowedStates);

        /// <summary>Role names (wildcards) the client must hold in some division.</summary>
        public ValueList<string> RequiredRoles => ValueOf(DemandKinds.RequiredRoles) ?? ValueList<string>.Empty;

        public ValueList<string> ForbiddenRoles => ValueOf(DemandKinds.ForbiddenRoles) ?? ValueList<string>.Empty;

        /// <summary>Permissions the client's roles must not hold any action of (a "*" on either side matches any part).</summary>
        public ValueList<PermissionPattern> ForbiddenPermissions => ValueOf(DemandKinds.ForbiddenPermissions) ?? ValueList<PermissionPattern>.Empty;

        /// <summary>A role permission with "*" in a part is a finding.</summary>
        public bool ForbidWildcardPermissions => Has(DemandKinds.ForbidWildcardPermissions);

        /// <summary>When set, grants in any other division (or in all divisions, unless "*" is listed) are findings.</summary>
        public ValueList<string>? AllowedDivisions => ValueOf(DemandKinds.AllowedDivisions);

        public bool ForbidAllDivisions => Has(DemandKinds.ForbidAllDivisions);

        public bool ForbidPrivilegeEscalation => Has(DemandKinds.ForbidPrivilegeEscalation);

        /// <summary>Role or division ids the organization does not know (deleted roles, removed divisions) are findings.</summary>
        public bool ForbidUnknownRoles => Has(DemandKinds.ForbidUnknownRoles);

        /// <summary>Grant types being retired: a client on one is a finding, Critical once its end-of-life date has come.</summary>
        public ValueList<DeprecatedGrantType> DeprecatedGrantTypes => ValueOf(DemandKinds.DeprecatedGrantTypes) ?? ValueList<DeprecatedGrantType>.Empty;

        /// <summary>A name, description or redirect URI holding control or bidi format characters (forged lines, terminal escapes) is a finding.</summary>
        public bool ForbidSuspiciousText => Has(DemandKinds.ForbidSuspiciousText);

        /// <summary>Days within which the client must have made a request; checked only where usage was loaded.</summary>
        public int? MaxIdleDays => Find(DemandKinds.MaxIdleDays) is Demand demand ? DemandKinds.MaxIdleDays.ValueOf(demand) : (int?)null;

        public bool FlagNeverUsed => Has(DemandKinds.FlagNeverUsed);

        /// <summary>The largest share (percent) of requests answered 429 before the client counts as throttled.</summary>
        public int? MaxThrottledShare => Find(DemandKinds.MaxThrottledShare) is Demand demand ? DemandKinds.MaxThrottledShare.ValueOf(demand) : (int?)null;

        /// <summary>The demand of that kind, or null when the rule makes none.</summary>
        public Demand? Find(DemandKind kind) => Demands.FirstOrDefault(demand => demand.Kind == kind);

        public bool AppliesTo(OAuthClient client) => Match.Matches(client) && !(Exemptions?.Matches(client) ?? false);

        /// <summary>Whether the rule applies to the client in a run holding <paramref name="loaded"/> (its onlyWhenLoaded data present, then its match).</summary>
        public bool AppliesTo(OAuthClient client, RunData loaded) => (OnlyWhenLoaded & ~loaded) == RunData.None && AppliesTo(client);

        private T? ValueOf<T>(DemandKind<T> kind)
            where T : class =>
            Find(kind) is Demand demand ? kind.ValueOf(demand) : null;

        private bool Has(DemandKind<bool> kind) => Find(kind) != null;

        private static int Order(DemandKind kind)
        {
            for (var index = 0; index < DemandKinds.All.Count; index++)
            {
                if (DemandKinds.All[index] == kind)
                {
                    return index;
                }
            }

            throw new ArgumentException($"'{kind.Key}' is not a demand kind of DemandKinds.All.", nameof(kind));
        }

        public override string ToString() => DisplayText.Visible($"{Id} ({Severity}): {Description}")!;
    }
}
