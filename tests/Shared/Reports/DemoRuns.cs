using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
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

        public const string RolesUnreadable = "Roles of the client could not be read: HTTP 503.";
        public const string CatalogUnreadable = "The permission catalogue could not be read.";

        public static string Snapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        public static string Baseline => Path.Combine(RepositoryRoot.Path, "samples", "baseline.yml");

        public static BaselineLoader Loader { get; } = new BaselineLoader(new BaselineReader());

        /// <summary>Every client of the snapshot judged by the sample baseline.</summary>
        public static AuditRun Demo() => FromSnapshot(Snapshot);

        /// <summary>
        /// The demo organization with the first clients renamed to <see cref="HostileNames"/> (a copy of the snapshot in
        /// <paramref name="folder"/>), and another organization id and name when given, as a second organization.
        /// </summary>
        public static AuditRun Renamed(string folder, IReadOnlyList<string> names, string? organizationId = null, string? organizationName = null, bool withProblems = false)
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
            return FromSnapshot(path, withProblems);
        }

        /// <summary>With problems, the first client could not be judged (an Error result) and the run itself records an error.</summary>
        private static AuditRun FromSnapshot(string path, bool withProblems = false)
        {
            using var context = Connector.ConnectSnapshot(path);
            var baseline = Loader.ReadFile(Baseline);
            var evaluator = new BaselineEvaluator(baseline, Started);
            var clients = context.Directory.GetClients(Operation.Quiet).ToArray();
            var builder = AuditRunBuilder.For(context, baseline, Started).AddRange(clients.Skip(withProblems ? 1 : 0).Select(evaluator.Evaluate));
            if (withProblems)
            {
                builder.AddError(new ClientIdentity(clients[0].Id, clients[0].Name, clients[0].AuthorizedGrantType, clients[0].State), "RolesUnreadable", RolesUnreadable, Started.AddSeconds(5));
                builder.AddError("PermissionCatalogUnreadable", CatalogUnreadable, Started.AddSeconds(7));
            }

            return builder.Build(Started.AddMinutes(1));
        }
    }
}
