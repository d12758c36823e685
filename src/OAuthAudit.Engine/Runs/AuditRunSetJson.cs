using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Writes a set of runs as the multi-organization document (docs/schemas/audit-run-set.v1.schema.json):
    /// schemaVersion, kind, the tool that wrote it, the totals, then each run's own document, unchanged.
    /// </summary>
    public static class AuditRunSetJson
    {
        public static string Write(AuditRunSet set)
        {
            using (var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture))
            {
                Write(set, text);
                return text.ToString();
            }
        }

        public static void Write(AuditRunSet set, TextWriter output)
        {
            using (var writer = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false })
            {
                Document(set).WriteTo(writer);
            }
        }

        internal static JObject Document(AuditRunSet set)
        {
            var summary = AuditRunJson.Summary(set.Summary);
            summary.AddFirst(new JProperty("organizations", set.Organizations));
            return new JObject
            {
                ["schemaVersion"] = AuditRun.SchemaVersion,
                ["kind"] = AuditRunSet.Kind,
                ["tool"] = new JObject { ["name"] = RunTool.Current.Name, ["version"] = RunTool.Current.Version },
                ["summary"] = summary,
                ["runs"] = new JArray(set.Runs.Select(AuditRunJson.Document)),
            };
        }
    }
}
