using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Tests.Shared;

namespace OAuthAudit.Engine.Tests.Reports
{
    /// <summary>Runs to render: the demo organization through the engine, with problems, and a copy whose client names are hostile.</summary>
    internal static class ReportRuns
    {
        public static readonly DateTime Started = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);

        /// <summary>Client names an organization could hold: formulas, table and link forgeries, HTML, control characters, XML-invalid characters.</summary>
        public static readonly string[] HostileNames =
        {
            "=HYPERLINK(\"https://evil.example/\",\"click\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1+1)",
            "\tTabbed",
            "\rCarriage",
            "Pipe | forged | row |\n| x | y |",
            "<img src=x onerror=alert(1)> `code` [link](https://evil.example) @admin $x$ www.evil.example",
            "Ctl\u0001\u001b[31mred\u0000nul",
            "Bad\uFFFE\uFFFFxml\ud800lone",
            "Quote \"inside\", comma",
            "Line\r\nbreak\n# Heading",
            "</testcase><testcase name=\"forged\"/>",
            "\u202eevil\u202c right-to-left",
        };

        public static string DemoSnapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        public static string SampleBaseline => Path.Combine(RepositoryRoot.Path, "samples", "baseline.yml");

        /// <summary>Every demo client judged by samples/baseline.yml; the first errs, the second is skipped, and the run records an error of its own.</summary>
        public static AuditRun Demo() => Run(DemoSnapshot, withProblems: true);

        public static AuditRun DemoWithoutProblems() => Run(DemoSnapshot, withProblems: false);

        /// <summary>The demo organization with every client renamed to one of <see cref="HostileNames"/> (numbered) and a hostile organization name.</summary>
        public static AuditRun Hostile(TempFiles files, string? organizationId = null)
        {
            var document = JObject.Parse(File.ReadAllText(DemoSnapshot));
            var clients = (JArray)document["clients"]!;
            for (var index = 0; index < clients.Count; index++)
            {
                clients[index]!["name"] = HostileNames[index % HostileNames.Length] + (index < HostileNames.Length ? string.Empty : " " + index);
            }

            document["organization"]!["name"] = "Org | <b>bold</b>\n## forged";
            if (organizationId != null)
            {
                document["organization"]!["id"] = organizationId;
            }

            // Escaped as \uXXXX, so a lone surrogate reaches the reader as it is instead of as U+FFFD.
            using var text = new StringWriter();
            using (var writer = new JsonTextWriter(text) { StringEscapeHandling = StringEscapeHandling.EscapeNonAscii })
            {
                document.WriteTo(writer);
            }

            var path = files.Write($"hostile-org-{Guid.NewGuid():N}.json", text.ToString());
            return Run(path, withProblems: true);
        }

        /// <summary>The demo organization as another organization (its own id and name), judged by the sample baseline or the one given.</summary>
        public static AuditRun Organization(TempFiles files, string id, string name, bool withProblems = false, Baseline? baseline = null)
        {
            var document = JObject.Parse(File.ReadAllText(DemoSnapshot));
            document["organization"]!["id"] = id;
            document["organization"]!["name"] = name;
            var path = files.Write($"org-{Guid.NewGuid():N}.json", document.ToString());
            return Run(path, withProblems, baseline: baseline);
        }

        public const string SecondOrganizationId = "00000000-0000-4000-8000-000000000002";

        public const string ThirdOrganizationId = "00000000-0000-4000-8000-000000000003";

        /// <summary>Three organizations merged: the demo (with problems), a second with hostile names, a third against the built-in baseline.</summary>
        public static AuditRunSet ThreeOrganizations(TempFiles files) => AuditRunSet.Of(new[]
        {
            Demo(),
            Hostile(files, SecondOrganizationId),
            Organization(files, ThirdOrganizationId, "Third org", baseline: Baselines.Loader.BuiltIn),
        });

        /// <summary>The demo organization against a baseline whose one rule applies to nobody and that reports unmatched clients: every client NotApplicable with an Info finding outside the baseline's rules.</summary>
        public static AuditRun Unmatched(TempFiles files)
        {
            var path = files.Write("unmatched.yml", string.Join("\n",
                "apiVersion: oauthaudit/v1",
                "kind: Baseline",
                "metadata:",
                "  name: unmatched",
                "spec:",
                "  reportUnmatchedClients: true",
                "  rules:",
                "    - id: NOBODY-1",
                "      description: Applies to no client of the demo organization.",
                "      severity: High",
                "      match:",
                "        namePatterns: ['^No such client$']",
                "      forbiddenScopes: [oauth]",
                string.Empty));
            return Run(DemoSnapshot, withProblems: false, path);
        }

        public static AuditRun Run(string snapshot, bool withProblems, string? baselinePath = null, Baseline? baseline = null)
        {
            using var context = Connector.ConnectSnapshot(snapshot);
            baseline ??= Baselines.Loader.ReadFile(baselinePath ?? SampleBaseline);
            var evaluator = new BaselineEvaluator(baseline, Started);
            var clients = context.Directory.GetClients(Operation.Quiet).ToArray();
            var builder = AuditRunBuilder.For(context, baseline, Started).AddRange(clients.Skip(withProblems ? 2 : 0).Select(evaluator.Evaluate));
            if (withProblems)
            {
                builder.AddError(new ClientIdentity(clients[0].Id, clients[0].Name, clients[0].AuthorizedGrantType, clients[0].State), "RolesUnreadable", "Roles of the client could not be read: HTTP 503.", Started.AddSeconds(5));
                builder.AddSkipped(clients[1], new[] { "usage-rule" }, "The rule needs the client's last-used date, which the run did not load.", Started.AddSeconds(6));
                builder.AddError("PermissionCatalogUnreadable", "The permission catalogue could not be read.", Started.AddSeconds(7));
            }

            return builder.Build(Started.AddMinutes(1));
        }

        /// <summary>The run with its results repeated until it has at least this many findings (the builder keeps what it is given).</summary>
        public static AuditRun Large(int findings)
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var baseline = Baselines.Loader.ReadFile(SampleBaseline);
            var evaluator = new BaselineEvaluator(baseline, Started);
            var results = context.Directory.GetClients(Operation.Quiet).Select(evaluator.Evaluate).ToArray();
            var builder = AuditRunBuilder.For(context, baseline, Started);
            var count = 0;
            while (count < findings)
            {
                builder.AddRange(results);
                count += results.Sum(result => result.Findings.Count);
            }

            return builder.Build(Started.AddMinutes(1));
        }

        public static byte[] Render(ReportFormat format, params AuditRun[] runs)
        {
            using var stream = new MemoryStream();
            ReportWriters.For(format).Write(runs, stream);
            return stream.ToArray();
        }

        /// <summary>Findings of a run, in the order of its results.</summary>
        public static IReadOnlyList<Finding> Findings(AuditRun run) => run.Results.SelectMany(result => result.Findings).ToArray();
    }
}
