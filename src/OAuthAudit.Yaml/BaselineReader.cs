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
    /// node by node, so every problem names the offending node's line and column and says what would be valid
    /// there; all problems found are reported together (BaselineContext collects them), and nothing half-loaded
    /// is ever returned.
    /// </summary>
    public sealed class BaselineReader : IBaselineParser
    {
        internal const string RootPath = "(document)";

        private static readonly IReadOnlyList<string> RootKeys = BaselineKeys.Root;
        private static readonly IReadOnlyList<string> MetadataKeys = BaselineKeys.MetadataKeys;
        private static readonly IReadOnlyList<string> SpecKeys = BaselineKeys.SpecKeys;

        /// <summary>
        /// Reads a baseline from YAML text; source names it in errors and becomes Baseline.Source. Every problem
        /// the read can reach is collected and reported in one FileFormatException; YAML that does not parse, or a
        /// document that is not a baseline at all, stops at its first problem.
        /// </summary>
        public Baseline Parse(TextReader yaml, string source)
        {
            var context = new BaselineContext(source);
            var root = YamlMap.Of(context, YamlDocumentParser.Parse(yaml.ReadToEnd(), context), RootPath, RootKeys, "a mapping with apiVersion, kind, metadata and spec");

            // Checked before unknown keys, so a file of another kind says so rather than complaining about its keys.
            Expect(context, root, BaselineKeys.ApiVersion, Baseline.ApiVersion);
            Expect(context, root, BaselineKeys.Kind, Baseline.Kind);
            root.RejectUnknownKeys();

            var metadata = context.Try<YamlMap?>(() => root.RequiredMap(BaselineKeys.Metadata, MetadataKeys, "a mapping with name and an optional description"), null);
            var name = metadata == null ? null : context.Try<string?>(() => metadata.RequiredText(BaselineKeys.Name, "the baseline's name").Text, null);
            var description = metadata == null ? null : context.Try(() => metadata.OptionalText(BaselineKeys.Description, "a description")?.Text, null);

            var spec = context.Try<YamlMap?>(() => root.RequiredMap(BaselineKeys.Spec, SpecKeys, "a mapping with rules and optional waivers"), null);
            if (spec == null)
            {
                context.ThrowIfAny();
            }

            var reportUnmatched = context.Try(() => spec!.OptionalBool(BaselineKeys.ReportUnmatchedClients), null) ?? false;
            var (rules, ruleIds) = ReadRules(context, spec!);
            var waivers = context.Try(() => spec!.OptionalList(BaselineKeys.Waivers, "a list of waivers"), null) ?? Array.Empty<(YamlNode Node, string Path)>();
            var read = waivers
                .Select(item => context.Try(() => WaiverReader.Read(context, item.Node, item.Path, ruleIds), null))
                .ToArray();

            context.ThrowIfAny();
            return new Baseline(name!, description, source, ValueList.From(rules), ValueList.From(read.Select(waiver => waiver!)), reportUnmatched);
        }

        private static void Expect(BaselineContext context, YamlMap root, string key, string expected)
        {
            var value = root.RequiredText(key, $"'{expected}'");
            if (value.Text != expected)
            {
                throw context.Error(value.Node, $"'{key}' is '{value.Text}'; a baseline has exactly '{key}: {expected}'.");
            }
        }

        /// <summary>The rules read without problems, and the ids every rule gives (for waivers to name).</summary>
        private static (IReadOnlyList<BaselineRule> Rules, IReadOnlyList<string> Ids) ReadRules(BaselineContext context, YamlMap spec)
        {
            var rules = new List<BaselineRule>();
            var ids = new Dictionary<string, YamlItem>(StringComparer.OrdinalIgnoreCase);
            var given = new List<string>();
            var items = context.Try<IReadOnlyList<(YamlNode Node, string Path)>?>(() => spec.RequiredList(BaselineKeys.Rules, "a list of rules"), null);
            if (items == null)
            {
                return (rules, new string[0]);
            }

            if (items.Count == 0)
            {
                context.Report(context.Error(spec.Required(BaselineKeys.Rules, "a list of rules"), $"'{spec.PathOf(BaselineKeys.Rules)}' is an empty list; a baseline needs at least one rule."));
            }

            foreach (var (node, path) in items)
            {
                var (rule, id) = context.Try<(BaselineRule?, YamlItem?)>(() => RuleReader.Read(context, node, path), (null, null));
                if (id == null)
                {
                    continue;
                }

                if (ids.TryGetValue(id.Text, out var first))
                {
                    context.Report(context.Error(id.Node, $"rule id '{id.Text}' is already the id of '{first.Path.Substring(0, first.Path.Length - ".id".Length)}' (line {first.Node.Start.Line}); rule ids must be unique, ignoring case."));
                    continue;
                }

                ids.Add(id.Text, id);
                given.Add(id.Text);
                if (rule != null)
                {
                    rules.Add(rule);
                }
            }

            return (rules, given);
        }
    }
}
