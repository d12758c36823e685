using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace OAuthAudit.Engine.Rules.Writing
{
    /// <summary>
    /// Writes a Baseline as oauthaudit/v1 YAML text, every key taken from the tables the reader reads
    /// (<see cref="BaselineKeys"/> for the document's and a rule's own keys and the match keys, each demand's
    /// <see cref="DemandKind.Key"/> and <see cref="DemandKind.Written"/> for its value). Block style only, two-space
    /// indents, "\n" line ends, scalars through <see cref="YamlScalars"/>; the same baseline and comments always give
    /// the same text. It writes no waivers: a baseline holding any is refused.
    /// </summary>
    public static class BaselineYamlWriter
    {
        private static readonly Regex KeySyntax = new Regex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);

        /// <param name="header">Comment lines written before the document.</param>
        /// <param name="commentsOf">Comment lines written before a rule (none when it returns null or nothing).</param>
        public static BaselineText Write(Baseline baseline, IEnumerable<string> header, Func<BaselineRule, IEnumerable<string>?> commentsOf)
        {
            if (baseline.Waivers.Count > 0)
            {
                throw new ArgumentException($"Baseline '{baseline.Name}' has {baseline.Waivers.Count} waivers; the writer writes none (an exception is accepted by a person, never generated).", nameof(baseline));
            }

            var emitter = new Emitter();
            foreach (var line in header)
            {
                emitter.Comment(0, line);
            }

            var metadata = new List<KeyValuePair<string, object>> { Entry(BaselineKeys.Name, baseline.Name) };
            if (baseline.Description != null)
            {
                metadata.Add(Entry(BaselineKeys.Description, baseline.Description));
            }

            emitter.Mapping(0, null, new[]
            {
                Entry(BaselineKeys.ApiVersion, Baseline.ApiVersion),
                Entry(BaselineKeys.Kind, Baseline.Kind),
                Entry(BaselineKeys.Metadata, metadata),
                Entry(BaselineKeys.Spec, new[]
                {
                    Entry(BaselineKeys.ReportUnmatchedClients, baseline.ReportUnmatchedClients),
                    Entry(BaselineKeys.Rules, new RuleList(baseline.Rules.Select(rule => (Rule(rule), commentsOf(rule)?.ToArray() ?? new string[0])).ToArray())),
                }),
            });
            return new BaselineText(emitter.Text, emitter.Nodes);
        }

        /// <summary>A rule's own keys, then its demands in table order.</summary>
        private static IReadOnlyList<KeyValuePair<string, object>> Rule(BaselineRule rule)
        {
            var entries = new List<KeyValuePair<string, object>>
            {
                Entry(BaselineKeys.Id, rule.Id),
                Entry(BaselineKeys.Description, rule.Description),
                Entry(BaselineKeys.Severity, rule.Severity.ToString()),
            };
            if (rule.Remediation != null)
            {
                entries.Add(Entry(BaselineKeys.Remediation, rule.Remediation));
            }

            if (!rule.Match.IsEmpty)
            {
                entries.Add(Entry(BaselineKeys.Match, rule.Match.Written()));
            }

            if (rule.Exemptions != null && !rule.Exemptions.IsEmpty)
            {
                entries.Add(Entry(BaselineKeys.Exemptions, rule.Exemptions.Written()));
            }

            entries.AddRange(rule.Demands.Select(demand => Entry(demand.Kind.Key, demand.Kind.Written(demand))));
            return entries;
        }

        private static KeyValuePair<string, object> Entry(string key, object value) => new KeyValuePair<string, object>(key, value);

        /// <summary>spec.rules: a list of mappings, each with its comments above it.</summary>
        private sealed class RuleList
        {
            public RuleList(IReadOnlyList<(IReadOnlyList<KeyValuePair<string, object>> Rule, string[] Comments)> rules)
            {
                Rules = rules;
            }

            public IReadOnlyList<(IReadOnlyList<KeyValuePair<string, object>> Rule, string[] Comments)> Rules { get; }
        }

        private sealed class Emitter
        {
            private readonly StringBuilder _text = new StringBuilder();

            public string Text => _text.ToString();

            /// <summary>YAML nodes written (keys, values, mappings, lists), counted as the reader's limit counts them.</summary>
            public int Nodes { get; private set; }

            public void Comment(int indent, string text) => _text.Append(' ', indent).Append(YamlScalars.Comment(text)).Append('\n');

            /// <param name="firstPrefix">Starts the first line instead of the indent ("- " of a list item); null for the indent.</param>
            public void Mapping(int indent, string? firstPrefix, IEnumerable<KeyValuePair<string, object>> entries)
            {
                Nodes++;
                var first = true;
                foreach (var entry in entries)
                {
                    if (!KeySyntax.IsMatch(entry.Key))
                    {
                        throw new ArgumentException($"'{entry.Key}' is not a baseline key.", nameof(entries));
                    }

                    if (first && firstPrefix != null)
                    {
                        _text.Append(' ', indent - firstPrefix.Length).Append(firstPrefix);
                    }
                    else
                    {
                        _text.Append(' ', indent);
                    }

                    first = false;
                    Nodes++;
                    _text.Append(entry.Key).Append(':');
                    Value(indent, entry.Value);
                }

                if (first)
                {
                    throw new ArgumentException("An empty mapping is written only as a value ({}).", nameof(entries));
                }
            }

            /// <summary>Writes what follows "key:" (a space and a scalar, or a line break and a nested block).</summary>
            private void Value(int indent, object value)
            {
                switch (value)
                {
                    case RuleList rules:
                        Nodes++;
                        _text.Append('\n');
                        foreach (var (rule, comments) in rules.Rules)
                        {
                            foreach (var comment in comments)
                            {
                                Comment(indent + 2, comment);
                            }

                            Mapping(indent + 4, "- ", rule);
                        }

                        break;
                    case IEnumerable<KeyValuePair<string, object>> mapping when mapping.Any():
                        _text.Append('\n');
                        Mapping(indent + 2, null, mapping);
                        break;
                    case IEnumerable<KeyValuePair<string, object>> _:
                        Nodes++;
                        _text.Append(" {}\n");
                        break;
                    case string text:
                        Scalar(YamlScalars.String(text));
                        break;
                    case object[] items when items.Length == 0:
                        Nodes++;
                        _text.Append(" []\n");
                        break;
                    case object[] items:
                        Nodes++;
                        _text.Append('\n');
                        foreach (var item in items)
                        {
                            Item(indent + 2, item);
                        }

                        break;
                    default:
                        Scalar(ScalarOf(value));
                        break;
                }
            }

            private void Item(int indent, object item)
            {
                if (item is IEnumerable<KeyValuePair<string, object>> mapping && !(item is string))
                {
                    Mapping(indent + 2, "- ", mapping);
                    return;
                }

                Nodes++;
                _text.Append(' ', indent).Append("- ").Append(item is string text ? YamlScalars.String(text) : ScalarOf(item)).Append('\n');
            }

            private void Scalar(string written)
            {
                Nodes++;
                _text.Append(' ').Append(written).Append('\n');
            }

            private static string ScalarOf(object value) => value switch
            {
                bool flag => YamlScalars.Bool(flag),
                int number => YamlScalars.Number(number),
                _ => throw new ArgumentException($"A {value.GetType().Name} is not a value a baseline writes.", nameof(value)),
            };
        }
    }
}
