using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Files;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>
    /// Turns a file into a snapshot's JSON object (Files/JsonFileText: not JSON, truncated, a YAML baseline), or says
    /// what the JSON document is instead: a baseline or an audit-run document.
    /// </summary>
    internal static class SnapshotText
    {
        public const string Kind = "OAuthAudit.Snapshot";

        private const DocumentKind Document = DocumentKind.Snapshot;

        private static readonly JsonFileText Text = new JsonFileText(Document, "a snapshot", "the JSON document saved from an organization", "Save the snapshot again",
            $"a JSON object with schemaVersion, kind '{Kind}', organization, capturedAt and the organization's data");

        public static JObject Parse(string path) => Text.Parse(path);

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

            if (root["runs"] is JArray && root["summary"] != null)
            {
                throw error(root, "this is a multi-organization audit-run document (it has 'runs' and 'summary'): it records what audits found, not what an organization held. A snapshot is the JSON document saved from an organization.");
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
    }
}
