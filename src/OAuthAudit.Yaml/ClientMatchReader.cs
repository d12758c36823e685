using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Yaml
{
    /// <summary>Reads a rule's match or exemptions: names, namePatterns, clientIds, grantTypes, states, each a string or a list.</summary>
    internal static class ClientMatchReader
    {
        public static readonly IReadOnlyList<string> Keys = BaselineKeys.MatchKeys;

        private static readonly string What = "a mapping with any of " + string.Join(", ", Keys);

        /// <summary>
        /// The match under key, or null when the key is absent. An empty mapping selects every client: allowed
        /// for match when allowEmpty, refused for exemptions (it would exempt everyone).
        /// </summary>
        public static ClientMatch? Read(YamlMap rule, string key, bool allowEmpty)
        {
            var map = rule.OptionalMap(key, Keys, What);
            if (map == null)
            {
                return null;
            }

            if (map.IsEmpty && !allowEmpty)
            {
                throw rule.Context.Error(map.Start, $"'{map.Path}' is empty, which would select every client; give at least one of {string.Join(", ", Keys)}, or remove the key.");
            }

            return new ClientMatch(
                Texts(map, BaselineKeys.Names, "client name or wildcard pattern (* and ?)", item => item.Text),
                Texts(map, BaselineKeys.NamePatterns, ".NET regular expression", item => CheckedRegex(map, item)),
                Texts(map, BaselineKeys.ClientIds, "client id", item => item.Text),
                Texts(map, BaselineKeys.GrantTypes, "grant type", item => GrantType(map, item)),
                Texts(map, BaselineKeys.States, "client state", item => map.OneOf(item, ClientStates.All, "client state")));
        }

        /// <summary>A grant type in any case, or its alias (SAML2BEARER), returned as the API spells it.</summary>
        public static string GrantType(YamlMap map, YamlItem item) =>
            GrantTypes.Canonical(item.Text) ?? map.OneOf(item, GrantTypes.All, "grant type"); // OneOf fails here, saying what is valid

        /// <summary>Each key on its own and each entry on its own, so every mistake in a match is reported.</summary>
        private static ValueList<string> Texts(YamlMap map, string key, string itemWhat, Func<YamlItem, string> check) =>
            ValueList.From(map.Context.Try(() => map.OptionalNonEmptyTexts(key, itemWhat) is IReadOnlyList<YamlItem> items ? RuleReader.Each(map, items, check) : null, null));

        private static string CheckedRegex(YamlMap map, YamlItem item)
        {
            try
            {
                _ = new Regex(item.Text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return item.Text;
            }
            catch (ArgumentException invalid)
            {
                throw map.Context.Error(item.Node, $"'{item.Path}' is not a valid .NET regular expression: {invalid.Message}");
            }
        }
    }
}
