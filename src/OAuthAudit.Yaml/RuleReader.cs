using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>Reads one entry of spec.rules into a BaselineRule, refusing a rule that checks nothing.</summary>
    internal static class RuleReader
    {
        public static readonly IReadOnlyList<string> Keys = new[]
        {
            "id", "description", "severity", "remediation", "match", "exemptions", "requiredScopes", "allowedScopes",
            "forbiddenScopes", "forbidUnknownScopes", "maxAccessTokenValiditySeconds", "redirectUris", "allowedStates",
            "requiredRoles", "forbiddenRoles", "forbiddenPermissions", "allowedDivisions", "forbidAllDivisions",
            "forbidPrivilegeEscalation", "forbidUnknownRoles", "forbidWildcardPermissions", "deprecatedGrantTypes", "forbidSuspiciousText",
        };

        private static readonly IReadOnlyList<string> DeprecatedGrantTypeKeys = new[] { "grantType", "endOfLife", "migration" };

        private static readonly IReadOnlyList<string> RedirectUriKeys = new[] { "requireHttps", "forbidWildcardHosts", "forbidLocalhost" };

        private static readonly string Checks = "requiredScopes, allowedScopes, forbiddenScopes, forbidUnknownScopes: true, maxAccessTokenValiditySeconds, redirectUris, allowedStates, "
            + "requiredRoles, forbiddenRoles, forbiddenPermissions, allowedDivisions, forbidAllDivisions: true, forbidPrivilegeEscalation: true, forbidUnknownRoles: true, forbidWildcardPermissions: true, deprecatedGrantTypes or forbidSuspiciousText: true";

        private static readonly Regex IdSyntax = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

        /// <summary>Highest first, as messages list them.</summary>
        private static readonly IReadOnlyList<string> Severities =
            Enum.GetValues(typeof(Severity)).Cast<Severity>().OrderByDescending(severity => severity).Select(severity => severity.ToString()).ToArray();

        /// <summary>
        /// Reads the rule at node, recording every problem in it with the context and going on; the rule is null
        /// when any was found. Id is the rule's id as given (null when missing or invalid), for duplicate checks.
        /// </summary>
        public static (BaselineRule? Rule, YamlItem? Id) Read(BaselineContext context, YamlNode node, string path)
        {
            var problemsBefore = context.ProblemCount;
            var map = YamlMap.Of(context, node, path, Keys, "a rule (a mapping with id, description, severity and what it checks)").RejectUnknownKeys();
            T Field<T>(Func<T> read, T fallback) => context.Try(read, fallback);

            var id = Field<YamlItem?>(() => map.RequiredText("id", "a rule id such as NW-001"), null);
            if (id != null && !IdSyntax.IsMatch(id.Text))
            {
                context.Report(context.Error(id.Node, $"'{id.Path}' is '{id.Text}', which is not a rule id: an id starts with a letter or digit and goes on with letters, digits, '.', '_' or '-' (such as NW-001)."));
                id = null;
            }

            var description = Field(() => map.RequiredText("description", "a description of what the rule demands").Text, string.Empty);
            var severity = Field(() => (Severity)Enum.Parse(typeof(Severity), map.OneOf(map.RequiredText("severity", "a severity (" + string.Join(", ", Severities) + ")"), Severities, "severity")), Severity.Info);
            var remediation = Field(() => map.OptionalText("remediation", "a remediation text")?.Text, null);
            var match = Field(() => ClientMatchReader.Read(map, "match", allowEmpty: true), null) ?? ClientMatch.Everything;
            var exemptions = Field(() => ClientMatchReader.Read(map, "exemptions", allowEmpty: false), null);
            var requiredScopes = Field(() => Scopes(map, "requiredScopes", allowEmpty: false), null);
            var allowedScopes = Field(() => Scopes(map, "allowedScopes", allowEmpty: true), null);
            var forbiddenScopes = Field(() => Scopes(map, "forbiddenScopes", allowEmpty: false), null);
            var forbidUnknownScopes = Field(() => map.OptionalBool("forbidUnknownScopes"), null);
            var maxLifetime = Field(() => map.OptionalWholeNumber("maxAccessTokenValiditySeconds", 1, "seconds (86400 is 24 hours)"), null);
            var redirectUris = Field(() => RedirectUris(map), null);
            var allowedStates = Field(() => States(map), null);
            var requiredRoles = Field(() => Names(map, "requiredRoles", "role name"), null);
            var forbiddenRoles = Field(() => Names(map, "forbiddenRoles", "role name"), null);
            var forbiddenPermissions = Field(() => Permissions(map, "forbiddenPermissions"), null);
            var allowedDivisions = Field(() => Names(map, "allowedDivisions", "division name"), null);
            var forbidAllDivisions = Field(() => map.OptionalBool("forbidAllDivisions"), null);
            var forbidPrivilegeEscalation = Field(() => map.OptionalBool("forbidPrivilegeEscalation"), null);
            var forbidUnknownRoles = Field(() => map.OptionalBool("forbidUnknownRoles"), null);
            var forbidWildcardPermissions = Field(() => map.OptionalBool("forbidWildcardPermissions"), null);
            var deprecatedGrantTypes = Field<ValueList<DeprecatedGrantType>?>(() => DeprecatedGrantTypes(map), null);
            var forbidSuspiciousText = Field(() => map.OptionalBool("forbidSuspiciousText"), null);
            if (id == null || context.ProblemCount > problemsBefore)
            {
                return (null, id);
            }

            var rule = new BaselineRule(id.Text, description, severity, remediation, match, exemptions)
            {
                RequiredScopes = requiredScopes ?? ValueList<ScopePattern>.Empty,
                AllowedScopes = allowedScopes,
                ForbiddenScopes = forbiddenScopes ?? ValueList<ScopePattern>.Empty,
                ForbidUnknownScopes = forbidUnknownScopes ?? false,
                MaxAccessTokenValiditySeconds = maxLifetime,
                RedirectUris = redirectUris,
                AllowedStates = allowedStates,
                RequiredRoles = requiredRoles ?? ValueList<string>.Empty,
                ForbiddenRoles = forbiddenRoles ?? ValueList<string>.Empty,
                ForbiddenPermissions = forbiddenPermissions ?? ValueList<PermissionPattern>.Empty,
                AllowedDivisions = allowedDivisions,
                ForbidAllDivisions = forbidAllDivisions ?? false,
                ForbidPrivilegeEscalation = forbidPrivilegeEscalation ?? false,
                ForbidUnknownRoles = forbidUnknownRoles ?? false,
                ForbidWildcardPermissions = forbidWildcardPermissions ?? false,
                DeprecatedGrantTypes = deprecatedGrantTypes ?? ValueList<DeprecatedGrantType>.Empty,
                ForbidSuspiciousText = forbidSuspiciousText ?? false,
            };

            if (!ChecksSomething(rule))
            {
                context.Report(context.Error(map.Start, $"rule '{rule.Id}' ('{path}') checks nothing: give it at least one of {Checks}."));
                return (null, id);
            }

            return (rule, id);
        }

        private static bool ChecksSomething(BaselineRule rule) =>
            rule.RequiredScopes.Count > 0
            || rule.AllowedScopes != null
            || rule.ForbiddenScopes.Count > 0
            || rule.ForbidUnknownScopes
            || rule.MaxAccessTokenValiditySeconds.HasValue
            || rule.RedirectUris != null
            || rule.AllowedStates != null
            || rule.RequiredRoles.Count > 0
            || rule.ForbiddenRoles.Count > 0
            || rule.ForbiddenPermissions.Count > 0
            || rule.AllowedDivisions != null
            || rule.ForbidAllDivisions
            || rule.ForbidPrivilegeEscalation
            || rule.ForbidUnknownRoles
            || rule.ForbidWildcardPermissions
            || rule.DeprecatedGrantTypes.Count > 0
            || rule.ForbidSuspiciousText;

        /// <summary>Scope names or patterns; allowedScopes may be empty (no scope at all is allowed), the others may not.</summary>
        private static ValueList<ScopePattern>? Scopes(YamlMap map, string key, bool allowEmpty)
        {
            const string What = "scope name or pattern";
            var items = allowEmpty ? map.OptionalTexts(key, What) : map.OptionalNonEmptyTexts(key, What);
            return items == null ? null : ValueList.From(Each(map, items, item => Scope(map, item)));
        }

        private static ScopePattern Scope(YamlMap map, YamlItem item) =>
            ScopePattern.IsValid(item.Text)
                ? new ScopePattern(item.Text)
                : throw map.Context.Error(item.Node, $"'{item.Path}' is '{item.Text}', which is not a scope name or pattern: scope names use letters, digits, ':', '-', '_' and '.', and patterns add '*' and '?' (such as analytics:readonly or routing*).");

        /// <summary>Role or division names, wildcards allowed; a list given must not be empty.</summary>
        private static ValueList<string>? Names(YamlMap map, string key, string noun) =>
            map.OptionalNonEmptyTexts(key, noun) is IReadOnlyList<YamlItem> items ? ValueList.From(items.Select(item => item.Text)) : null;

        private static ValueList<PermissionPattern>? Permissions(YamlMap map, string key)
        {
            var items = map.OptionalNonEmptyTexts(key, "permission (domain:entity:action)");
            return items == null ? null : ValueList.From(Each(map, items, item => PermissionPattern.IsValid(item.Text)
                ? new PermissionPattern(item.Text)
                : throw map.Context.Error(item.Node, $"'{item.Path}' is '{item.Text}', which is not a permission: a permission has three parts, domain:entity:action, each a name of letters, digits, '_' or '-', or '*' for all (such as oauth:client:edit or authorization:*:*).")));
        }

        private static RedirectUriPolicy? RedirectUris(YamlMap rule)
        {
            var map = rule.OptionalMap("redirectUris", RedirectUriKeys, "a mapping with any of " + string.Join(", ", RedirectUriKeys));
            if (map == null)
            {
                return null;
            }

            var policy = new RedirectUriPolicy(
                map.OptionalBool("requireHttps") ?? false,
                map.OptionalBool("forbidWildcardHosts") ?? false,
                map.OptionalBool("forbidLocalhost") ?? false);
            return policy.RequireHttps || policy.ForbidWildcardHosts || policy.ForbidLocalhost
                ? policy
                : throw rule.Context.Error(map.Start, $"'{map.Path}' checks nothing; set at least one of {string.Join(", ", RedirectUriKeys)} to true, or remove the key.");
        }

        /// <summary>Each entry: grantType, endOfLife (YYYY-MM-DD, the first day it no longer works) and migration; a grant type once per rule.</summary>
        private static ValueList<DeprecatedGrantType> DeprecatedGrantTypes(YamlMap rule)
        {
            const string What = "a list of grant types being retired (each a mapping with grantType, endOfLife and migration)";
            var items = rule.OptionalList("deprecatedGrantTypes", What);
            if (items == null)
            {
                return ValueList<DeprecatedGrantType>.Empty;
            }

            if (items.Count == 0)
            {
                throw rule.Context.Error(rule.Optional("deprecatedGrantTypes")!, $"'{rule.PathOf("deprecatedGrantTypes")}' is an empty list; list at least one grant type being retired, or remove the key.");
            }

            var seen = new Dictionary<string, YamlItem>(StringComparer.OrdinalIgnoreCase);
            var entries = new List<DeprecatedGrantType>();
            foreach (var (node, path) in items)
            {
                var map = YamlMap.Of(rule.Context, node, path, DeprecatedGrantTypeKeys, "a mapping with grantType, endOfLife and migration").RejectUnknownKeys();
                var grantTypeItem = map.RequiredText("grantType", "a grant type (" + string.Join(", ", GrantTypes.All) + ")");
                var grantType = ClientMatchReader.GrantType(map, grantTypeItem);
                if (seen.TryGetValue(grantType, out var first))
                {
                    throw rule.Context.Error(grantTypeItem.Node, $"'{grantTypeItem.Path}' is '{grantTypeItem.Text}', which '{first.Path}' (line {first.Node.Start.Line}) already lists; give each grant type once per rule.");
                }

                seen.Add(grantType, grantTypeItem);
                var endOfLife = map.RequiredText("endOfLife", "the first day the grant type no longer works, as YYYY-MM-DD");
                if (!DateTime.TryParseExact(endOfLife.Text, WaiverReader.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw rule.Context.Error(endOfLife.Node, $"'{endOfLife.Path}' is '{endOfLife.Text}', which is not a date; expected YYYY-MM-DD, such as 2027-03-01.");
                }

                var migration = map.RequiredText("migration", "a text saying what to move the integration to").Text;
                entries.Add(new DeprecatedGrantType(grantType, date, migration));
            }

            return ValueList.From(entries);
        }

        private static ValueList<string>? States(YamlMap map)
        {
            var items = map.OptionalNonEmptyTexts("allowedStates", "client state");
            return items == null ? null : ValueList.From(Each(map, items, item => map.OneOf(item, ClientStates.All, "client state")));
        }

        /// <summary>Checks each entry on its own, so every bad entry of a list is reported; the good ones are returned.</summary>
        internal static IReadOnlyList<T> Each<T>(YamlMap map, IReadOnlyList<YamlItem> items, Func<YamlItem, T> check)
            where T : class =>
            items.Select(item => map.Context.Try<T?>(() => check(item), null)).Where(value => value != null).Select(value => value!).ToArray();
    }
}
