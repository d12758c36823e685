using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Files;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>
    /// Turns a file into a snapshot's JSON object, or says what the file is instead: not JSON, truncated (the JSON
    /// ends before the document does), a baseline or an audit-run document. Values are kept as the text has them
    /// (no date parsing), so a document read and written again is the same.
    /// </summary>
    internal static class SnapshotText
    {
        public const string Kind = "OAuthAudit.Snapshot";

        private const DocumentKind Document = DocumentKind.Snapshot;

        // Built on the error path only (a file that is not JSON), never when a snapshot loads.
        private static readonly Lazy<Regex> BaselineLine = new Lazy<Regex>(() => new Regex(@"^\s*(apiVersion\s*:\s*['""]?oauthaudit/|kind\s*:\s*['""]?Baseline\b)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

        public static JObject Parse(string path)
        {
            JToken root;
            try
            {
                using (var file = File.OpenText(path))
                using (var reader = new JsonTextReader(file) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double })
                {
                    root = JToken.ReadFrom(reader, new JsonLoadSettings
                    {
                        LineInfoHandling = LineInfoHandling.Load,
                        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                    });
                    if (reader.Read())
                    {
                        throw new FileFormatException(Document, path, reader.LineNumber, reader.LinePosition, "there is more text after the end of the JSON document.");
                    }
                }
            }
            catch (JsonReaderException invalid)
            {
                throw NotJson(path, invalid);
            }

            return root as JObject
                ?? throw new FileFormatException(Document, path, 1, 1, $"the document is a JSON {root.Type}; a snapshot is a JSON object with schemaVersion, kind '{Kind}', organization, capturedAt and the organization's data.");
        }

        /// <summary>Refuses a JSON document that is another kind of file: a baseline written as JSON, an audit-run document, another kind.</summary>
        public static void RequireSnapshot(JObject root, Func<JToken, string, FileFormatException> error)
        {
            var kind = root["kind"];
            if (kind is JValue { Type: JTokenType.String } named && string.Equals((string?)named, Kind, StringComparison.Ordinal))
            {
                return;
            }

            if (root["apiVersion"] != null || string.Equals((kind as JValue)?.Value as string, "Baseline", StringComparison.OrdinalIgnoreCase))
            {
                throw error(root, "this is a baseline (it has 'apiVersion' and 'kind: Baseline'), not a snapshot. A snapshot is the JSON document saved from an organization.");
            }

            if (root["results"] != null && (root["dataSource"] != null || root["summary"] != null))
            {
                throw error(root, "this is an audit-run document (it has 'dataSource', 'summary' and 'results'): it records what one audit found, not what the organization held. A snapshot is the JSON document saved from an organization.");
            }

            if (kind != null && kind.Type != JTokenType.Null)
            {
                throw error(kind, $"'kind' is {kind.ToString(Formatting.None)}; a snapshot's kind is \"{Kind}\", so this file is not a snapshot.");
            }

            if (root["schemaVersion"] == null && root["clients"] == null)
            {
                throw error(root, $"this JSON document is not a snapshot: it has neither 'schemaVersion' nor 'clients' (a snapshot starts with schemaVersion and kind \"{Kind}\").");
            }
        }

        private static FileFormatException NotJson(string path, JsonReaderException invalid)
        {
            var text = File.ReadAllText(path);
            if (text.Trim().Length == 0)
            {
                return new FileFormatException(Document, path, null, null, "the file is empty; a snapshot is a JSON document. Save the snapshot again.", invalid);
            }

            var line = Math.Max(invalid.LineNumber, 1);
            var column = Math.Max(invalid.LinePosition, 1);
            if (BaselineLine.Value.IsMatch(text))
            {
                return new FileFormatException(Document, path, null, null, "this is a baseline (YAML with 'apiVersion: oauthaudit/...' and 'kind: Baseline'), not a snapshot. A snapshot is the JSON document saved from an organization.", invalid);
            }

            var (lastLine, lastColumn) = EndOfContent(text);
            if (EndsEarly(invalid) && (line > lastLine || (line == lastLine && column >= lastColumn)))
            {
                return new FileFormatException(Document, path, null, null, $"the file is truncated at line {lastLine}: the JSON ends before the document does (an interrupted save or copy). Save the snapshot again, or restore the file from a copy.", invalid);
            }

            return new FileFormatException(Document, path, line, column, "not valid JSON: " + invalid.Message.Split(new[] { " Path '" }, StringSplitOptions.None)[0], invalid);
        }

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
