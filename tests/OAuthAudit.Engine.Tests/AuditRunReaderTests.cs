using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Tests.Reports;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The run-document reader: write, read, write gives the same bytes; every other file, and every damaged or edited run, is refused by name.</summary>
    public class AuditRunReaderTests
    {
        [Fact]
        public void The_demo_run_read_back_writes_the_same_bytes_and_the_same_objects()
        {
            var run = ReportRuns.Demo();
            var written = AuditRunJson.Write(run);

            var read = Assert.Single(AuditRunReader.ReadText(written, "demo.json"));

            Assert.Equal(written, AuditRunJson.Write(read));
            Assert.Equal(run.Organization.Id, read.Organization.Id);
            Assert.Equal(run.Results.Select(result => (result.ClientId, result.Outcome, result.Severity, result.Findings.Count)),
                read.Results.Select(result => (result.ClientId, result.Outcome, result.Severity, result.Findings.Count)));
            Assert.Equal(run.Summary.ByOutcome, read.Summary.ByOutcome);
            Assert.Contains(read.Results, result => result.Outcome == Outcome.Error);
            Assert.Contains(read.Results, result => result.Outcome == Outcome.Skipped);
            Assert.Equal(run.Results.SelectMany(result => result.ForbiddenScopes), read.Results.SelectMany(result => result.ForbiddenScopes));
            Assert.Equal(run.Results.SelectMany(result => result.Roles).Select(grant => grant.ToString()), read.Results.SelectMany(result => result.Roles).Select(grant => grant.ToString()));
        }

        [Fact]
        public void Hostile_names_stay_data_byte_for_byte_and_are_escaped_only_when_shown()
        {
            using var files = new TempFiles();
            var run = ReportRuns.Hostile(files);
            var written = AuditRunJson.Write(run);

            var read = Assert.Single(AuditRunReader.ReadText(written, "hostile.json"));

            Assert.Equal(written, AuditRunJson.Write(read));
            Assert.Equal(run.Results.Select(result => result.ClientName), read.Results.Select(result => result.ClientName));
            Assert.Contains(read.Results, result => result.ClientName.Contains('\u001b'));
            Assert.DoesNotContain('\u001b', read.ToString());
            Assert.All(read.Results, result => Assert.DoesNotContain('\u202e', result.ToString()));
        }

        [Fact]
        public void A_file_round_trips_too_and_a_merged_document_reads_as_its_runs()
        {
            using var files = new TempFiles();
            var set = ReportRuns.ThreeOrganizations(files);
            var path = files.Write("merged.json", AuditRunSetJson.Write(set));

            var runs = AuditRunReader.Read(path);

            Assert.Equal(set.Runs.Select(run => run.Organization.Id), runs.Select(run => run.Organization.Id));
            Assert.Equal(File.ReadAllText(path), AuditRunSetJson.Write(AuditRunSet.Of(runs)));
            var single = files.Write("one.json", AuditRunJson.Write(set.Runs[2]));
            Assert.Equal(File.ReadAllText(single), AuditRunJson.Write(Assert.Single(AuditRunReader.Read(single))));
        }

        [Theory]
        [InlineData("snapshot", "this is a snapshot")]
        [InlineData("baseline-yaml", "this is a baseline (YAML")]
        [InlineData("baseline-json", "this is a baseline (it has 'apiVersion'")]
        [InlineData("random", "it has neither 'results'")]
        [InlineData("array", "the document is a JSON Array; an audit run is")]
        [InlineData("empty", "the file is empty")]
        [InlineData("truncated", "the file is truncated at line")]
        [InlineData("trailing", "not valid JSON: Additional text")]
        [InlineData("not-json", "not valid JSON")]
        [InlineData("deep", "not valid JSON")]
        [InlineData("twice", "not valid JSON")]
        [InlineData("other-kind", "so this file is not an audit run")]
        public void Another_kind_of_file_is_refused_saying_what_it_is(string file, string problem)
        {
            using var files = new TempFiles();
            var run = AuditRunJson.Write(ReportRuns.DemoWithoutProblems());
            var text = file switch
            {
                "snapshot" => File.ReadAllText(ReportRuns.DemoSnapshot),
                "baseline-yaml" => File.ReadAllText(ReportRuns.SampleBaseline),
                "baseline-json" => "{ \"apiVersion\": \"oauthaudit/v1\", \"kind\": \"Baseline\", \"spec\": {} }",
                "random" => "{ \"name\": \"x\", \"items\": [1, 2, 3] }",
                "array" => "[ { \"schemaVersion\": 1 } ]",
                "empty" => "  \n",
                "truncated" => run.Substring(0, run.Length / 2),
                "trailing" => run + "\n{}",
                "not-json" => run.Replace("\"results\":", "\"results\" ="),
                "deep" => new string('[', 200) + new string(']', 200),
                "twice" => run.Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"schemaVersion\": 1,"),
                _ => "{ \"schemaVersion\": 1, \"kind\": \"Other\\u001b[2J\", \"results\": [] }",
            };
            var path = files.Write(file + ".json", text);

            var refused = Assert.Throws<FileFormatException>(() => AuditRunReader.Read(path));

            Assert.Equal(DocumentKind.AuditRun, refused.Document);
            Assert.Equal(path, refused.Path);
            Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
            Assert.StartsWith($"Audit run '{path}'", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', refused.DisplayMessage);
        }

        [Theory]
        [InlineData("newer", "schemaVersion 2: the document was written by a newer OAuthAudit (OAuthAudit 9.0.0)")]
        [InlineData("older", "schemaVersion 0 is not one any OAuthAudit writes")]
        [InlineData("missing-field", "'results[3]' has no 'outcome'")]
        [InlineData("missing-summary", "'(document)' has no 'summary'")]
        [InlineData("null-name", "'results[0].clientName' is null; a string expected")]
        [InlineData("numeric-enum", "'results[0].outcome' is the JSON value 0; one of Pass")]
        [InlineData("lowercase-enum", "'results[0].findings[0].severity' is the string \"high\"; one of Info")]
        [InlineData("local-time", "'startedAt' is the string \"2026-12-01T21:00:00+01:00\"; a time such as")]
        [InlineData("forged-pass", "'results[3].outcome' is Pass, but the outcome its rules and findings give is Fail")]
        [InlineData("forged-severity", "'results[3].severity' is Low, but the highest severity")]
        [InlineData("forged-summary", "'summary.byOutcome.Fail' is 0, but what the document's results count is")]
        [InlineData("forged-failed", "'results[3].failedRules' is")]
        [InlineData("other-org", "not the run's organization")]
        [InlineData("twice-client", "has a second result")]
        [InlineData("bad-hash", "'baseline.sha256' is not 64 lowercase")]
        [InlineData("unknown-kind", "'results[3].findings[0].kind' is the string \"Invented\"")]
        [InlineData("negative", "'summary.clients' is -1; a count")]
        [InlineData("empty-org", "'organization.id' is empty")]
        public void A_damaged_or_edited_run_is_refused_at_its_field(string damage, string problem)
        {
            var document = JObject.Parse(AuditRunJson.Write(ReportRuns.Demo()));
            var failing = (JObject)document["results"]![3]!;
            Assert.Equal("Fail", (string)failing["outcome"]!);
            switch (damage)
            {
                case "newer": document["schemaVersion"] = 2; document["tool"]!["version"] = "9.0.0"; break;
                case "older": document["schemaVersion"] = 0; break;
                case "missing-field": failing.Remove("outcome"); break;
                case "missing-summary": document.Remove("summary"); break;
                case "null-name": document["results"]![0]!["clientName"] = null; break;
                case "numeric-enum": document["results"]![0]!["outcome"] = 0; break;
                case "lowercase-enum": document["results"]![0]!["findings"]![0]!["severity"] = "high"; break;
                case "local-time": document["startedAt"] = "2026-12-01T21:00:00+01:00"; break;
                case "forged-pass": failing["outcome"] = "Pass"; break;
                case "forged-severity": failing["severity"] = "Low"; break;
                case "forged-summary": document["summary"]!["byOutcome"]!["Fail"] = 0; break;
                case "forged-failed": failing["failedRules"] = new JArray(); break;
                case "other-org": failing["organizationId"] = "someone-else"; break;
                case "twice-client": ((JArray)document["results"]!).Add(failing.DeepClone()); break;
                case "bad-hash": document["baseline"]!["sha256"] = "ABC"; break;
                case "unknown-kind": failing["findings"]![0]!["kind"] = "Invented"; break;
                case "negative": document["summary"]!["clients"] = -1; break;
                default: document["organization"]!["id"] = string.Empty; break;
            }

            if (damage == "lowercase-enum")
            {
                Assert.NotEmpty((JArray)document["results"]![0]!["findings"]!);
            }

            var refused = Assert.Throws<FileFormatException>(() => AuditRunReader.ReadText(document.ToString(), "damaged.json"));

            Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
            Assert.NotNull(refused.Line);
        }

        [Theory]
        [InlineData("newer", "schemaVersion 3: the document was written by a newer OAuthAudit")]
        [InlineData("run-newer", "schemaVersion 2: the document was written by a newer OAuthAudit")]
        [InlineData("same-org", "'runs[1]' is a second run of organization")]
        [InlineData("empty", "'runs' is empty")]
        [InlineData("organizations", "'summary.organizations' is 5")]
        [InlineData("totals", "'summary.clients' is 1")]
        [InlineData("snapshot-inside", "this is a snapshot")]
        public void A_damaged_merged_document_is_refused_at_its_field(string damage, string problem)
        {
            using var files = new TempFiles();
            var document = JObject.Parse(AuditRunSetJson.Write(ReportRuns.ThreeOrganizations(files)));
            var runs = (JArray)document["runs"]!;
            switch (damage)
            {
                case "newer": document["schemaVersion"] = 3; break;
                case "run-newer": runs[1]!["schemaVersion"] = 2; break;
                case "same-org": runs[1] = runs[0]!.DeepClone(); break;
                case "empty": runs.Clear(); break;
                case "organizations": document["summary"]!["organizations"] = 5; break;
                case "totals": document["summary"]!["clients"] = 1; break;
                default: runs[2] = JObject.Parse(File.ReadAllText(ReportRuns.DemoSnapshot)); break;
            }

            var refused = Assert.Throws<FileFormatException>(() => AuditRunReader.ReadText(document.ToString(), "merged.json"));

            Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_snapshot_reader_names_a_merged_document_as_such()
        {
            using var files = new TempFiles();
            var path = files.Write("merged.json", AuditRunSetJson.Write(ReportRuns.ThreeOrganizations(files)));

            var refused = Assert.Throws<FileFormatException>(() => Connections.Connector.ConnectSnapshot(path));

            Assert.Contains("this is a multi-organization audit-run document", refused.Message, StringComparison.Ordinal);
        }
    }
}
