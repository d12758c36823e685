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
    /// second document, nesting deep enough to exhaust the stack, aliases of unknown anchors, keys that are not
    /// plain scalars (a mapping, list or alias as a key makes YamlDotNet hash whole trees, and a few hundred bytes
    /// of such keys hang its loader for minutes) and documents that expand past MaximumNodes (an alias counts every
    /// node of its anchor each time, so "billion laughs" stops here), and finds duplicate keys, so each error
    /// points at the place and duplicates can name both. YAML syntax errors
    /// surface here as YamlException; the few malformed inputs YamlDotNet fails on with another exception
    /// become an error at the place its scanner stopped.
    /// </summary>
    internal static class YamlPreScan
    {
        public const int MaximumDepth = 32;

        /// <summary>Nodes a document may hold, counting an alias as all its anchor's nodes: the built-in baseline has a few hundred, and YamlDotNet takes about a second per 10,000.</summary>
        public const int MaximumNodes = Engine.Rules.Loading.BaselineLoader.MaximumNodes;

        public const string MultipleDocuments = "a second YAML document starts here; a baseline file holds exactly one (remove the '---' and what follows, or put each baseline in its own file).";

        public static void Check(string yaml, BaselineContext context)
        {
            var scanner = new Scanner(new StringReader(yaml));
            var parser = new Parser(scanner);
            var frames = new Stack<Frame>();
            var documents = 0;
            var anchors = new HashSet<string>(StringComparer.Ordinal);

            // Nodes each finished anchor stands for; an alias of an anchor still open (a loop) counts as one node.
            var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
            long nodes = 0;
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
                        Visit(frames, context, scalar.Value, scalar.Start, null);
                        Count(frames, context, ref nodes, 1, scalar.Start);
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchorSizes[scalar.Anchor.Value] = 1;
                        }

                        break;
                    case AnchorAlias alias:
                        if (!anchors.Contains(alias.Value.Value))
                        {
                            throw context.Error(alias.Start, $"the alias '*{alias.Value.Value}' refers to no anchor '&{alias.Value.Value}' given before it in this document.");
                        }

                        Visit(frames, context, null, alias.Start, $"the alias '*{alias.Value.Value}'");
                        Count(frames, context, ref nodes, anchorSizes.TryGetValue(alias.Value.Value, out var size) ? size : 1, alias.Start);
                        break;
                    case MappingStart mapping:
                        Open(frames, context, mapping, isMapping: true, isFlow: mapping.Style == MappingStyle.Flow);
                        Count(frames, context, ref nodes, 1, mapping.Start);
                        break;
                    case SequenceStart sequence:
                        Open(frames, context, sequence, isMapping: false, isFlow: sequence.Style == SequenceStyle.Flow);
                        Count(frames, context, ref nodes, 1, sequence.Start);
                        break;
                    case MappingEnd _:
                    case SequenceEnd _:
                        var closed = frames.Pop();
                        if (closed.Anchor != null)
                        {
                            anchorSizes[closed.Anchor] = closed.Nodes;
                        }

                        if (frames.Count > 0)
                        {
                            frames.Peek().Nodes += closed.Nodes;
                        }

                        break;
                    case DocumentStart _ when ++documents > 1:
                        throw context.Error(current.Start, MultipleDocuments);
                    case DocumentEnd _:
                        frames.Clear();
                        anchors.Clear();
                        anchorSizes.Clear();
                        break;
                }
            }
        }

        /// <summary>Counts nodes into the innermost open collection (which passes them up when it closes) and the document.</summary>
        private static void Count(Stack<Frame> frames, BaselineContext context, ref long nodes, long added, Mark at)
        {
            nodes += added;
            if (nodes > MaximumNodes)
            {
                throw context.Error(at, $"the YAML holds more than {MaximumNodes} nodes by this point (an alias counts every node of its anchor each time it is used); a baseline never needs that many.");
            }

            if (frames.Count > 0)
            {
                frames.Peek().Nodes += added;
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
            Visit(frames, context, null, start.Start, isMapping ? "a mapping" : "a list");
            if (frames.Count == MaximumDepth)
            {
                throw context.Error(start.Start, $"the YAML is nested more than {MaximumDepth} levels deep here; a baseline never needs that many.");
            }

            var anchor = ((NodeEvent)start).Anchor;
            frames.Push(new Frame(isMapping, isFlow, start.Start) { Anchor = anchor.IsEmpty ? null : anchor.Value });
        }

        /// <summary>
        /// A node inside the current collection: in a mapping, nodes alternate key, value. notScalar says what a
        /// node other than a scalar is ("a list", "the alias '*x'"), which a key may not be.
        /// </summary>
        private static void Visit(Stack<Frame> frames, BaselineContext context, string? scalarValue, Mark start, string? notScalar)
        {
            if (frames.Count == 0 || !frames.Peek().IsMapping)
            {
                return;
            }

            var frame = frames.Peek();
            var isKey = frame.ExpectingKey;
            frame.ExpectingKey = !isKey;
            if (!isKey)
            {
                return;
            }

            if (scalarValue == null)
            {
                throw context.Error(start, $"a mapping key here is {notScalar}; keys in a baseline are plain names such as 'forbiddenScopes' (no '?' complex keys, lists, mappings or aliases as keys).");
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

            /// <summary>The anchor on this collection, if any.</summary>
            public string? Anchor { get; set; }

            /// <summary>Nodes of this collection so far, itself included, aliases expanded.</summary>
            public long Nodes { get; set; }

            public Dictionary<string, Mark> Keys { get; } = new Dictionary<string, Mark>(StringComparer.Ordinal);
        }
    }
}
