using System;
using System.Collections.Generic;
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
            "forbidPrivilegeEscalation", "forbidUnknownRoles", "forbidWildcardPermissions",
        };

        private static readonly IReadOnlyList<string> RedirectUriKeys = new[] { "requireHttps", "forbidWildcardHosts", "forbidLocalhost" };

        private static readonly string Checks = "requiredScopes, allowedScopes, forbiddenScopes, forbidUnknownScopes: true, maxAccessTokenValiditySeconds, redirectUris, allowedStates, "
            + "requiredRoles, forbiddenRoles, forbiddenPermissions, allowedDivisions, forbidAllDivisions: true, forbidPrivilegeEscalation: true, forbidUnknownRoles: true or forbidWildcardPermissions: true";

        private static readonly Regex IdSyntax = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

        /// <summary>Highest first, as messages list them.</summary>
        private static readonly IReadOnlyList<string> Severities =
            Enum.GetValues(typeof(Severity)).Cast<Severity>().OrderByDescending(severity => severity).Select(severity => severity.ToString()).ToArray();

        public static (BaselineRule Rule, YamlItem Id) Read(BaselineContext context, YamlNode node, string path)
        {
            var map = YamlMap.Of(context, node, path, Keys, "a rule (a mapping with id, description, severity and what it checks)").RejectUnknownKeys();
            var id = map.RequiredText("id", "a rule id such as NW-001");
            if (!IdSyntax.IsMatch(id.Text))
            {
                throw context.Error(id.Node, $"'{id.Path}' is '{id.Text}', which is not a rule id: an id starts with a letter or digit and goes on with letters, digits, '.', '_' or '-' (such as NW-001).");
            }

            var description = map.RequiredText("description", "a description of what the rule demands").Text;
            var severity = (Severity)Enum.Parse(typeof(Severity), map.OneOf(map.RequiredText("severity", "a severity (" + string.Join(", ", Severities) + ")"), Severities, "severity"));
            var remediation = map.OptionalText("remediation", "a remediation text")?.Text;
            var match = ClientMatchReader.Read(map, "match", allowEmpty: true) ?? ClientMatch.Everything;
            var exemptions = ClientMatchReader.Read(map, "exemptions", allowEmpty: false);
            var rule = new BaselineRule(id.Text, description, severity, remediation, match, exemptions)
            {
                RequiredScopes = Scopes(map, "requiredScopes", allowEmpty: false) ?? ValueList<ScopePattern>.Empty,
                AllowedScopes = Scopes(map, "allowedScopes", allowEmpty: true),
                ForbiddenScopes = Scopes(map, "forbiddenScopes", allowEmpty: false) ?? ValueList<ScopePattern>.Empty,
                ForbidUnknownScopes = map.OptionalBool("forbidUnknownScopes") ?? false,
                MaxAccessTokenValiditySeconds = map.OptionalWholeNumber("maxAccessTokenValiditySeconds", 1, "seconds (86400 is 24 hours)"),
                RedirectUris = RedirectUris(map),
                AllowedStates = States(map),
                RequiredRoles = Names(map, "requiredRoles", "role name") ?? ValueList<string>.Empty,
                ForbiddenRoles = Names(map, "forbiddenRoles", "role name") ?? ValueList<string>.Empty,
                ForbiddenPermissions = Permissions(map, "forbiddenPermissions") ?? ValueList<PermissionPattern>.Empty,
                AllowedDivisions = Names(map, "allowedDivisions", "division name"),
                ForbidAllDivisions = map.OptionalBool("forbidAllDivisions") ?? false,
                ForbidPrivilegeEscalation = map.OptionalBool("forbidPrivilegeEscalation") ?? false,
                ForbidUnknownRoles = map.OptionalBool("forbidUnknownRoles") ?? false,
                ForbidWildcardPermissions = map.OptionalBool("forbidWildcardPermissions") ?? false,
            };

            if (!ChecksSomething(rule))
            {
                throw context.Error(map.Start, $"rule '{rule.Id}' ('{path}') checks nothing: give it at least one of {Checks}.");
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
            || rule.ForbidWildcardPermissions;

        /// <summary>Scope names or patterns; allowedScopes may be empty (no scope at all is allowed), the others may not.</summary>
        private static ValueList<ScopePattern>? Scopes(YamlMap map, string key, bool allowEmpty)
        {
            const string What = "scope name or pattern";
            var items = allowEmpty ? map.OptionalTexts(key, What) : map.OptionalNonEmptyTexts(key, What);
            return items == null ? null : ValueList.From(items.Select(item => Scope(map, item)));
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
            return items == null ? null : ValueList.From(items.Select(item => PermissionPattern.IsValid(item.Text)
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

        private static ValueList<string>? States(YamlMap map)
        {
            var items = map.OptionalNonEmptyTexts("allowedStates", "client state");
            return items == null ? null : ValueList.From(items.Select(item => map.OneOf(item, ClientStates.All, "client state")));
        }
    }
}
