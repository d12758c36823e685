using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.Evaluation;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// Every kind of demand a rule can make, each named once: its key, the shape of its value, the check it
    /// creates and how a baseline writer writes it back. <see cref="All"/> is in baseline key order: the order of
    /// the reader's valid keys, of its "checks nothing" message, of the format document's table and of the
    /// checks run on a client. A new rule kind is an entry here plus its check class (and its reader in
    /// OAuthAudit.Yaml's DemandReaders, keyed by the entry).
    /// </summary>
    public static class DemandKinds
    {
        public static readonly DemandKind<ValueList<ScopePattern>> RequiredScopes = new DemandKind<ValueList<ScopePattern>>(
            "requiredScopes", DemandShape.List, (scopes, _) => new RequiredScopesCheck(scopes), Texts);

        /// <summary>May be empty: no scope at all is allowed.</summary>
        public static readonly DemandKind<ValueList<ScopePattern>> AllowedScopes = new DemandKind<ValueList<ScopePattern>>(
            "allowedScopes", DemandShape.List, (scopes, _) => new AllowedScopesCheck(scopes), Texts);

        public static readonly DemandKind<ValueList<ScopePattern>> ForbiddenScopes = new DemandKind<ValueList<ScopePattern>>(
            "forbiddenScopes", DemandShape.List, (scopes, _) => new ForbiddenScopesCheck(scopes), Texts);

        public static readonly DemandKind<bool> ForbidUnknownScopes = Flag("forbidUnknownScopes", _ => new UnknownScopesCheck());

        public static readonly DemandKind<int> MaxAccessTokenValiditySeconds = new DemandKind<int>(
            "maxAccessTokenValiditySeconds", DemandShape.WholeNumber, (seconds, _) => new TokenLifetimeCheck(seconds), seconds => seconds);

        public static readonly DemandKind<RedirectUriPolicy> RedirectUris = new DemandKind<RedirectUriPolicy>(
            "redirectUris", DemandShape.Mapping, (policy, _) => new RedirectUriCheck(policy), WrittenPolicy);

        public static readonly DemandKind<ValueList<string>> AllowedStates = new DemandKind<ValueList<string>>(
            "allowedStates", DemandShape.List, (states, _) => new StateCheck(states), Texts);

        public static readonly DemandKind<ValueList<string>> RequiredRoles = new DemandKind<ValueList<string>>(
            "requiredRoles", DemandShape.List, (roles, _) => new RequiredRolesCheck(roles), Texts);

        public static readonly DemandKind<ValueList<string>> ForbiddenRoles = new DemandKind<ValueList<string>>(
            "forbiddenRoles", DemandShape.List, (roles, _) => new ForbiddenRolesCheck(roles), Texts);

        public static readonly DemandKind<ValueList<PermissionPattern>> ForbiddenPermissions = new DemandKind<ValueList<PermissionPattern>>(
            "forbiddenPermissions", DemandShape.List, (permissions, _) => new ForbiddenPermissionsCheck(permissions), Texts);

        /// <summary>With forbidAllDivisions in the same rule, one division check tests both (a grant in all divisions is then an AllDivisionsGrant only).</summary>
        public static readonly DemandKind<ValueList<string>> AllowedDivisions = new DemandKind<ValueList<string>>(
            "allowedDivisions", DemandShape.List, (divisions, rule) => rule.ForbidAllDivisions ? null : new DivisionCheck(divisions, forbidAllDivisions: false), Texts);

        public static readonly DemandKind<bool> ForbidAllDivisions = Flag("forbidAllDivisions", rule => new DivisionCheck(rule.AllowedDivisions, forbidAllDivisions: true));

        public static readonly DemandKind<bool> ForbidPrivilegeEscalation = Flag("forbidPrivilegeEscalation", _ => new PrivilegeEscalationCheck());

        public static readonly DemandKind<bool> ForbidUnknownRoles = Flag("forbidUnknownRoles", _ => new UnknownRolesCheck());

        public static readonly DemandKind<bool> ForbidWildcardPermissions = Flag("forbidWildcardPermissions", _ => new WildcardPermissionsCheck());

        public static readonly DemandKind<ValueList<DeprecatedGrantType>> DeprecatedGrantTypes = new DemandKind<ValueList<DeprecatedGrantType>>(
            "deprecatedGrantTypes", DemandShape.MappingList, (deprecated, _) => new DeprecatedGrantTypeCheck(deprecated), WrittenDeprecated);

        public static readonly DemandKind<bool> ForbidSuspiciousText = Flag("forbidSuspiciousText", _ => new SuspiciousTextCheck());

        /// <summary>A request in the last N days (1 to 365); checked only where the run loaded usage.</summary>
        public static readonly DemandKind<int> MaxIdleDays = new DemandKind<int>(
            "maxIdleDays", DemandShape.WholeNumber, (days, _) => new IdleCheck(days), days => days, needs: RunData.Usage);

        /// <summary>An active client with no request in the usage window; checked only where the run loaded usage.</summary>
        public static readonly DemandKind<bool> FlagNeverUsed = Flag("flagNeverUsed", _ => new NeverUsedCheck(), RunData.Usage);

        /// <summary>At most N percent of the client's requests answered 429, else a Low finding; checked only where the run loaded usage.</summary>
        public static readonly DemandKind<int> MaxThrottledShare = new DemandKind<int>(
            "maxThrottledShare", DemandShape.WholeNumber, (percent, _) => new ThrottleCheck(percent), percent => percent, needs: RunData.Usage);

        /// <summary>Days since the change history last showed the client's secret created or regenerated.</summary>
        public static readonly DemandKind<int> MaxDaysSinceSecretRotation = new DemandKind<int>(
            "maxDaysSinceSecretRotation", DemandShape.WholeNumber, (days, _) => new SecretRotationCheck(days), days => days, needs: RunData.History);

        /// <summary>An Info finding for each widening of the client's roles or scopes within that many days.</summary>
        public static readonly DemandKind<int> RecentChangeDays = new DemandKind<int>(
            "recentChangeDays", DemandShape.WholeNumber, (days, _) => new RecentChangeCheck(days), days => days, needs: RunData.History);

        /// <summary>In baseline key order.</summary>
        public static readonly IReadOnlyList<DemandKind> All = new DemandKind[]
        {
            RequiredScopes, AllowedScopes, ForbiddenScopes, ForbidUnknownScopes, MaxAccessTokenValiditySeconds, RedirectUris, AllowedStates,
            RequiredRoles, ForbiddenRoles, ForbiddenPermissions, AllowedDivisions, ForbidAllDivisions, ForbidPrivilegeEscalation, ForbidUnknownRoles,
            ForbidWildcardPermissions, DeprecatedGrantTypes, ForbidSuspiciousText, MaxIdleDays, FlagNeverUsed, MaxThrottledShare,
            MaxDaysSinceSecretRotation, RecentChangeDays,
        };

        /// <summary>"requiredScopes, ..., flagNeverUsed: true or maxThrottledShare": what a rule that checks nothing can be given.</summary>
        public static string Hints()
        {
            var hints = All.Select(kind => kind.Hint).ToArray();
            return string.Join(", ", hints.Take(hints.Length - 1)) + " or " + hints[hints.Length - 1];
        }

        private static DemandKind<bool> Flag(string key, System.Func<BaselineRule, IRuleCheck> check, RunData needs = RunData.None) =>
            new DemandKind<bool>(key, DemandShape.Flag, (_, rule) => check(rule), _ => true, demandsSomething: value => value, needs: needs);

        private static object Texts<T>(ValueList<T> items) => items.Select(item => (object)item!.ToString()!).ToArray();

        private static object WrittenPolicy(RedirectUriPolicy policy) => new[]
            {
                new KeyValuePair<string, object>(BaselineKeys.RequireHttps, policy.RequireHttps),
                new KeyValuePair<string, object>(BaselineKeys.ForbidWildcardHosts, policy.ForbidWildcardHosts),
                new KeyValuePair<string, object>(BaselineKeys.ForbidLocalhost, policy.ForbidLocalhost),
            }
            .Where(entry => (bool)entry.Value).ToArray();

        private static object WrittenDeprecated(ValueList<DeprecatedGrantType> deprecated) =>
            deprecated.Select(entry => (object)new[]
            {
                new KeyValuePair<string, object>(BaselineKeys.GrantType, entry.GrantType),
                new KeyValuePair<string, object>(BaselineKeys.EndOfLife, entry.EndOfLife.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new KeyValuePair<string, object>(BaselineKeys.Migration, entry.Migration),
            }).ToArray();
    }
}
