using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.Evaluation;
using OAuthAudit.Engine.Rules.Writing;

namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>
    /// What one group's rule demands: what its members hold today (allowed and required scopes, the longest token
    /// lifetime, the states, the roles every member holds, the divisions granted) and each flag that every member
    /// already meets. A flag is set only when the real check finds nothing on any member; when it does find
    /// something, that finding becomes a review note instead (escalation paths, all-division grants, wildcard
    /// permissions, insecure redirect URIs, hidden characters, unknown scopes and roles).
    /// </summary>
    internal static class GroupDemands
    {
        public static (IReadOnlyList<Demand> Demands, IReadOnlyList<string> Notes) For(ClientGroup group, EvaluationContext evaluation)
        {
            var members = group.Members;
            var demands = new List<Demand?>();
            var notes = new List<string>();
            var roleClients = members.Any(client => client.IsClientCredentials || client.Roles.Count > 0);
            var scopeClients = members.Any(client => !client.IsClientCredentials || client.Scopes.Count > 0);

            if (scopeClients)
            {
                AddScopes(members, demands, notes);
                demands.Add(Probe(DemandKinds.ForbidUnknownScopes.Of(true), null, members, evaluation, notes));
            }

            var lifetimes = members.Where(client => client.AccessTokenValiditySeconds >= 1).Select(client => client.AccessTokenValiditySeconds!.Value).ToArray();
            if (lifetimes.Length > 0)
            {
                demands.Add(DemandKinds.MaxAccessTokenValiditySeconds.Of(lifetimes.Max()));
            }

            if (members.Any(client => client.AuthorizedGrantType == GrantTypes.Code || client.AuthorizedGrantType == GrantTypes.Token))
            {
                demands.Add(RedirectUris(members, evaluation, notes));
            }

            if (members.All(client => ClientStates.All.Contains(client.State ?? string.Empty, StringComparer.OrdinalIgnoreCase)))
            {
                demands.Add(DemandKinds.AllowedStates.Of(ValueList.From(ClientStates.All.Where(state => members.Any(client => string.Equals(client.State, state, StringComparison.OrdinalIgnoreCase))))));
            }

            if (roleClients)
            {
                AddRoles(members, demands, notes);
                demands.Add(Probe(DemandKinds.ForbidAllDivisions.Of(true), null, members, evaluation, notes));
                demands.Add(Probe(DemandKinds.ForbidPrivilegeEscalation.Of(true), null, members, evaluation, notes));
                demands.Add(Probe(DemandKinds.ForbidUnknownRoles.Of(true), null, members, evaluation, notes));
                demands.Add(Probe(DemandKinds.ForbidWildcardPermissions.Of(true), null, members, evaluation, notes));
            }

            demands.Add(Probe(DemandKinds.ForbidSuspiciousText.Of(true), null, members, evaluation, notes));
            return (demands.Where(demand => demand != null).Select(demand => demand!).ToArray(), notes.Distinct(StringComparer.Ordinal).ToArray());
        }

        /// <summary>allowedScopes: every scope held (left out, with a note, when one cannot be written as a scope name); requiredScopes: those every member holds.</summary>
        private static void AddScopes(IReadOnlyList<OAuthClient> members, List<Demand?> demands, List<string> notes)
        {
            var unnamed = members.SelectMany(client => client.Scopes.Where(scope => !ScopePattern.IsValid(scope.Name)).Select(scope => (client, scope.Name))).ToArray();
            foreach (var (client, scope) in unnamed)
            {
                notes.Add($"{DemandKinds.AllowedScopes.Key} left out: '{client.Name}' holds scope '{scope}', which is not a scope name a baseline can list.");
            }

            var required = members
                .Select(client => client.Scopes.Select(scope => scope.Name).Where(ScopePattern.IsValid))
                .Aggregate((IEnumerable<string>?)null, (shared, held) => shared == null ? held.ToArray() : shared.Intersect(held, StringComparer.OrdinalIgnoreCase).ToArray())
                ?? Enumerable.Empty<string>();
            demands.Add(NonEmpty(DemandKinds.RequiredScopes, Patterns(required)));
            if (unnamed.Length == 0)
            {
                demands.Add(DemandKinds.AllowedScopes.Of(Patterns(members.SelectMany(client => client.Scopes.Select(scope => scope.Name)))));
            }
        }

        /// <summary>requiredRoles: the known roles every member holds; allowedDivisions: every known division granted, and '*' when a grant is in all divisions.</summary>
        private static void AddRoles(IReadOnlyList<OAuthClient> members, List<Demand?> demands, List<string> notes)
        {
            var shared = members
                .Select(client => client.Roles.Where(grant => grant.IsKnownRole && YamlScalars.IsWritable(grant.RoleName!)).Select(grant => grant.RoleName!))
                .Aggregate((IEnumerable<string>?)null, (common, held) => common == null ? held.ToArray() : common.Intersect(held, StringComparer.OrdinalIgnoreCase).ToArray())
                ?? Enumerable.Empty<string>();
            demands.Add(NonEmpty(DemandKinds.RequiredRoles, Texts(shared)));

            var grants = members.SelectMany(client => client.Roles).Where(grant => grant.IsKnownDivision).ToArray();
            var divisions = grants.Where(grant => !grant.IsAllDivisions).Select(grant => grant.DivisionName!).ToArray();
            var all = grants.Any(grant => grant.IsAllDivisions) ? new[] { RoleDivision.AllDivisions } : new string[0];
            var unwritable = divisions.Where(name => !YamlScalars.IsWritable(name)).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var division in unwritable)
            {
                notes.Add($"{DemandKinds.AllowedDivisions.Key} left out: a grant is in division '{division}', whose name a baseline cannot hold.");
            }

            if (unwritable.Length == 0)
            {
                demands.Add(NonEmpty(DemandKinds.AllowedDivisions, ValueList.From(all.Concat(Texts(divisions)))));
            }
        }

        /// <summary>Each redirect URI flag every member meets; none set (with the findings as notes) when a member meets none.</summary>
        private static Demand? RedirectUris(IReadOnlyList<OAuthClient> members, EvaluationContext evaluation, List<string> notes)
        {
            bool Meets(RedirectUriPolicy policy, string flag) => Probe(DemandKinds.RedirectUris.Of(policy), $"{DemandKinds.RedirectUris.Key}.{flag}", members, evaluation, notes) != null;
            var https = Meets(new RedirectUriPolicy(true, false, false), BaselineKeys.RequireHttps);
            var wildcard = Meets(new RedirectUriPolicy(false, true, false), BaselineKeys.ForbidWildcardHosts);
            var localhost = Meets(new RedirectUriPolicy(false, false, true), BaselineKeys.ForbidLocalhost);
            return https || wildcard || localhost ? DemandKinds.RedirectUris.Of(new RedirectUriPolicy(https, wildcard, localhost)) : null;
        }

        /// <summary>The demand when no member gets a finding from it (Info ones aside); else null, each finding noted.</summary>
        /// <param name="label">Names the demand in notes; its key when null.</param>
        private static Demand? Probe(Demand? demand, string? label, IReadOnlyList<OAuthClient> members, EvaluationContext evaluation, List<string> notes)
        {
            if (demand == null)
            {
                return null;
            }

            var rule = new BaselineRule("probe", "probe", Severity.High, null, ClientMatch.Everything, null, new[] { demand });
            var checks = RuleChecks.For(rule);
            var found = new ProbeFindings(label ?? demand.Key, notes);
            foreach (var client in members)
            {
                var context = new CheckContext(client, evaluation, found);
                foreach (var check in checks)
                {
                    check.Check(context);
                }
            }

            return found.Count == 0 ? demand : null;
        }

        /// <summary>Each finding of a probe (Info ones aside) as a note: "requiredScopes not set: 'name' requires ...".</summary>
        private sealed class ProbeFindings : IFindingSink
        {
            private readonly string _label;
            private readonly List<string> _notes;

            public ProbeFindings(string label, List<string> notes)
            {
                _label = label;
                _notes = notes;
            }

            public int Count { get; private set; }

            public void Found(FindingKind kind, string subject, string message, string remediation, Severity? fixedSeverity, bool remediationOverridesRule)
            {
                if (fixedSeverity != Severity.Info)
                {
                    _notes.Add(_label + " not set: " + message);
                    Count++;
                }
            }
        }

        /// <summary>A list demand only when the list holds something (an empty requiredScopes or allowedDivisions is not a baseline's).</summary>
        private static Demand? NonEmpty<T>(DemandKind<ValueList<T>> kind, ValueList<T> items) => items.Count == 0 ? null : kind.Of(items);

        private static ValueList<ScopePattern> Patterns(IEnumerable<string> scopes) =>
            ValueList.From(Texts(scopes).Select(scope => new ScopePattern(scope)));

        /// <summary>Distinct ignoring case (the first spelling kept), sorted ignoring case and then exactly: the same set always in the same order.</summary>
        private static ValueList<string> Texts(IEnumerable<string> items) =>
            ValueList.From(items.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(item => item, StringComparer.OrdinalIgnoreCase).ThenBy(item => item, StringComparer.Ordinal));
    }
}
