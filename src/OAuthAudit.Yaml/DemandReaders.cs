using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Yaml
{
    /// <summary>
    /// How each demand kind of DemandKinds is read from a rule, keyed by the kind (the engine's table knows no
    /// YAML). A reader returns null when the key is absent or demands nothing, and throws a FileFormatException
    /// (through the context) when its value is wrong. <see cref="All"/> is in the table's order, so problems
    /// are collected in key order.
    /// </summary>
    internal static class DemandReaders
    {
        private static readonly IReadOnlyDictionary<DemandKind, DemandReader> ByKind = new[]
        {
            Reader(DemandKinds.RequiredScopes, (map, key) => RuleReader.Scopes(map, key, allowEmpty: false)),
            Reader(DemandKinds.AllowedScopes, (map, key) => RuleReader.Scopes(map, key, allowEmpty: true)),
            Reader(DemandKinds.ForbiddenScopes, (map, key) => RuleReader.Scopes(map, key, allowEmpty: false)),
            Flag(DemandKinds.ForbidUnknownScopes),
            Reader(DemandKinds.MaxAccessTokenValiditySeconds, (map, key) => map.OptionalWholeNumber(key, 1, "seconds (86400 is 24 hours)")),
            Reader(DemandKinds.RedirectUris, RuleReader.RedirectUris),
            Reader(DemandKinds.AllowedStates, RuleReader.States),
            Reader(DemandKinds.RequiredRoles, (map, key) => RuleReader.Names(map, key, "role name")),
            Reader(DemandKinds.ForbiddenRoles, (map, key) => RuleReader.Names(map, key, "role name")),
            Reader(DemandKinds.ForbiddenPermissions, RuleReader.Permissions),
            Reader(DemandKinds.AllowedDivisions, (map, key) => RuleReader.Names(map, key, "division name")),
            Flag(DemandKinds.ForbidAllDivisions),
            Flag(DemandKinds.ForbidPrivilegeEscalation),
            Flag(DemandKinds.ForbidUnknownRoles),
            Flag(DemandKinds.ForbidWildcardPermissions),
            Reader(DemandKinds.DeprecatedGrantTypes, RuleReader.DeprecatedGrantTypes),
            Flag(DemandKinds.ForbidSuspiciousText),
            Reader(DemandKinds.MaxIdleDays, (map, key) => RuleReader.WholeNumber(map, key, 1, 365, "days (usage reaches back a year)")),
            Flag(DemandKinds.FlagNeverUsed),
            Reader(DemandKinds.MaxThrottledShare, (map, key) => RuleReader.WholeNumber(map, key, 1, 100, "percent of the client's requests answered 429")),
            Reader(DemandKinds.MaxDaysSinceSecretRotation, (map, key) => map.OptionalWholeNumber(key, HistoryQuery.MinDays, HistoryQuery.MaxDays, "days (the audit trail keeps a year)")),
            Reader(DemandKinds.RecentChangeDays, (map, key) => map.OptionalWholeNumber(key, HistoryQuery.MinDays, HistoryQuery.MaxDays, "days (the audit trail keeps a year)")),
        }.ToDictionary(reader => reader.Kind);

        /// <summary>One reader per kind of DemandKinds.All, in its order; a kind without a reader fails here, at first use.</summary>
        public static readonly IReadOnlyList<DemandReader> All = DemandKinds.All
            .Select(kind => ByKind.TryGetValue(kind, out var reader) ? reader : throw new InvalidOperationException($"Demand kind '{kind.Key}' has no reader in DemandReaders."))
            .ToArray();

        private static DemandReader Reader<T>(DemandKind<T> kind, Func<YamlMap, string, T?> read)
            where T : class =>
            new DemandReader(kind, map => read(map, kind.Key) is T value ? kind.Of(value) : null);

        private static DemandReader Reader<T>(DemandKind<T> kind, Func<YamlMap, string, T?> read)
            where T : struct =>
            new DemandReader(kind, map => read(map, kind.Key) is T value ? kind.Of(value) : null);

        private static DemandReader Flag(DemandKind<bool> kind) => Reader(kind, (map, key) => map.OptionalBool(key));
    }
}
