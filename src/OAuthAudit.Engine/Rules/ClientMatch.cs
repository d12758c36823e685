using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// Which clients a rule applies to (or is exempted for). Every criterion given must hold; within one,
    /// any item may match. Names match as wildcards or regular expressions; an empty match selects every client.
    /// A regular expression that runs out of time throws RegexMatchTimeoutException: the match is unknown, not false
    /// (unless another criterion already rules the client out, when the pattern is not run).
    /// </summary>
    public sealed class ClientMatch
    {
        /// <summary>How long one name regular expression may run on one name before the match is given up as unknown.</summary>
        public static readonly TimeSpan NamePatternTimeout = TimeSpan.FromSeconds(1);

        public static readonly ClientMatch Everything = new ClientMatch(
            ValueList<string>.Empty, ValueList<string>.Empty, ValueList<string>.Empty, ValueList<string>.Empty, ValueList<string>.Empty);

        private readonly WildcardNames _names;
        private readonly Regex[] _namePatterns;
        private readonly HashSet<string>? _clientIds;
        private readonly HashSet<string>? _grantTypes;
        private readonly HashSet<string>? _states;

        public ClientMatch(ValueList<string> names, ValueList<string> namePatterns, ValueList<string> clientIds, ValueList<string> grantTypes, ValueList<string> states)
        {
            Names = names;
            NamePatterns = namePatterns;
            ClientIds = clientIds;
            GrantTypes = grantTypes;
            States = states;
            _names = new WildcardNames(names);
            _namePatterns = namePatterns.Select(pattern => new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, NamePatternTimeout)).ToArray();
            _clientIds = SetOf(clientIds);
            _grantTypes = SetOf(grantTypes);
            _states = SetOf(states);
        }

        public ValueList<string> Names { get; }

        public ValueList<string> NamePatterns { get; }

        public ValueList<string> ClientIds { get; }

        public ValueList<string> GrantTypes { get; }

        public ValueList<string> States { get; }

        public bool IsEmpty => Names.Count + NamePatterns.Count + ClientIds.Count + GrantTypes.Count + States.Count == 0;

        /// <remarks>The set look-ups come first: a client they rule out is not matched whatever its name, so no name pattern is run for it.</remarks>
        public bool Matches(OAuthClient client) =>
            (_clientIds == null || _clientIds.Contains(client.Id))
            && (_grantTypes == null || _grantTypes.Contains(client.AuthorizedGrantType))
            && (_states == null || _states.Contains(client.State ?? string.Empty))
            && (Names.Count + _namePatterns.Length == 0 || _names.Matches(client.Name) || MatchesPattern(client.Name));

        /// <summary>The criteria as a baseline writes them: each non-empty one, keyed as in <see cref="BaselineKeys.MatchKeys"/>, in that order.</summary>
        public IReadOnlyList<KeyValuePair<string, object>> Written() =>
            new[]
            {
                new KeyValuePair<string, ValueList<string>>(BaselineKeys.Names, Names),
                new KeyValuePair<string, ValueList<string>>(BaselineKeys.NamePatterns, NamePatterns),
                new KeyValuePair<string, ValueList<string>>(BaselineKeys.ClientIds, ClientIds),
                new KeyValuePair<string, ValueList<string>>(BaselineKeys.GrantTypes, GrantTypes),
                new KeyValuePair<string, ValueList<string>>(BaselineKeys.States, States),
            }
            .Where(entry => entry.Value.Count > 0)
            .Select(entry => new KeyValuePair<string, object>(entry.Key, entry.Value.Cast<object>().ToArray()))
            .ToArray();

        /// <summary>The listed values as a set with the same comparison as before (ignoring case); null when none is listed, which matches every client.</summary>
        private static HashSet<string>? SetOf(ValueList<string> values) =>
            values.Count == 0 ? null : new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);

        private bool MatchesPattern(string name)
        {
            foreach (var regex in _namePatterns)
            {
                if (regex.IsMatch(name))
                {
                    return true;
                }
            }

            return false;
        }

        public override string ToString()
        {
            var parts = new[]
            {
                Names.Count > 0 ? "names " + Names : null,
                NamePatterns.Count > 0 ? "namePatterns " + NamePatterns : null,
                ClientIds.Count > 0 ? "clientIds " + ClientIds : null,
                GrantTypes.Count > 0 ? "grantTypes " + GrantTypes : null,
                States.Count > 0 ? "states " + States : null,
            };
            return IsEmpty ? "all clients" : string.Join(", ", parts.Where(part => part != null));
        }
    }
}
