using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Reads an audit-run document (docs/audit-run.md): one organization's run, or a multi-organization document
    /// whose runs are each such a document. Nothing half-read is returned: another kind of file (a snapshot, a
    /// baseline, other JSON), a truncated file, a newer schemaVersion, a missing or mistyped field, or counts that
    /// disagree with the results (an edited or damaged document) is a FileFormatException naming the file, line,
    /// column and field. Org-supplied text stays data: it is kept as written and escaped wherever it is shown.
    /// A document read and written again is byte-identical.
    /// </summary>
    public static class AuditRunReader
    {
        /// <summary>The largest run document read: far above a 10,000-client organization's run, well below what would exhaust memory.</summary>
        public const long MaximumFileBytes = 512L * 1024 * 1024;

        private static readonly Regex Sha256 = new Regex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant);

        private static readonly JsonFileText Text = new JsonFileText(DocumentKind.AuditRun, "an audit run", "the JSON report of an audit, of one organization or of several merged",
            "Write the report again",
            $"a JSON object with schemaVersion, organization, baseline, summary and results (one organization), or schemaVersion, kind \"{AuditRunSet.Kind}\", summary and runs (several)");

        /// <summary>The runs of a run document (one) or of a multi-organization document (each, in order).</summary>
        public static IReadOnlyList<AuditRun> Read(string path)
        {
            var length = new FileInfo(path).Length;
            if (length > MaximumFileBytes)
            {
                throw new FileFormatException(DocumentKind.AuditRun, path, null, null, $"the file is {length:N0} bytes, larger than the {MaximumFileBytes / (1024 * 1024)} MiB an audit-run document may be. Check that this is the right file.");
            }

            return FromDocument(Text.Parse(path), path);
        }

        /// <summary>The runs of a document given as text; <paramref name="name"/> names it in errors.</summary>
        public static IReadOnlyList<AuditRun> ReadText(string json, string name)
        {
            using (var text = new StringReader(json ?? throw new ArgumentNullException(nameof(json))))
            {
                return FromDocument(Text.Parse(text, name, () => json), name);
            }
        }

        internal static IReadOnlyList<AuditRun> FromDocument(JObject root, string path)
        {
            var fields = new RunDocumentFields(path);
            if (root["kind"] is JValue { Type: JTokenType.String } kind && string.Equals((string?)kind, AuditRunSet.Kind, StringComparison.Ordinal))
            {
                return ReadSet(root, fields);
            }

            RequireRun(root, fields);
            return new[] { ReadRun(root, fields) };
        }

        private static IReadOnlyList<AuditRun> ReadSet(JObject root, RunDocumentFields fields)
        {
            Version(root, fields);
            var tool = fields.Object(root, "tool");
            fields.String(tool, "name");
            fields.String(tool, "version");
            var summary = fields.Object(root, "summary");
            var items = fields.Objects(root, "runs").ToArray();
            if (items.Length == 0)
            {
                throw fields.Error(fields.Array(root, "runs"), "'runs' is empty; a multi-organization document holds at least one run. Write the report again.");
            }

            var runs = new List<AuditRun>();
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                RequireRun(item, fields);
                var run = ReadRun(item, fields);
                if (seen.TryGetValue(run.Organization.Id, out var first))
                {
                    throw fields.Error(item["organization"]!, $"'{RunDocumentFields.Where(item)}' is a second run of organization {run.Organization} (the first is '{first}'); a multi-organization document holds one run per organization.");
                }

                seen.Add(run.Organization.Id, RunDocumentFields.Where(item));
                runs.Add(run);
            }

            var set = AuditRunSet.Of(runs);
            Agrees(fields, summary, "organizations", set.Organizations);
            Agrees(fields, summary, set.Summary);
            return set.Runs;
        }

        /// <summary>Refuses a JSON document that is another kind of file, saying what it is.</summary>
        private static void RequireRun(JObject root, RunDocumentFields fields)
        {
            var kind = root["kind"];
            var kindText = (kind as JValue)?.Value as string;
            if (string.Equals(kindText, "OAuthAudit.Snapshot", StringComparison.Ordinal) || (root["results"] == null && root["clients"] != null && root["capturedAt"] != null))
            {
                throw fields.Error(root, "this is a snapshot (what an organization held), not an audit run (what an audit found). Audit the snapshot and write its JSON report, then read that.");
            }

            if (root["apiVersion"] != null || string.Equals(kindText, "Baseline", StringComparison.OrdinalIgnoreCase))
            {
                throw fields.Error(root, "this is a baseline (it has 'apiVersion' and 'kind: Baseline'), not an audit run. An audit run is the JSON report of an audit.");
            }

            if (kind != null && kind.Type != JTokenType.Null)
            {
                throw fields.Error(kind, $"'kind' is {kind.ToString(Formatting.None)}; an audit run of one organization has no kind, and a multi-organization document's kind is \"{AuditRunSet.Kind}\", so this file is not an audit run.");
            }

            if (root["results"] == null && root["runs"] == null)
            {
                throw fields.Error(root, "this JSON document is not an audit run: it has neither 'results' (the run of one organization) nor 'runs' (several organizations merged).");
            }
        }

        private static void Version(JObject root, RunDocumentFields fields)
        {
            var value = fields.Present(root, "schemaVersion", "a whole number");
            var version = fields.Count(root, "schemaVersion");
            if (version > AuditRun.SchemaVersion)
            {
                var tool = (root["tool"] as JObject)?["version"] is JValue { Type: JTokenType.String } written ? $" (OAuthAudit {written})" : string.Empty;
                throw fields.Error(value, $"schemaVersion {version}: the document was written by a newer OAuthAudit{tool}; this version reads schemaVersion {AuditRun.SchemaVersion}. Update the module to read it.");
            }

            if (version < AuditRun.SchemaVersion)
            {
                throw fields.Error(value, $"schemaVersion {version} is not one any OAuthAudit writes (this version reads {AuditRun.SchemaVersion}).");
            }
        }

        private static AuditRun ReadRun(JObject root, RunDocumentFields fields)
        {
            Version(root, fields);
            var toolItem = fields.Object(root, "tool");
            var tool = new RunTool(fields.String(toolItem, "name"), fields.String(toolItem, "version"));
            var organizationItem = fields.Object(root, "organization");
            var organizationId = fields.String(organizationItem, "id");
            if (organizationId.Length == 0)
            {
                throw fields.Error(organizationItem["id"]!, "'organization.id' is empty; runs are keyed by the organization's id.");
            }

            var organization = new RunOrganization(organizationId, fields.String(organizationItem, "name"), fields.NullableString(organizationItem, "region"));
            var sourceItem = fields.Object(root, "dataSource");
            var dataSource = new RunDataSource(fields.Enum<DataSourceKind>(sourceItem, "kind"), fields.NullableTime(sourceItem, "capturedAt"));
            var baseline = ReadBaseline(fields.Object(root, "baseline"), fields);
            var startedAt = fields.Time(root, "startedAt");
            var finishedAt = fields.Time(root, "finishedAt");
            var summary = fields.Object(root, "summary");
            var results = new List<ClientAuditResult>();
            var clientIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in fields.Objects(root, "results"))
            {
                var result = ReadResult(item, organization, baseline.Name, fields);
                if (!clientIds.Add(result.ClientId))
                {
                    throw fields.Error(item["clientId"]!, $"client id '{result.ClientId}' has a second result in '{RunDocumentFields.Where(item.Parent!)}'; a run judges each client once, so it would be counted twice.");
                }

                results.Add(result);
            }

            var errors = fields.Objects(root, "errors").Select(item => new RunError(
                fields.NullableString(item, "clientId"), fields.NullableString(item, "clientName"), fields.String(item, "errorId"), fields.String(item, "message"), fields.Time(item, "occurredAt"))).ToArray();
            var run = new AuditRun(tool, organization, dataSource, baseline, startedAt, finishedAt, ValueList.From(results), ValueList.From(errors));
            Agrees(fields, summary, run.Summary);
            return run;
        }

        private static RunBaseline ReadBaseline(JObject item, RunDocumentFields fields)
        {
            var name = fields.String(item, "name");
            var source = fields.String(item, "source");
            var hash = fields.NullableString(item, "sha256");
            if (hash != null && !Sha256.IsMatch(hash))
            {
                throw fields.Error(item["sha256"]!, "'baseline.sha256' is not 64 lowercase hexadecimal digits (a SHA-256) or null.");
            }

            var rules = fields.Objects(item, "rules").Select(rule => new RunRule(
                fields.String(rule, "id"), fields.String(rule, "description"), fields.Enum<Severity>(rule, "severity"), fields.NullableString(rule, "remediation"))).ToArray();
            return new RunBaseline(name, source, hash, ValueList.From(rules));
        }

        private static ClientAuditResult ReadResult(JObject item, RunOrganization organization, string baselineName, RunDocumentFields fields)
        {
            var clientId = fields.String(item, "clientId");
            var clientName = fields.String(item, "clientName");
            var grantType = fields.String(item, "grantType");
            var state = fields.NullableString(item, "state");
            var organizationId = fields.NullableString(item, "organizationId");
            if (!string.Equals(organizationId, organization.Id, StringComparison.Ordinal))
            {
                throw fields.Error(item["organizationId"]!, $"'{RunDocumentFields.Where(item)}.organizationId' is {(organizationId == null ? "null" : $"'{organizationId}'")}, not the run's organization '{organization.Id}'; every result of a run is of its organization.");
            }

            var outcome = fields.Enum<Outcome>(item, "outcome");
            var severity = fields.NullableEnum<Severity>(item, "severity");
            var reason = fields.NullableString(item, "reason");
            var matched = fields.Strings(item, "matchedRules");
            var failed = fields.Strings(item, "failedRules");
            var skipped = fields.Strings(item, "skippedRules");
            var unknown = fields.Strings(item, "unknownScopes");
            var unknownNames = new HashSet<string>(unknown, StringComparer.OrdinalIgnoreCase);
            var scopes = ValueList.From(fields.Strings(item, "scopes").Select(name => unknownNames.Contains(name) ? OAuthScope.Unknown(name) : new OAuthScope(name, null)).ToArray());
            var roles = ValueList.From(fields.Objects(item, "roleGrants").Select(grant => new RoleGrant(
                fields.String(grant, "roleId"), fields.NullableString(grant, "roleName"), fields.NullableString(grant, "divisionId"), fields.NullableString(grant, "divisionName"),
                fields.Boolean(grant, "allDivisions"), fields.Boolean(grant, "fromRoleIds"), fields.Strings(grant, "permissions"), fields.Strings(grant, "conditionalPermissions"))).ToArray());
            var evaluatedAt = fields.Time(item, "evaluatedAt");
            var findings = ValueList.From(fields.Objects(item, "findings").Select(finding => new Finding(
                clientId, clientName, grantType, state, organization.Name, organization.Id, baselineName,
                fields.String(finding, "ruleId"), fields.Enum<Severity>(finding, "severity"), fields.Enum<FindingKind>(finding, "kind"), fields.String(finding, "subject"),
                fields.String(finding, "message"), fields.String(finding, "remediation"), fields.Boolean(finding, "waived"), fields.NullableString(finding, "waiverRationale"),
                fields.NullableTime(finding, "waiverExpiresOn"))).ToArray());
            Consistent(item, outcome, severity, matched, skipped, failed, findings, fields);
            return new ClientAuditResult(clientId, clientName, grantType, state, organization.Id, organization.Name, baselineName, outcome, severity, reason,
                matched, failed, skipped, unknown, scopes, roles, evaluatedAt, findings);
        }

        /// <summary>A verdict must be the one its findings give: a hand-edited "Pass" over a Critical finding is refused, never reported.</summary>
        private static void Consistent(JObject item, Outcome outcome, Severity? severity, ValueList<string> matched, ValueList<string> skipped, ValueList<string> failed,
            ValueList<Finding> findings, RunDocumentFields fields)
        {
            var outstanding = findings.Where(finding => finding.IsOutstanding).ToArray();
            var highest = outstanding.Length == 0 ? (Severity?)null : outstanding.Max(finding => finding.Severity);
            if (severity != highest)
            {
                throw Disagrees(fields, item["severity"]!, severity?.ToString() ?? "null", highest?.ToString() ?? "null", "the highest severity of its outstanding findings");
            }

            var judged = ClientAuditResult.OutcomeOf(matched.Count, skipped.Count, highest);
            var fits = outcome == judged || ((outcome == Outcome.Error || outcome == Outcome.Skipped) && findings.Count == 0);
            if (!fits)
            {
                throw Disagrees(fields, item["outcome"]!, outcome.ToString(), judged.ToString(), "the outcome its rules and findings give");
            }

            var expected = new HashSet<string>(outstanding.Where(finding => finding.Severity > Severity.Info).Select(finding => finding.RuleId), StringComparer.OrdinalIgnoreCase);
            if (!expected.SetEquals(failed) || failed.Distinct(StringComparer.OrdinalIgnoreCase).Count() != failed.Count)
            {
                throw Disagrees(fields, item["failedRules"]!, string.Join(", ", failed), string.Join(", ", expected), "the rules of its outstanding findings above Info");
            }
        }

        private static void Agrees(RunDocumentFields fields, JObject summary, RunSummary expected)
        {
            Agrees(fields, summary, "clients", expected.Clients);
            Agrees(fields, summary, "waivedFindings", expected.WaivedFindings);
            Agrees(fields, summary, "errors", expected.Errors);
            Counts(fields, fields.Object(summary, "byOutcome"), expected.ByOutcome);
            Counts(fields, fields.Object(summary, "bySeverity"), expected.BySeverity);
        }

        private static void Counts<T>(RunDocumentFields fields, JObject written, IReadOnlyDictionary<T, int> expected)
            where T : struct
        {
            foreach (var property in written.Properties().Where(property => !Enum.IsDefined(typeof(T), property.Name)))
            {
                throw fields.Error(property, $"'{RunDocumentFields.Where(property)}' is not one of {string.Join(", ", Enum.GetNames(typeof(T)))}.");
            }

            foreach (var entry in expected)
            {
                Agrees(fields, written, entry.Key.ToString()!, entry.Value);
            }
        }

        private static void Agrees(RunDocumentFields fields, JObject summary, string key, int expected)
        {
            var written = fields.Count(summary, key);
            if (written != expected)
            {
                throw Disagrees(fields, summary[key]!, written.ToString(System.Globalization.CultureInfo.InvariantCulture), expected.ToString(System.Globalization.CultureInfo.InvariantCulture), "what the document's results count");
            }
        }

        private static FileFormatException Disagrees(RunDocumentFields fields, JToken at, string written, string expected, string what) =>
            fields.Error(at, $"'{RunDocumentFields.Where(at)}' is {written}, but {what} is {expected}: the document was edited or damaged after it was written, so it is not used. Write the report again.");
    }
}
