using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>
    /// A YAML mapping read against the keys valid there: each accessor knows whether its key is required and
    /// what type it holds, and turns anything else into an error at the offending node. An optional key whose
    /// value is ~, null or nothing counts as absent; a required one does not.
    /// </summary>
    internal sealed class YamlMap
    {
        private const string MergeKey = "<<";

        private readonly BaselineContext _context;
        private readonly YamlMappingNode _node;
        private readonly IReadOnlyList<string> _validKeys;
        private readonly List<KeyValuePair<YamlScalarNode, YamlNode>> _entries;

        private YamlMap(BaselineContext context, YamlMappingNode node, string path, IReadOnlyList<string> validKeys, List<KeyValuePair<YamlScalarNode, YamlNode>> entries)
        {
            _context = context;
            _node = node;
            Path = path;
            _validKeys = validKeys;
            _entries = entries;
        }

        /// <summary>Where the mapping sits: "(document)" for the root, else a path such as "spec.rules[2]".</summary>
        public string Path { get; }

        public Mark Start => _node.Start;

        public bool IsEmpty => _entries.Count == 0;

        public BaselineContext Context => _context;

        /// <summary>Reads a node that must be a mapping; "what" names it for the error ("a rule (a mapping with id, ...)").</summary>
        public static YamlMap Of(BaselineContext context, YamlNode node, string path, IReadOnlyList<string> validKeys, string what)
        {
            if (!(node is YamlMappingNode mapping))
            {
                throw context.Error(node, $"'{path}' is {YamlValues.Describe(node)}; {what} expected.");
            }

            var entries = new List<KeyValuePair<YamlScalarNode, YamlNode>>();
            foreach (var entry in mapping.Children)
            {
                if (!(entry.Key is YamlScalarNode key) || YamlValues.IsNull(key))
                {
                    throw context.Error(entry.Key, $"a key in '{path}' is {YamlValues.Describe(entry.Key)}; keys are plain names. Valid keys there: {string.Join(", ", validKeys)}.");
                }

                entries.Add(new KeyValuePair<YamlScalarNode, YamlNode>(key, entry.Value));
            }

            return new YamlMap(context, mapping, path, validKeys, entries);
        }

        /// <summary>Refuses every key not valid here, saying which are (never silently ignored); reading goes on with the valid ones.</summary>
        public YamlMap RejectUnknownKeys()
        {
            foreach (var key in _entries.Select(entry => entry.Key))
            {
                var name = YamlValues.Text(key);
                if (_validKeys.Contains(name, StringComparer.Ordinal))
                {
                    continue;
                }

                var where = Path == BaselineReader.RootPath ? "at the top level" : $"in '{Path}'";
                var hint = name == MergeKey
                    ? " YAML merge keys are not supported: write the keys out (anchors and aliases of whole values are fine)."
                    : _validKeys.FirstOrDefault(valid => string.Equals(valid, name, StringComparison.OrdinalIgnoreCase)) is string near
                        ? $" Keys are case-sensitive: did you mean '{near}'?"
                        : string.Empty;
                _context.Report(_context.Error(key, $"unknown key '{name}' {where}.{hint} Valid keys there: {string.Join(", ", _validKeys)}."));
            }

            return this;
        }

        public string PathOf(string key) => Path == BaselineReader.RootPath ? key : Path + "." + key;

        /// <summary>The key's value, or null when the key is absent or its value is ~, null or nothing.</summary>
        public YamlNode? Optional(string key)
        {
            var value = Find(key);
            return value == null || YamlValues.IsNull(value) ? null : value;
        }

        public YamlNode Required(string key, string expected)
        {
            var value = Find(key) ?? throw _context.Error(_node, $"'{Path}' has no '{key}' ({expected} expected).");
            return YamlValues.IsNull(value)
                ? throw _context.Error(value, $"'{PathOf(key)}' has no value; {expected} expected.")
                : value;
        }

        public YamlItem RequiredText(string key, string expected = "a string") =>
            Text(Required(key, expected), PathOf(key), expected);

        public YamlItem? OptionalText(string key, string expected = "a string") =>
            Optional(key) is YamlNode value ? Text(value, PathOf(key), expected) : null;

        public bool? OptionalBool(string key)
        {
            if (!(Optional(key) is YamlNode value))
            {
                return null;
            }

            return value is YamlScalarNode scalar && YamlValues.TryBool(scalar, out var flag)
                ? flag
                : throw _context.Error(value, $"'{PathOf(key)}' is {YamlValues.Describe(value)}; true or false expected.");
        }

        /// <summary>A whole number no smaller than minimum; "unit" completes the message ("seconds (86400 is 24 hours)").</summary>
        public int? OptionalWholeNumber(string key, int minimum, string unit)
        {
            if (!(Optional(key) is YamlNode value))
            {
                return null;
            }

            return value is YamlScalarNode scalar && YamlValues.TryWholeNumber(scalar, out var number) && number >= minimum
                ? number
                : throw _context.Error(value, $"'{PathOf(key)}' is {YamlValues.Describe(value)}; a whole number of {unit}, {minimum} or more, expected.");
        }

        /// <summary>A whole number from minimum to maximum (a number of days the audit trail can cover).</summary>
        public int? OptionalWholeNumber(string key, int minimum, int maximum, string unit)
        {
            if (!(Optional(key) is YamlNode value))
            {
                return null;
            }

            return value is YamlScalarNode scalar && YamlValues.TryWholeNumber(scalar, out var number) && number >= minimum && number <= maximum
                ? number
                : throw _context.Error(value, $"'{PathOf(key)}' is {YamlValues.Describe(value)}; a whole number of {unit}, {minimum} to {maximum}, expected.");
        }

        public YamlMap? OptionalMap(string key, IReadOnlyList<string> validKeys, string what) =>
            Optional(key) is YamlNode value ? Of(_context, value, PathOf(key), validKeys, what).RejectUnknownKeys() : null;

        public YamlMap RequiredMap(string key, IReadOnlyList<string> validKeys, string what) =>
            Of(_context, Required(key, what), PathOf(key), validKeys, what).RejectUnknownKeys();

        /// <summary>The entries of a list (which may be empty), each with its path.</summary>
        public IReadOnlyList<(YamlNode Node, string Path)> RequiredList(string key, string what)
        {
            var value = Required(key, what);
            return value is YamlSequenceNode sequence
                ? sequence.Children.Select((item, index) => (item, $"{PathOf(key)}[{index}]")).ToArray()
                : throw _context.Error(value, $"'{PathOf(key)}' is {YamlValues.Describe(value)}; {what} expected.");
        }

        public IReadOnlyList<(YamlNode Node, string Path)>? OptionalList(string key, string what) =>
            Optional(key) == null ? null : RequiredList(key, what);

        /// <summary>A single string or a list of strings (possibly empty); null when the key is absent. itemNoun: "scope name", "grant type".</summary>
        public IReadOnlyList<YamlItem>? OptionalTexts(string key, string itemNoun)
        {
            var itemWhat = (itemNoun.Length > 0 && "aeiou".IndexOf(itemNoun[0]) >= 0 ? "an " : "a ") + itemNoun;
            var value = Optional(key);
            switch (value)
            {
                case null:
                    return null;
                case YamlSequenceNode sequence:
                    // Each entry on its own, so every bad entry of a list is reported; the good ones are returned.
                    return sequence.Children
                        .Select((item, index) => _context.Try<YamlItem?>(() => Text(item, $"{PathOf(key)}[{index}]", itemWhat), null))
                        .Where(item => item != null)
                        .Select(item => item!)
                        .ToArray();
                case YamlScalarNode _:
                    return new[] { Text(value, PathOf(key), itemWhat) };
                default:
                    throw _context.Error(value, $"'{PathOf(key)}' is {YamlValues.Describe(value)}; {itemWhat} or a list of them expected.");
            }
        }

        /// <summary>Like OptionalTexts, but an empty list is an error: given at all, the key must list something.</summary>
        public IReadOnlyList<YamlItem>? OptionalNonEmptyTexts(string key, string itemNoun)
        {
            var items = OptionalTexts(key, itemNoun);
            return Optional(key) is YamlSequenceNode sequence && sequence.Children.Count == 0
                ? throw _context.Error(Optional(key)!, $"'{PathOf(key)}' is an empty list; list at least one {itemNoun}, or remove the key.")
                : items;
        }

        /// <summary>One of a fixed set, matched ignoring case and returned as the set spells it.</summary>
        public string OneOf(YamlItem item, IReadOnlyList<string> valid, string what) =>
            valid.FirstOrDefault(value => string.Equals(value, item.Text, StringComparison.OrdinalIgnoreCase))
            ?? throw _context.Error(item.Node, $"'{item.Path}' is '{item.Text}', which is not a {what}; expected one of {string.Join(", ", valid)}.");

        /// <summary>A non-blank string scalar.</summary>
        public YamlItem Text(YamlNode node, string path, string expected)
        {
            if (!(node is YamlScalarNode scalar))
            {
                throw _context.Error(node, $"'{path}' is {YamlValues.Describe(node)}; {expected} expected.");
            }

            var text = YamlValues.Text(scalar);
            return YamlValues.IsNull(scalar) || text.Trim().Length == 0
                ? throw _context.Error(node, $"'{path}' is empty; {expected} expected.")
                : new YamlItem(node, path, text);
        }

        private YamlNode? Find(string key) =>
            _entries.Where(entry => YamlValues.Text(entry.Key) == key).Select(entry => entry.Value).FirstOrDefault();
    }
}
