using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Saving a snapshot (docs/snapshot.md): reproducible bytes, raw objects kept, secrets dropped, what a load refuses, whole-file writes.</summary>
    public class SnapshotSaveTests
    {
        private static string DemoSnapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        private const string WithUnmodelledFields = """
            {
              "schemaVersion": 1,
              "capturedAt": "2026-11-20T06:00:00.5Z",
              "environment": "mypurecloud.ie",
              "organization": { "id": "org-1", "name": "Contoso", "productPlatform": "GenesysCloud", "features": { "x": true } },
              "scopes": [ { "id": "users:readonly", "description": "View users" }, { "id": "analytics", "description": "Manage analytics", "futureFlag": 1.5 } ],
              "clients": [
                { "id": "c2", "name": "Sync", "authorizedGrantType": "CLIENT-CREDENTIALS", "roleDivisions": [ { "roleId": "r1", "divisionId": "*", "secret": "nested-secret-1" } ],
                  "secret": "top-secret-2", "credentials": { "Secret": "deep-secret-3", "kept": "yes" } },
                { "id": "c1", "name": "Dashboard \u00e9\u202e", "authorizedGrantType": "CODE", "state": "active", "scope": ["analytics"],
                  "futureField": { "lastUsed": "2024-01-01", "when": "2024-03-11T14:22:05.000Z", "counts": [1, 2.50, -3], "nothing": null },
                  "dateCreated": "2024-03-11T14:22:05.000Z" }
              ],
              "roles": [ { "id": "r1", "name": "Sync role", "permissionPolicies": [], "unmodelled": "kept" } ],
              "divisions": [ { "id": "d1", "name": "Home", "homeDivision": true } ]
            }
            """;

        [Fact]
        public void The_demo_snapshot_saved_loaded_and_saved_again_is_byte_identical_and_keeps_its_data()
        {
            using var files = new TempFiles();
            var first = Path.Combine(files.Folder, "first.json");
            var second = Path.Combine(files.Folder, "second.json");

            using (var demo = Connector.ConnectSnapshot(DemoSnapshot))
            {
                SnapshotFile.Save(demo.Directory, first, overwrite: false, Operation.Quiet);
            }

            using (var saved = Connector.ConnectSnapshot(first))
            {
                SnapshotFile.Save(saved.Directory, second, overwrite: false, Operation.Quiet);
                Assert.Equal("202f2243-e652-5cbb-80cf-2a48118f4b62", saved.OrganizationId);
                Assert.Equal(new DateTime(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc), (DateTime)saved.CapturedAt!.Value);
                Assert.Equal("mypurecloud.ie", saved.Environment);
            }

            var bytes = File.ReadAllBytes(first);
            Assert.Equal(bytes, File.ReadAllBytes(second));
            var text = Encoding.UTF8.GetString(bytes);
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.StartsWith("{\n  \"schemaVersion\": 2,\n  \"kind\": \"OAuthAudit.Snapshot\",\n  \"organization\": {\n    \"id\": \"202f2243-e652-5cbb-80cf-2a48118f4b62\",", text);
            Assert.EndsWith("}\n", text);
            Assert.DoesNotContain("\r", text);
            Assert.Contains($"\"tool\": {{\n    \"name\": \"OAuthAudit\",\n    \"version\": \"{RunTool.Current.Version}\"\n  }}", text);

            // Every object of the demo file is in the saved file, whole and equal (only the lists' order may differ).
            var demoJson = Load(DemoSnapshot);
            var savedJson = Load(first);
            foreach (var key in new[] { "organization", "environment", "capturedAt" })
            {
                Assert.True(JToken.DeepEquals(demoJson[key], savedJson[key]), key);
            }

            foreach (var (key, id) in new[] { ("scopes", "id"), ("clients", "id"), ("roles", "id"), ("divisions", "id"), ("permissions", "domain") })
            {
                var before = ((JArray)demoJson[key]!).OrderBy(item => (string)item[id]!, StringComparer.Ordinal).ToArray();
                var after = ((JArray)savedJson[key]!).ToArray();
                Assert.Equal(before.Length, after.Length);
                Assert.All(before.Zip(after), pair => Assert.True(JToken.DeepEquals(pair.First, pair.Second), $"{key} {pair.First[id]}"));
            }
        }

        [Fact]
        public void Fields_the_module_does_not_model_survive_and_every_secret_is_dropped_at_any_depth()
        {
            using var files = new TempFiles();
            var source = files.Write("source.json", WithUnmodelledFields);
            var first = Path.Combine(files.Folder, "first.json");
            var second = Path.Combine(files.Folder, "second.json");
            using (var context = Connector.ConnectSnapshot(source))
            {
                SnapshotFile.Save(context.Directory, first, overwrite: false, Operation.Quiet);
            }

            using (var context = Connector.ConnectSnapshot(first))
            {
                SnapshotFile.Save(context.Directory, second, overwrite: false, Operation.Quiet);
            }

            var text = File.ReadAllText(first);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            foreach (var secret in new[] { "nested-secret-1", "top-secret-2", "deep-secret-3" })
            {
                Assert.DoesNotContain(secret, text);
            }

            Assert.DoesNotContain("\"secret\"", text, StringComparison.OrdinalIgnoreCase);
            var saved = Load(first);
            var dashboard = (JObject)saved["clients"]!.Single(client => (string)client["id"]! == "c1");
            Assert.Equal("""{"lastUsed":"2024-01-01","when":"2024-03-11T14:22:05.000Z","counts":[1,2.5,-3],"nothing":null}""", dashboard["futureField"]!.ToString(Newtonsoft.Json.Formatting.None));
            Assert.Equal("2024-03-11T14:22:05.000Z", (string)dashboard["dateCreated"]!);
            Assert.Equal("Dashboard \u00e9\u202e", (string)dashboard["name"]!);
            Assert.Equal(new[] { "id", "name", "authorizedGrantType", "state", "scope", "futureField", "dateCreated" }, dashboard.Properties().Select(property => property.Name));
            Assert.Equal("yes", (string)saved["clients"]!.Single(client => (string)client["id"]! == "c2")["credentials"]!["kept"]!);
            Assert.Equal(new[] { "c1", "c2" }, saved["clients"]!.Select(client => (string)client["id"]!));
            Assert.Equal(new[] { "analytics", "users:readonly" }, saved["scopes"]!.Select(scope => (string)scope["id"]!));
            Assert.Equal("kept", (string)saved["roles"]![0]!["unmodelled"]!);
            Assert.Equal("GenesysCloud", (string)saved["organization"]!["productPlatform"]!);
            Assert.Equal("2026-11-20T06:00:00Z", (string)saved["capturedAt"]!);
            Assert.Equal(JTokenType.Null, saved["permissions"]!.Type);
        }

        [Fact]
        public void A_secret_read_from_a_file_is_never_kept_in_memory()
        {
            using var files = new TempFiles();
            var snapshot = SnapshotReader.Read(files.Write("source.json", WithUnmodelledFields));

            var everything = string.Join("\n", snapshot.Data.Clients.Select(client => client.ToString()));
            Assert.DoesNotContain("secret", everything, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void A_snapshot_from_a_newer_schema_names_the_version_and_says_to_update()
        {
            using var files = new TempFiles();
            var path = files.Write("newer.json", "{\n  \"schemaVersion\": 3,\n  \"kind\": \"OAuthAudit.Snapshot\",\n  \"tool\": { \"name\": \"OAuthAudit\", \"version\": \"0.9.0\" },\n  \"someNewKey\": []\n}\n");

            var error = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(path));

            Assert.Equal(2, error.Line);
            Assert.Contains("schemaVersion 3: the file was written by a newer OAuthAudit (OAuthAudit 0.9.0); this version reads schemaVersion 1 to 2. Update the module to read it.", error.Message);
        }

        [Fact]
        public void A_truncated_snapshot_says_truncated_at_its_last_line_wherever_it_was_cut()
        {
            using var files = new TempFiles();
            var whole = Path.Combine(files.Folder, "whole.json");
            using (var demo = Connector.ConnectSnapshot(DemoSnapshot))
            {
                SnapshotFile.Save(demo.Directory, whole, overwrite: false, Operation.Quiet);
            }

            var text = File.ReadAllText(whole);
            var random = new Random(12);
            var cuts = Enumerable.Range(0, 60).Select(_ => random.Next(1, text.Length - 3))
                .Concat(new[] { 1, 2, text.IndexOf("\"kind\"", StringComparison.Ordinal) + 3, text.IndexOf("true", StringComparison.Ordinal) + 2, text.IndexOf("43200", StringComparison.Ordinal) + 2, text.Length - 3 });
            foreach (var cut in cuts)
            {
                var part = text.Substring(0, cut);
                var path = files.Write("cut.json", part);
                var lastLine = part.TrimEnd().Count(character => character == '\n') + 1;

                var error = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(path));

                Assert.True(error.Message.Contains($"the file is truncated at line {lastLine}: the JSON ends before the document does", StringComparison.Ordinal), $"cut at {cut}: {error.Message}");
            }
        }

        [Fact]
        public void An_empty_file_is_said_to_be_empty()
        {
            using var files = new TempFiles();
            var error = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(files.Write("empty.json", "  \n")));
            Assert.Contains("the file is empty", error.Message);
        }

        [Fact]
        public void A_baseline_passed_as_a_snapshot_is_named_as_a_baseline_in_yaml_or_in_json()
        {
            using var files = new TempFiles();
            var yaml = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(Path.Combine(RepositoryRoot.Path, "samples", "baseline.yml")));
            var json = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(files.Write("baseline.json", """{ "apiVersion": "oauthaudit/v1", "kind": "Baseline", "metadata": { "name": "x" }, "spec": { "rules": [] } }""")));

            Assert.Contains("this is a baseline (YAML with 'apiVersion: oauthaudit/...' and 'kind: Baseline'), not a snapshot", yaml.Message);
            Assert.Contains("this is a baseline (it has 'apiVersion' and 'kind: Baseline'), not a snapshot", json.Message);
        }

        [Fact]
        public void An_audit_run_document_passed_as_a_snapshot_is_named_as_one()
        {
            using var files = new TempFiles();
            string document;
            using (var demo = Connector.ConnectSnapshot(DemoSnapshot))
            {
                var baseline = Baselines.Loader.BuiltIn;
                var evaluator = new BaselineEvaluator(baseline, DateTime.UtcNow);
                document = AuditRunJson.Write(AuditRunBuilder.For(demo, baseline, DateTime.UtcNow).AddRange(demo.Directory.GetClients(Operation.Quiet).Select(evaluator.Evaluate)).Build(DateTime.UtcNow));
            }

            var error = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(files.Write("run.json", document)));

            Assert.Contains("this is an audit-run document (it has 'dataSource', 'summary' and 'results'): it records what one audit found, not what the organization held", error.Message);
        }

        [Fact]
        public void A_document_of_another_kind_is_refused_by_its_kind()
        {
            using var files = new TempFiles();
            var error = Assert.Throws<FileFormatException>(() => SnapshotReader.Read(files.Write("other.json", "{\n  \"schemaVersion\": 2,\n  \"kind\": \"OAuthAudit.Drift\"\n}")));

            Assert.Equal(3, error.Line);
            Assert.Contains("'kind' is \"OAuthAudit.Drift\"; a snapshot's kind is \"OAuthAudit.Snapshot\", so this file is not a snapshot.", error.Message);
        }

        [Fact]
        public void A_save_writes_whole_files_creating_folders_and_never_overwrites_without_consent()
        {
            using var files = new TempFiles();
            var target = Path.Combine(files.Folder, "a", "b", "org.json");

            AtomicFile.Write(target, overwrite: false, stream => stream.Write(new byte[] { 1, 2, 3 }), CancellationToken.None);
            Assert.Throws<AtomicFile.AlreadyExistsException>(() => AtomicFile.Write(target, overwrite: false, stream => stream.Write(new byte[] { 9 }), CancellationToken.None));
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(target));
            AtomicFile.Write(target, overwrite: true, stream => stream.Write(new byte[] { 4, 5 }), CancellationToken.None);

            Assert.Equal(new byte[] { 4, 5 }, File.ReadAllBytes(target));
            Assert.Equal(new[] { "org.json" }, Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
        }

        [Fact]
        public void A_save_that_fails_or_is_cancelled_leaves_the_old_file_and_no_temporary_file()
        {
            using var files = new TempFiles();
            var target = files.Write("org.json", "old");
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, overwrite: true, stream =>
            {
                stream.Write(new byte[1000]);
                throw new InvalidOperationException("disk full");
            }, CancellationToken.None));
            Assert.Throws<OperationCanceledException>(() => AtomicFile.Write(target, overwrite: true, stream => stream.Write(new byte[10]), cancelled.Token));
            Assert.Throws<OperationCanceledException>(() => AtomicFile.Write(Path.Combine(files.Folder, "new.json"), overwrite: false, stream => stream.Write(new byte[10]), cancelled.Token));

            Assert.Equal("old", File.ReadAllText(target));
            Assert.Equal(new[] { "org.json" }, Directory.GetFiles(files.Folder).Select(Path.GetFileName));
        }

        [Fact]
        public void The_checks_of_a_load_refuse_data_that_would_not_load()
        {
            using var files = new TempFiles();
            var target = Path.Combine(files.Folder, "org.json");
            var data = new SnapshotData(DateTime.UtcNow, null, new JObject { ["id"] = "org-1" }, Array.Empty<JObject>(),
                new[] { new JObject { ["id"] = "c1", ["authorizedGrantType"] = "IMPLICIT" } }, Array.Empty<JObject>(), Array.Empty<JObject>(), null);

            var error = Assert.Throws<FileFormatException>(() => SnapshotReader.FromDocument(SnapshotWriter.Document(data, RunTool.Current), target));

            Assert.Contains("authorizedGrantType 'IMPLICIT' is not one of", error.Message);
            Assert.False(File.Exists(target));
        }

        private static JObject Load(string path)
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(File.OpenText(path)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
            return JObject.Load(reader);
        }
    }
}
