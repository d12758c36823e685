using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Files
{
    /// <summary>
    /// Turns a JSON file the module reads (a snapshot, an audit run) into its root object, or says what the file is
    /// instead: empty, not JSON, truncated (the JSON ends before the document does), a YAML baseline, text after the
    /// document, or not an object. Values are kept as the text has them (no date parsing), so a document read and
    /// written again is the same; a property named twice is refused, nesting is capped by the reader's depth limit.
    /// </summary>
    internal sealed class JsonFileText
    {
        // Built on the error path only (a file that is not JSON), never when a document loads.
        private static readonly Lazy<Regex> BaselineLine = new Lazy<Regex>(() => new Regex(@"^\s*(apiVersion\s*:\s*['""]?oauthaudit/|kind\s*:\s*['""]?Baseline\b)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

        private readonly DocumentKind _document;
        private readonly string _noun;
        private readonly string _definition;
        private readonly string _again;
        private readonly string _shape;

        /// <param name="noun">"a snapshot", "an audit run".</param>
        /// <param name="definition">What such a file is: "the JSON document saved from an organization".</param>
        /// <param name="again">How to get a good file: "Save the snapshot again".</param>
        /// <param name="shape">What its root object holds, for a document that is not an object.</param>
        public JsonFileText(DocumentKind document, string noun, string definition, string again, string shape)
        {
            _document = document;
            _noun = noun;
            _definition = definition;
            _again = again;
            _shape = shape;
        }

        public JObject Parse(string path)
        {
            using (var file = File.OpenText(path))
            {
                return Parse(file, path, () => File.ReadAllText(path));
            }
        }

        /// <param name="whole">The whole text, read again only to explain a document that is not valid JSON.</param>
        public JObject Parse(TextReader text, string path, Func<string> whole)
        {
            JToken root;
            try
            {
                using (var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, CloseInput = false })
                {
                    root = JToken.ReadFrom(reader, new JsonLoadSettings
                    {
                        LineInfoHandling = LineInfoHandling.Load,
                        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                    });
                    if (reader.Read())
                    {
                        throw new FileFormatException(_document, path, reader.LineNumber, reader.LinePosition, "there is more text after the end of the JSON document.");
                    }
                }
            }
            catch (JsonReaderException invalid)
            {
                throw NotJson(path, whole(), invalid);
            }

            return root as JObject
                ?? throw new FileFormatException(_document, path, 1, 1, $"the document is a JSON {root.Type}; {_noun} is {_shape}.");
        }

        private FileFormatException NotJson(string path, string text, JsonReaderException invalid)
        {
            if (text.Trim().Length == 0)
            {
                return new FileFormatException(_document, path, null, null, $"the file is empty; {_noun} is a JSON document. {_again}.", invalid);
            }

            var line = Math.Max(invalid.LineNumber, 1);
            var column = Math.Max(invalid.LinePosition, 1);
            if (BaselineLine.Value.IsMatch(text))
            {
                return new FileFormatException(_document, path, null, null, $"this is a baseline (YAML with 'apiVersion: oauthaudit/...' and 'kind: Baseline'), not {_noun}. {Capitalized(_noun)} is {_definition}.", invalid);
            }

            var (lastLine, lastColumn) = EndOfContent(text);
            if (EndsEarly(invalid) && (line > lastLine || (line == lastLine && column >= lastColumn)))
            {
                return new FileFormatException(_document, path, null, null, $"the file is truncated at line {lastLine}: the JSON ends before the document does (an interrupted save or copy). {_again}, or restore the file from a copy.", invalid);
            }

            return new FileFormatException(_document, path, line, column, "not valid JSON: " + invalid.Message.Split(new[] { " Path '" }, StringSplitOptions.None)[0], invalid);
        }

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>The reader ran out of text ("Unexpected end ...", "Unterminated string ..."), rather than meeting a wrong character there.</summary>
        private static bool EndsEarly(JsonReaderException invalid) =>
            invalid.Message.IndexOf("character", StringComparison.OrdinalIgnoreCase) < 0;

        /// <summary>The line and column (1-based, as the JSON reader counts) of the last character that is not white space.</summary>
        private static (int Line, int Column) EndOfContent(string text)
        {
            var end = text.Length - 1;
            while (end >= 0 && char.IsWhiteSpace(text[end]))
            {
                end--;
            }

            var line = 1 + text.Take(end + 1).Count(character => character == '\n');
            var lineStart = text.LastIndexOf('\n', Math.Max(end, 0)) + 1;
            return (line, end - lineStart + 1);
        }
    }
}
