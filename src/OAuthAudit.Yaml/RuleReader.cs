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
    /// <summary>Reads one entry of spec.rules into a BaselineRule (its demands through DemandReaders), refusing a rule that checks nothing.</summary>
    internal static class RuleReader
    {
        /// <summary>The rule's own keys, then every demand's key in table order (DemandKinds.All).</summary>
        public static readonly IReadOnlyList<string> Keys =
            BaselineKeys.RuleOwn.Concat(DemandKinds.All.Select(kind => kind.Key)).ToArray();

        private static readonly IReadOnlyList<string> DeprecatedGrantTypeKeys = BaselineKeys.DeprecatedGrantTypeKeys;

        private static readonly IReadOnlyList<string> RedirectUriKeys = BaselineKeys.RedirectUriKeys;

        private static readonly string Checks = DemandKinds.Hints();

        /// <summary>The names onlyWhenLoaded takes, each a RunData flag.</summary>
        private static readonly IReadOnlyDictionary<string, RunData> LoadedData = new Dictionary<string, RunData>(StringComparer.OrdinalIgnoreCase)
        {
            ["usage"] = RunData.Usage,
            ["history"] = RunData.History,
        };

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

            var id = Field<YamlItem?>(() => map.RequiredText(BaselineKeys.Id, "a rule id such as NW-001"), null);
            if (id != null && !IdSyntax.IsMatch(id.Text))
            {
                context.Report(context.Error(id.Node, $"'{id.Path}' is '{id.Text}', which is not a rule id: an id starts with a letter or digit and goes on with letters, digits, '.', '_' or '-' (such as NW-001)."));
                id = null;
            }

            var description = Field(() => map.RequiredText(BaselineKeys.Description, "a description of what the rule demands").Text, string.Empty);
            var severity = Field(() => (Severity)Enum.Parse(typeof(Severity), map.OneOf(map.RequiredText(BaselineKeys.Severity, "a severity (" + string.Join(", ", Severities) + ")"), Severities, "severity")), Severity.Info);
            var remediation = Field(() => map.OptionalText(BaselineKeys.Remediation, "a remediation text")?.Text, null);
            var match = Field(() => ClientMatchReader.Read(map, BaselineKeys.Match, allowEmpty: true), null) ?? ClientMatch.Everything;
            var exemptions = Field(() => ClientMatchReader.Read(map, BaselineKeys.Exemptions, allowEmpty: false), null);
            var onlyWhenLoaded = Field(() => OnlyWhenLoaded(map, BaselineKeys.OnlyWhenLoaded), RunData.None);
            var demands = DemandReaders.All.Select(reader => Field(() => reader.Read(map), null)).Where(demand => demand != null).Select(demand => demand!).ToArray();
            if (id == null || context.ProblemCount > problemsBefore)
            {
                return (null, id);
            }

            if (demands.Length == 0)
            {
                context.Report(context.Error(map.Start, $"rule '{id.Text}' ('{path}') checks nothing: give it at least one of {Checks}."));
                return (null, id);
            }

            return (new BaselineRule(id.Text, description, severity, remediation, match, exemptions, demands, onlyWhenLoaded), id);
        }

        /// <summary>usage and/or history: the data without which the rule does not apply at all.</summary>
        private static RunData OnlyWhenLoaded(YamlMap map, string key)
        {
            var items = map.OptionalNonEmptyTexts(key, "kind of data (" + string.Join(", ", LoadedData.Keys) + ")");
            return items == null
                ? RunData.None
                : items.Aggregate(RunData.None, (data, item) => data | LoadedData[map.OneOf(item, LoadedData.Keys.ToArray(), "kind of data a run loads")]);
        }

        /// <summary>A whole number from minimum to maximum; "unit" completes the message.</summary>
        internal static int? WholeNumber(YamlMap map, string key, int minimum, int maximum, string unit)
        {
            var number = map.OptionalWholeNumber(key, minimum, unit);
            return number > maximum
                ? throw map.Context.Error(map.Optional(key)!, $"'{map.PathOf(key)}' is {number}; a whole number of {unit} from {minimum} to {maximum} expected.")
                : number;
        }

        /// <summary>Scope names or patterns; allowedScopes may be empty (no scope at all is allowed), the others may not.</summary>
        internal static ValueList<ScopePattern>? Scopes(YamlMap map, string key, bool allowEmpty)
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
        internal static ValueList<string>? Names(YamlMap map, string key, string noun) =>
            map.OptionalNonEmptyTexts(key, noun) is IReadOnlyList<YamlItem> items ? ValueList.From(items.Select(item => item.Text)) : null;

        internal static ValueList<PermissionPattern>? Permissions(YamlMap map, string key)
        {
            var items = map.OptionalNonEmptyTexts(key, "permission (domain:entity:action)");
            return items == null ? null : ValueList.From(Each(map, items, item => PermissionPattern.IsValid(item.Text)
                ? new PermissionPattern(item.Text)
                : throw map.Context.Error(item.Node, $"'{item.Path}' is '{item.Text}', which is not a permission: a permission has three parts, domain:entity:action, each a name of letters, digits, '_' or '-', or '*' for all (such as oauth:client:edit or authorization:*:*).")));
        }

        internal static RedirectUriPolicy? RedirectUris(YamlMap rule, string key)
        {
            var map = rule.OptionalMap(key, RedirectUriKeys, "a mapping with any of " + string.Join(", ", RedirectUriKeys));
            if (map == null)
            {
                return null;
            }

            var policy = new RedirectUriPolicy(
                map.OptionalBool(BaselineKeys.RequireHttps) ?? false,
                map.OptionalBool(BaselineKeys.ForbidWildcardHosts) ?? false,
                map.OptionalBool(BaselineKeys.ForbidLocalhost) ?? false);
            return policy.RequireHttps || policy.ForbidWildcardHosts || policy.ForbidLocalhost
                ? policy
                : throw rule.Context.Error(map.Start, $"'{map.Path}' checks nothing; set at least one of {string.Join(", ", RedirectUriKeys)} to true, or remove the key.");
        }

        /// <summary>Each entry: grantType, endOfLife (YYYY-MM-DD, the first day it no longer works) and migration; a grant type once per rule.</summary>
        internal static ValueList<DeprecatedGrantType>? DeprecatedGrantTypes(YamlMap rule, string key)
        {
            const string What = "a list of grant types being retired (each a mapping with grantType, endOfLife and migration)";
            var items = rule.OptionalList(key, What);
            if (items == null)
            {
                return null;
            }

            if (items.Count == 0)
            {
                throw rule.Context.Error(rule.Optional(key)!, $"'{rule.PathOf(key)}' is an empty list; list at least one grant type being retired, or remove the key.");
            }

            var seen = new Dictionary<string, YamlItem>(StringComparer.OrdinalIgnoreCase);
            var entries = new List<DeprecatedGrantType>();
            foreach (var (node, path) in items)
            {
                var map = YamlMap.Of(rule.Context, node, path, DeprecatedGrantTypeKeys, "a mapping with grantType, endOfLife and migration").RejectUnknownKeys();
                var grantTypeItem = map.RequiredText(BaselineKeys.GrantType, "a grant type (" + string.Join(", ", GrantTypes.All) + ")");
                var grantType = ClientMatchReader.GrantType(map, grantTypeItem);
                if (seen.TryGetValue(grantType, out var first))
                {
                    throw rule.Context.Error(grantTypeItem.Node, $"'{grantTypeItem.Path}' is '{grantTypeItem.Text}', which '{first.Path}' (line {first.Node.Start.Line}) already lists; give each grant type once per rule.");
                }

                seen.Add(grantType, grantTypeItem);
                var endOfLife = map.RequiredText(BaselineKeys.EndOfLife, "the first day the grant type no longer works, as YYYY-MM-DD");
                if (!DateTime.TryParseExact(endOfLife.Text, WaiverReader.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw rule.Context.Error(endOfLife.Node, $"'{endOfLife.Path}' is '{endOfLife.Text}', which is not a date; expected YYYY-MM-DD, such as 2027-03-01.");
                }

                var migration = map.RequiredText(BaselineKeys.Migration, "a text saying what to move the integration to").Text;
                entries.Add(new DeprecatedGrantType(grantType, date, migration));
            }

            return ValueList.From(entries);
        }

        internal static ValueList<string>? States(YamlMap map, string key)
        {
            var items = map.OptionalNonEmptyTexts(key, "client state");
            return items == null ? null : ValueList.From(Each(map, items, item => map.OneOf(item, ClientStates.All, "client state")));
        }

        /// <summary>Checks each entry on its own, so every bad entry of a list is reported; the good ones are returned.</summary>
        internal static IReadOnlyList<T> Each<T>(YamlMap map, IReadOnlyList<YamlItem> items, Func<YamlItem, T> check)
            where T : class =>
            items.Select(item => map.Context.Try<T?>(() => check(item), null)).Where(value => value != null).Select(value => value!).ToArray();
    }
}
