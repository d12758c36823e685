using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.Writing;

namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>
    /// Splits today's clients into the groups a generated baseline gives a rule each, in a stable order (grant types
    /// as the API lists them, then names ignoring case, then ids). A client whose grant type is none the API lists
    /// cannot be matched by grant type and always gets a rule of its own, by id.
    /// </summary>
    internal static class ClientGroups
    {
        public static IReadOnlyList<ClientGroup> For(IEnumerable<OAuthClient> clients, BaselineGrouping grouping)
        {
            var groups = new List<ClientGroup>();
            var byGrantType = clients
                .GroupBy(client => client.AuthorizedGrantType, StringComparer.Ordinal)
                .OrderBy(group => GrantOrder(group.Key))
                .ThenBy(group => group.Key, StringComparer.Ordinal);
            foreach (var grantType in byGrantType)
            {
                var members = Sorted(grantType);
                if (GrantTypes.Canonical(grantType.Key) != grantType.Key || grouping == BaselineGrouping.Client)
                {
                    groups.AddRange(members.Select(ById));
                }
                else if (grouping == BaselineGrouping.GrantType)
                {
                    groups.Add(new ClientGroup($"{grantType.Key} clients", Match(grantTypes: new[] { grantType.Key }), members));
                }
                else
                {
                    groups.AddRange(ByName(grantType.Key, members));
                }
            }

            return groups;
        }

        /// <summary>
        /// Clients sharing a first word get one rule, matched by the longest prefix their names share and "*"; each
        /// other name gets its own rule matched by that name; a name a baseline cannot hold (blank, or with a lone surrogate) is matched by id.
        /// </summary>
        private static IEnumerable<ClientGroup> ByName(string grantType, IReadOnlyList<OAuthClient> members)
        {
            var named = new List<(string Pattern, ClientGroup Group)>();
            var alone = new List<OAuthClient>();
            foreach (var bucket in members.GroupBy(client => FirstWord(client.Name), StringComparer.OrdinalIgnoreCase))
            {
                var prefix = bucket.Key.Length == 0 || bucket.Count() < 2 ? string.Empty : CommonPrefix(bucket.Select(client => client.Name).ToArray());
                if (prefix.Length == 0 || !YamlScalars.IsWritable(prefix))
                {
                    alone.AddRange(bucket);
                    continue;
                }

                var pattern = prefix + "*";
                named.Add((pattern, new ClientGroup($"{grantType} clients named '{pattern}'", Match(new[] { pattern }, new[] { grantType }), Sorted(bucket))));
            }

            var byId = new List<ClientGroup>();
            foreach (var sameName in alone.GroupBy(client => client.Name, StringComparer.OrdinalIgnoreCase))
            {
                if (sameName.Key.Trim().Length == 0 || !YamlScalars.IsWritable(sameName.Key))
                {
                    byId.AddRange(Sorted(sameName).Select(ById));
                    continue;
                }

                var whom = sameName.Count() == 1 ? $"The {grantType} client named '{sameName.Key}'" : $"{grantType} clients named '{sameName.Key}'";
                named.Add((sameName.Key, new ClientGroup(whom, Match(new[] { sameName.Key }, new[] { grantType }), Sorted(sameName))));
            }

            return named
                .OrderBy(entry => entry.Pattern, StringComparer.OrdinalIgnoreCase)
                .ThenBy(entry => entry.Pattern, StringComparer.Ordinal)
                .Select(entry => entry.Group)
                .Concat(byId);
        }

        private static ClientGroup ById(OAuthClient client) =>
            new ClientGroup($"'{client.Name}' ({client.AuthorizedGrantType}, client id {client.Id})", Match(clientIds: new[] { client.Id }), new[] { client });

        /// <summary>The letters and digits a name starts with; empty when it starts with anything else.</summary>
        internal static string FirstWord(string name)
        {
            var length = 0;
            while (length < name.Length && char.IsLetterOrDigit(name[length]))
            {
                length++;
            }

            return name.Substring(0, length);
        }

        /// <summary>The longest start every name shares, ignoring case (as the first name spells it), never ending inside a surrogate pair.</summary>
        internal static string CommonPrefix(IReadOnlyList<string> names)
        {
            var length = names[0].Length;
            foreach (var name in names.Skip(1))
            {
                var shared = 0;
                while (shared < length && shared < name.Length && char.ToUpperInvariant(names[0][shared]) == char.ToUpperInvariant(name[shared]))
                {
                    shared++;
                }

                length = shared;
            }

            if (length > 0 && char.IsHighSurrogate(names[0][length - 1]))
            {
                length--;
            }

            return names[0].Substring(0, length);
        }

        private static IReadOnlyList<OAuthClient> Sorted(IEnumerable<OAuthClient> clients) =>
            clients.OrderBy(client => client.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(client => client.Name, StringComparer.Ordinal)
                .ThenBy(client => client.Id, StringComparer.Ordinal)
                .ToArray();

        private static int GrantOrder(string grantType)
        {
            var index = GrantTypes.All.ToList().IndexOf(grantType);
            return index < 0 ? GrantTypes.All.Count : index;
        }

        private static ClientMatch Match(IEnumerable<string>? names = null, IEnumerable<string>? grantTypes = null, IEnumerable<string>? clientIds = null) =>
            new ClientMatch(ValueList.From(names), ValueList<string>.Empty, ValueList.From(clientIds), ValueList.From(grantTypes), ValueList<string>.Empty);
    }
}
