using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OAuthAudit.Yaml
{
    /// <summary>
    /// One pass over the YAML events before the representation model is built, without recursion: refuses a
    /// second document, nesting deep enough to exhaust the stack and aliases of unknown anchors, and finds
    /// duplicate keys, so each error points at the place and duplicates can name both. YAML syntax errors
    /// surface here as YamlException; the few malformed inputs YamlDotNet fails on with another exception
    /// become an error at the place its scanner stopped.
    /// </summary>
    internal static class YamlPreScan
    {
        public const int MaximumDepth = 32;

        public const string MultipleDocuments = "a second YAML document starts here; a baseline file holds exactly one (remove the '---' and what follows, or put each baseline in its own file).";

        public static void Check(string yaml, BaselineContext context)
        {
            var scanner = new Scanner(new StringReader(yaml));
            var parser = new Parser(scanner);
            var frames = new Stack<Frame>();
            var documents = 0;
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            while (MoveNext(parser, scanner, frames, context))
            {
                var current = parser.Current!;
                if (current is NodeEvent node && !node.Anchor.IsEmpty)
                {
                    anchors.Add(node.Anchor.Value);
                }

                switch (current)
                {
                    case Scalar scalar:
                        Visit(frames, context, scalar.Value, scalar.Start);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.Contains(alias.Value.Value))
                        {
                            throw context.Error(alias.Start, $"the alias '*{alias.Value.Value}' refers to no anchor '&{alias.Value.Value}' given before it in this document.");
                        }

                        Visit(frames, context, null, alias.Start);
                        break;
                    case MappingStart mapping:
                        Open(frames, context, mapping, isMapping: true, isFlow: mapping.Style == MappingStyle.Flow);
                        break;
                    case SequenceStart sequence:
                        Open(frames, context, sequence, isMapping: false, isFlow: sequence.Style == SequenceStyle.Flow);
                        break;
                    case MappingEnd _:
                    case SequenceEnd _:
                        frames.Pop();
                        break;
                    case DocumentStart _ when ++documents > 1:
                        throw context.Error(current.Start, MultipleDocuments);
                    case DocumentEnd _:
                        frames.Clear();
                        anchors.Clear();
                        break;
                }
            }
        }

        private static bool MoveNext(Parser parser, Scanner scanner, Stack<Frame> frames, BaselineContext context)
        {
            try
            {
                return parser.MoveNext();
            }
            catch (Exception failure) when (!(failure is YamlException))
            {
                var open = frames.FirstOrDefault(frame => frame.IsFlow);
                var hint = open == null
                    ? "check the indentation and quoting above"
                    : $"the '{(open.IsMapping ? '{' : '[')}' at line {open.Start.Line}, column {open.Start.Column} is not closed before this point";
                throw context.Error(scanner.CurrentPosition, $"not valid YAML: the parser could not go on from here; {hint}.", failure);
            }
        }

        private static void Open(Stack<Frame> frames, BaselineContext context, ParsingEvent start, bool isMapping, bool isFlow)
        {
            Visit(frames, context, null, start.Start);
            if (frames.Count == MaximumDepth)
            {
                throw context.Error(start.Start, $"the YAML is nested more than {MaximumDepth} levels deep here; a baseline never needs that many.");
            }

            frames.Push(new Frame(isMapping, isFlow, start.Start));
        }

        /// <summary>A node inside the current collection: in a mapping, nodes alternate key, value.</summary>
        private static void Visit(Stack<Frame> frames, BaselineContext context, string? scalarValue, Mark start)
        {
            if (frames.Count == 0 || !frames.Peek().IsMapping)
            {
                return;
            }

            var frame = frames.Peek();
            var isKey = frame.ExpectingKey;
            frame.ExpectingKey = !isKey;
            if (!isKey || scalarValue == null)
            {
                return;
            }

            if (frame.Keys.TryGetValue(scalarValue, out var first))
            {
                throw context.Error(start, $"duplicate key '{scalarValue}': it is already given at line {first.Line}, column {first.Column} of this mapping, and a key may appear only once.");
            }

            frame.Keys.Add(scalarValue, start);
        }

        private sealed class Frame
        {
            public Frame(bool isMapping, bool isFlow, Mark start)
            {
                IsMapping = isMapping;
                IsFlow = isFlow;
                Start = start;
            }

            public bool IsMapping { get; }

            public bool IsFlow { get; }

            public Mark Start { get; }

            public bool ExpectingKey { get; set; } = true;

            public Dictionary<string, Mark> Keys { get; } = new Dictionary<string, Mark>(StringComparer.Ordinal);
        }
    }
}
