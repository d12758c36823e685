using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace OAuthAudit.Yaml
{
    /// <summary>
    /// Reads and checks baseline YAML (samples/baseline-format.md describes the format). The YAML is walked
    /// node by node, so every problem is a FileFormatException at the offending node's line and column saying
    /// what would be valid there; nothing half-loaded is ever returned.
    /// </summary>
    public sealed class BaselineReader : IBaselineParser
    {
        internal const string RootPath = "(document)";

        private static readonly IReadOnlyList<string> RootKeys = new[] { "apiVersion", "kind", "metadata", "spec" };
        private static readonly IReadOnlyList<string> MetadataKeys = new[] { "name", "description" };
        private static readonly IReadOnlyList<string> SpecKeys = new[] { "reportUnmatchedClients", "rules", "waivers" };

        /// <summary>Reads a baseline from YAML text; source names it in errors and becomes Baseline.Source.</summary>
        public Baseline Parse(TextReader yaml, string source)
        {
            var context = new BaselineContext(source);
            var root = YamlMap.Of(context, YamlDocumentParser.Parse(yaml.ReadToEnd(), context), RootPath, RootKeys, "a mapping with apiVersion, kind, metadata and spec");

            // Checked before unknown keys, so a file of another kind says so rather than complaining about its keys.
            Expect(context, root, "apiVersion", Baseline.ApiVersion);
            Expect(context, root, "kind", Baseline.Kind);
            root.RejectUnknownKeys();

            var metadata = root.RequiredMap("metadata", MetadataKeys, "a mapping with name and an optional description");
            var name = metadata.RequiredText("name", "the baseline's name").Text;
            var description = metadata.OptionalText("description", "a description")?.Text;

            var spec = root.RequiredMap("spec", SpecKeys, "a mapping with rules and optional waivers");
            var reportUnmatched = spec.OptionalBool("reportUnmatchedClients") ?? false;
            var rules = ReadRules(context, spec);
            var waivers = (spec.OptionalList("waivers", "a list of waivers") ?? Array.Empty<(YamlNode Node, string Path)>())
                .Select(item => WaiverReader.Read(context, item.Node, item.Path, rules))
                .ToArray();
            return new Baseline(name, description, source, ValueList.From(rules), ValueList.From(waivers), reportUnmatched);
        }

        private static void Expect(BaselineContext context, YamlMap root, string key, string expected)
        {
            var value = root.RequiredText(key, $"'{expected}'");
            if (value.Text != expected)
            {
                throw context.Error(value.Node, $"'{key}' is '{value.Text}'; a baseline has exactly '{key}: {expected}'.");
            }
        }

        private static IReadOnlyList<BaselineRule> ReadRules(BaselineContext context, YamlMap spec)
        {
            var items = spec.RequiredList("rules", "a list of rules");
            if (items.Count == 0)
            {
                throw context.Error(spec.Required("rules", "a list of rules"), $"'{spec.PathOf("rules")}' is an empty list; a baseline needs at least one rule.");
            }

            var rules = new List<BaselineRule>();
            var ids = new Dictionary<string, YamlItem>(StringComparer.OrdinalIgnoreCase);
            foreach (var (node, path) in items)
            {
                var (rule, id) = RuleReader.Read(context, node, path);
                if (ids.TryGetValue(rule.Id, out var first))
                {
                    throw context.Error(id.Node, $"rule id '{rule.Id}' is already the id of '{first.Path.Substring(0, first.Path.Length - ".id".Length)}' (line {first.Node.Start.Line}); rule ids must be unique, ignoring case.");
                }

                ids.Add(rule.Id, id);
                rules.Add(rule);
            }

            return rules;
        }
    }
}
