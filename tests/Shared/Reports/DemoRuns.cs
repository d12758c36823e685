using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Yaml;

namespace OAuthAudit.Tests.Shared.Reports
{
    /// <summary>Runs over samples/demo-org.json judged by samples/baseline.yml, built through the engine as a cmdlet builds them.</summary>
    internal static class DemoRuns
    {
        public static readonly DateTime Started = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);

        /// <summary>Client names that try to become markup or script in a report.</summary>
        public static readonly string[] HostileNames =
        {
            "<img src=x onerror=alert(1)>",
            "</script><script>alert(1)</script>",
            "<img src=x onerror=\"window.__injected='img'\">",
            "</script><script>window.__injected='script'</script><!--",
            "A\u2028B\u2029C & <!-- --> ]]> \u202eevil",
        };

        public static string Snapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        public static string Baseline => Path.Combine(RepositoryRoot.Path, "samples", "baseline.yml");

        public static BaselineLoader Loader { get; } = new BaselineLoader(new BaselineReader());

        /// <summary>Every client of the snapshot judged by the sample baseline.</summary>
        public static AuditRun Demo() => FromSnapshot(Snapshot);

        /// <summary>
        /// The demo organization with the first clients renamed to <see cref="HostileNames"/> (a copy of the snapshot in
        /// <paramref name="folder"/>), and another organization id and name when given, as a second organization.
        /// </summary>
        public static AuditRun Renamed(string folder, IReadOnlyList<string> names, string? organizationId = null, string? organizationName = null)
        {
            var snapshot = JObject.Parse(File.ReadAllText(Snapshot));
            var clients = (JArray)snapshot["clients"]!;
            for (var index = 0; index < names.Count; index++)
            {
                clients[index]["name"] = names[index];
            }

            if (organizationId != null)
            {
                snapshot["organization"]!["id"] = organizationId;
                snapshot["organization"]!["name"] = organizationName ?? organizationId;
            }

            var path = Path.Combine(folder, $"snapshot-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, snapshot.ToString());
            return FromSnapshot(path);
        }

        private static AuditRun FromSnapshot(string path)
        {
            using var context = Connector.ConnectSnapshot(path);
            var baseline = Loader.ReadFile(Baseline);
            var evaluator = new BaselineEvaluator(baseline, Started);
            return AuditRunBuilder.For(context, baseline, Started)
                .AddRange(context.Directory.GetClients(Operation.Quiet).Select(evaluator.Evaluate))
                .Build(Started.AddMinutes(1));
        }
    }
}
