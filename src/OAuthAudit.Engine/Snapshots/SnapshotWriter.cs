using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>
    /// Writes the snapshot document of docs/snapshot.md: the envelope's keys in a fixed order, each API object with
    /// its keys in the order the API (or the file it was read from) had them, each listing sorted by id, two-space
    /// indentation, "\n" line ends and a final newline, UTF-8 without a byte order mark. The same data always gives
    /// the same bytes, so a snapshot loaded and saved again is byte-identical.
    /// </summary>
    internal static class SnapshotWriter
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static JObject Document(SnapshotData data, RunTool tool) => new JObject
        {
            ["schemaVersion"] = Snapshot.CurrentSchemaVersion,
            ["kind"] = SnapshotText.Kind,
            ["organization"] = data.Organization.DeepClone(),
            ["capturedAt"] = data.CapturedAt.ToString(UtcTimestamp.IsoFormat, CultureInfo.InvariantCulture),
            ["tool"] = new JObject { ["name"] = tool.Name, ["version"] = tool.Version },
            ["environment"] = data.Environment,
            ["scopes"] = Listing(data.Scopes, "id"),
            ["clients"] = Listing(data.Clients, "id"),
            ["roles"] = Listing(data.Roles, "id"),
            ["divisions"] = Listing(data.Divisions, "id"),
            ["permissions"] = data.Permissions == null ? JValue.CreateNull() : Listing(data.Permissions, "domain"),
        };

        public static void Write(JObject document, Stream output)
        {
            using (var text = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\n" })
            {
                using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false })
                {
                    document.WriteTo(writer);
                }

                text.Write('\n');
            }
        }

        /// <summary>Sorted by key (ordinal; ties keep their order), so two saves of an unchanged organization list the same way. Items that belong to another document are copied, not moved.</summary>
        private static JArray Listing(IEnumerable<JObject> items, string key) =>
            new JArray(items.OrderBy(item => (item[key] as JValue)?.Value?.ToString() ?? string.Empty, System.StringComparer.Ordinal).Select(item => item.Parent == null ? item.DeepClone() : item));
    }
}
