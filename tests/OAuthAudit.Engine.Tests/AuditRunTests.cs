using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using OAuthAudit.Emulator;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The audit-run document: built from a stream of results over the demo organization, checked against docs/schemas/audit-run.v1.schema.json.</summary>
    public class AuditRunTests
    {
        private static readonly DateTime Started = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);
        private static readonly Regex IsoUtc = new Regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$");

        private static string DemoSnapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        private static string SampleBaseline => Path.Combine(RepositoryRoot.Path, "samples", "baseline.yml");

        private static JsonSchema Schema { get; } = JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "audit-run.v1.schema.json"))).GetAwaiter().GetResult();

        [Fact]
        public void A_demo_run_over_the_snapshot_validates_against_the_schema_with_zero_errors()
        {
            var run = DemoRun(withProblems: true);
            var json = AuditRunJson.Write(run);

            var errors = Schema.Validate(json);

            Assert.Empty(errors.Select(error => $"{error.Path}: {error.Kind}"));
            var document = Json(json);
            Assert.Equal(1, (int)document["schemaVersion"]!);
            Assert.Equal("Snapshot", (string)document["dataSource"]!["kind"]!);
            Assert.Equal(run.Results.Count, ((JArray)document["results"]!).Count);
            Assert.Equal(2, ((JArray)document["errors"]!).Count);
            Assert.Contains(((JArray)document["results"]!).Select(result => (string)result["outcome"]!), outcome => outcome == "Fail");
        }

        [Fact]
        public void The_run_names_the_organization_by_id_the_snapshot_capture_time_and_the_baseline_by_hash_and_rules()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var run = DemoRun(withProblems: false);

            Assert.Equal(context.OrganizationId, run.Organization.Id);
            Assert.All(run.Results, result => Assert.Equal(context.OrganizationId, result.OrganizationId));
            Assert.All(run.Results.SelectMany(result => result.Findings), finding => Assert.Equal(context.OrganizationId, finding.OrganizationId));
            Assert.Equal(context.CapturedAt, run.DataSource.CapturedAt);
            var expected = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(SampleBaseline))).ToLowerInvariant();
            Assert.Equal(expected, run.Baseline.Sha256);
            var baseline = Baselines.Loader.ReadFile(SampleBaseline);
            Assert.Equal(baseline.Rules.Select(rule => (rule.Id, rule.Description, rule.Severity, rule.Remediation)),
                run.Baseline.Rules.Select(rule => (rule.Id, rule.Description, rule.Severity, rule.Remediation)));
            Assert.Equal(RunTool.ToolName, run.Tool.Name);
            Assert.Matches(@"^\d+\.\d+\.\d+", run.Tool.Version);
        }

        [Fact]
        public void A_baseline_file_is_hashed_over_its_bytes_byte_order_mark_included_and_still_reads()
        {
            using var files = new TempFiles();
            var path = Path.Combine(files.Folder, "bom.yml");
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(SampleBaseline)).ToArray();
            File.WriteAllBytes(path, bytes);

            var baseline = Baselines.Loader.ReadFile(path);

            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), baseline.Sha256);
            Assert.NotEqual(Baselines.Loader.ReadFile(SampleBaseline).Sha256, baseline.Sha256);
            Assert.Equal(Baselines.Loader.ReadFile(SampleBaseline).Rules.Select(rule => rule.Id), baseline.Rules.Select(rule => rule.Id));
        }

        [Fact]
        public void The_built_in_baseline_is_hashed_over_its_text()
        {
            var builtIn = Baselines.Loader.BuiltIn;

            Assert.Equal(Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Rules.Loading.BaselineLoader.BuiltInText()))).ToLowerInvariant(), builtIn.Sha256);
        }

        [Fact]
        public void A_document_missing_a_required_field_or_with_a_wrong_value_fails_validation()
        {
            var document = Json(AuditRunJson.Write(DemoRun(withProblems: true)));

            var noSummary = (JObject)document.DeepClone();
            noSummary.Remove("summary");
            Assert.Contains(Schema.Validate(noSummary.ToString()), error => error.Property == "summary" || (error.Path ?? string.Empty).Contains("summary"));

            var localTime = (JObject)document.DeepClone();
            localTime["startedAt"] = "2026-12-01T20:00:00+01:00";
            Assert.NotEmpty(Schema.Validate(localTime.ToString()));

            var numericOutcome = (JObject)document.DeepClone();
            numericOutcome["results"]![0]!["outcome"] = 0;
            Assert.NotEmpty(Schema.Validate(numericOutcome.ToString()));

            var laterVersion = (JObject)document.DeepClone();
            laterVersion["schemaVersion"] = 2;
            Assert.NotEmpty(Schema.Validate(laterVersion.ToString()));

            var unknownKind = (JObject)document.DeepClone();
            unknownKind["results"]!.SelectMany(result => (JArray)result["findings"]!).First()["kind"] = "Forged";
            Assert.NotEmpty(Schema.Validate(unknownKind.ToString()));

            var badCapture = (JObject)document.DeepClone();
            badCapture["dataSource"]!["capturedAt"] = "yesterday";
            Assert.NotEmpty(Schema.Validate(badCapture.ToString()));

            var badHash = (JObject)document.DeepClone();
            badHash["baseline"]!["sha256"] = "ABC";
            Assert.NotEmpty(Schema.Validate(badHash.ToString()));

            var extra = (JObject)document.DeepClone();
            ((JObject)extra["organization"]!)["accessToken"] = "x";
            Assert.NotEmpty(Schema.Validate(extra.ToString()));
        }

        [Fact]
        public void Each_result_carries_the_client_s_scopes_and_role_grants_as_resolved_with_their_permissions()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var clients = context.Directory.GetClients(Operation.Quiet).ToDictionary(client => client.Id);
            var results = (JArray)Json(AuditRunJson.Write(DemoRun(withProblems: true)))["results"]!;

            foreach (var result in results)
            {
                var client = clients[(string)result["clientId"]!];
                var scopes = result["scopes"]!.Select(scope => (string)scope!).ToArray();
                var grants = (JArray)result["roleGrants"]!;
                if ((string)result["outcome"]! == "Error")
                {
                    Assert.Equal((0, 0), (scopes.Length, grants.Count));
                    continue;
                }

                Assert.Equal(client.Scopes.Select(scope => scope.Name), scopes);
                Assert.Equal(client.Roles.Count, grants.Count);
                foreach (var (grant, written) in client.Roles.Zip(grants))
                {
                    Assert.Equal((grant.RoleId, grant.RoleName, grant.DivisionId, grant.DivisionName, grant.IsAllDivisions, grant.IsFromRoleIds),
                        ((string)written["roleId"]!, (string?)written["roleName"], (string?)written["divisionId"], (string?)written["divisionName"], (bool)written["allDivisions"]!, (bool)written["fromRoleIds"]!));
                    Assert.Equal(grant.Permissions, written["permissions"]!.Select(permission => (string)permission!));
                    Assert.Equal(grant.ConditionalPermissions, written["conditionalPermissions"]!.Select(permission => (string)permission!));
                }
            }

            var allGrants = results.SelectMany(result => (JArray)result["roleGrants"]!).ToArray();
            Assert.Contains(allGrants, grant => (bool)grant["allDivisions"]! && (string)grant["divisionId"]! == "*" && (string)grant["divisionName"]! == "all divisions");
            Assert.Contains(allGrants, grant => ((JArray)grant["permissions"]!).Count > 0);
            Assert.All(results.Where(result => (string)result["grantType"]! != "CLIENT-CREDENTIALS"), result => Assert.Empty((JArray)result["roleGrants"]!));
            Assert.Contains(results, result => (string)result["grantType"]! != "CLIENT-CREDENTIALS" && ((JArray)result["scopes"]!).Count > 0);
        }

        [Fact]
        public void Summary_counts_every_outcome_and_outstanding_severity_and_never_counts_an_error_or_a_skip_as_a_pass_or_a_fail()
        {
            var judged = DemoRun(withProblems: false);
            var run = DemoRun(withProblems: true);

            Assert.Equal(Enum.GetValues<Outcome>().Length, run.Summary.ByOutcome.Count);
            Assert.Equal(Enum.GetValues<Severity>().Length, run.Summary.BySeverity.Count);
            Assert.Equal(run.Results.Count, run.Summary.ByOutcome.Values.Sum());
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                Assert.Equal(run.Results.Count(result => result.Outcome == outcome), run.Summary.ByOutcome[outcome]);
            }

            var outstanding = run.Results.SelectMany(result => result.Findings).Where(finding => !finding.Waived).ToArray();
            foreach (var severity in Enum.GetValues<Severity>())
            {
                Assert.Equal(outstanding.Count(finding => finding.Severity == severity), run.Summary.BySeverity[severity]);
            }

            // The run with problems has the first two clients as Error and Skipped instead of judged: they leave the
            // judged outcomes' counts and are counted under their own.
            var replaced = judged.Results.Take(2).ToArray();
            Assert.Contains(replaced, result => result.Outcome == Outcome.Pass || result.Outcome == Outcome.Fail);
            foreach (var outcome in new[] { Outcome.Pass, Outcome.Fail, Outcome.Warning, Outcome.NotApplicable })
            {
                Assert.Equal(judged.Summary.ByOutcome[outcome] - replaced.Count(result => result.Outcome == outcome), run.Summary.ByOutcome[outcome]);
            }

            Assert.Equal((1, 1, 2), (run.Summary.ByOutcome[Outcome.Error], run.Summary.ByOutcome[Outcome.Skipped], run.Summary.Errors));
            Assert.Equal((0, 0), (judged.Summary.ByOutcome[Outcome.Error], judged.Summary.ByOutcome[Outcome.Skipped]));
            var error = run.Results.Single(result => result.Outcome == Outcome.Error);
            Assert.False(error.Passed);
            Assert.Null(error.Severity);
            Assert.Empty(error.Findings);
            Assert.Equal("Roles of the client could not be read: HTTP 503.", error.Reason);
            Assert.Equal(error.ClientId, run.Errors[0].ClientId);
            Assert.Null(run.Errors[1].ClientId);
            var skipped = run.Results.Single(result => result.Outcome == Outcome.Skipped);
            Assert.Equal(new[] { "usage-rule" }, skipped.MatchedRules);
            Assert.False(skipped.Passed);
        }

        [Fact]
        public void Outcomes_keep_their_numbers_and_Error_and_Skipped_come_after()
        {
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, new[] { Outcome.Pass, Outcome.Fail, Outcome.Warning, Outcome.NotApplicable, Outcome.Error, Outcome.Skipped }.Select(outcome => (int)outcome));
        }

        [Fact]
        public void Enums_are_written_as_their_names_and_every_time_as_ISO_8601_UTC_with_Z()
        {
            var document = Json(AuditRunJson.Write(DemoRun(withProblems: true)));
            var results = (JArray)document["results"]!;

            Assert.All(results, result => Assert.Contains((string)result["outcome"]!, Enum.GetNames<Outcome>()));
            Assert.All(results.SelectMany(result => (JArray)result["findings"]!), finding =>
            {
                Assert.Equal(JTokenType.String, finding["severity"]!.Type);
                Assert.Contains((string)finding["kind"]!, Enum.GetNames<FindingKind>());
            });
            var times = document.Descendants().OfType<JProperty>().Where(property => property.Name.EndsWith("At", StringComparison.Ordinal) || property.Name.EndsWith("On", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(times);
            Assert.All(times.Where(property => property.Value.Type != JTokenType.Null), property =>
            {
                Assert.Equal(JTokenType.String, property.Value.Type);
                Assert.Matches(IsoUtc, (string)property.Value!);
            });
            Assert.Equal("2026-12-01T20:00:00Z", (string)document["startedAt"]!);
        }

        [Fact]
        public void A_local_start_time_is_written_as_the_same_instant_in_UTC()
        {
            var local = Started.ToLocalTime();
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var run = AuditRunBuilder.For(context, Baselines.Loader.ReadFile(SampleBaseline), local).Build(local.AddMinutes(1));

            var document = Json(AuditRunJson.Write(run));

            Assert.Equal(("2026-12-01T20:00:00Z", "2026-12-01T20:01:00Z"), ((string)document["startedAt"]!, (string)document["finishedAt"]!));
        }

        [Fact]
        public void The_properties_come_in_a_fixed_order()
        {
            var document = Json(AuditRunJson.Write(DemoRun(withProblems: false)));

            Assert.Equal(new[] { "schemaVersion", "tool", "organization", "dataSource", "baseline", "startedAt", "finishedAt", "summary", "results", "errors" },
                document.Properties().Select(property => property.Name));
            Assert.Equal(new[] { "Pass", "Fail", "Warning", "NotApplicable", "Error", "Skipped" }, ((JObject)document["summary"]!["byOutcome"]!).Properties().Select(property => property.Name));
        }

        [Fact]
        public void The_schema_lists_exactly_the_engine_s_outcomes_severities_and_finding_kinds()
        {
            Assert.Equal(Enum.GetNames<Outcome>(), Schema.Definitions["outcome"].Enumeration.Cast<string>());
            Assert.Equal(Enum.GetNames<Severity>(), Schema.Definitions["severity"].Enumeration.Cast<string>());
            Assert.Equal(Enum.GetNames<FindingKind>(), Schema.Definitions["findingKind"].Enumeration.Cast<string>());
        }

        [Fact]
        public void A_result_of_another_organization_or_baseline_is_refused()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var baseline = Baselines.Loader.ReadFile(SampleBaseline);
            var client = context.Directory.GetClients(Operation.Quiet).First();
            var result = new BaselineEvaluator(baseline, Started).Evaluate(client);
            var otherOrganization = new AuditRunBuilder(new RunOrganization("another-org", context.OrganizationName, null), new RunDataSource(DataSourceKind.Live, null), baseline, Started);
            var otherBaseline = AuditRunBuilder.For(context, Baselines.Loader.BuiltIn, Started);

            Assert.Contains("another-org", Assert.Throws<ArgumentException>(() => otherOrganization.Add(result)).Message);
            Assert.Contains("baseline", Assert.Throws<ArgumentException>(() => otherBaseline.Add(result)).Message);
        }

        [Fact]
        public async Task A_live_run_document_holds_neither_the_client_secret_nor_any_access_token()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(EmulatorOrganization.FromSnapshotFile(DemoSnapshot));
            var endpoint = GenesysEndpoint.Custom(emulator.ApiBaseUri, emulator.LoginBaseUri);
            var request = new LiveConnectionRequest(endpoint, new RetryPolicy(maxRetryCount: 2, maxRetryWait: TimeSpan.FromMilliseconds(200)),
                new ClientCredential(emulator.Auditor.ClientId, SecureText.Protect(emulator.Auditor.Secret)), null);
            using var context = Connector.ConnectLive(request, Operation.Quiet);
            var baseline = Baselines.Loader.ReadFile(SampleBaseline);
            var evaluator = new BaselineEvaluator(baseline, Started);
            var builder = AuditRunBuilder.For(context, baseline, Started).AddRange(context.Directory.GetClients(Operation.Quiet).Select(evaluator.Evaluate));

            var json = AuditRunJson.Write(builder.Build(Started.AddMinutes(1)));

            Assert.NotEmpty(emulator.IssuedTokens);
            Assert.DoesNotContain(emulator.Auditor.Secret, json, StringComparison.Ordinal);
            Assert.All(emulator.IssuedTokens, token => Assert.DoesNotContain(token, json, StringComparison.Ordinal));
            Assert.DoesNotMatch("(?i)\"[a-z]*(secret|token|password)[a-z]*\"\\s*:", json);
            Assert.Equal("Live", (string)Json(json)["dataSource"]!["kind"]!);
            Assert.Empty(Schema.Validate(json));
        }

        /// <summary>Parsed as written: times stay the strings they are in the file.</summary>
        private static JObject Json(string json)
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
            return JObject.Load(reader);
        }

        /// <summary>Every client of the demo snapshot judged by samples/baseline.yml; with problems, one more client errs, one is skipped and the run itself records an error.</summary>
        private static AuditRun DemoRun(bool withProblems)
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var baseline = Baselines.Loader.ReadFile(SampleBaseline);
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
    }
}
