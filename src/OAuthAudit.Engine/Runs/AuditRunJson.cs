using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Writes an audit run as the versioned JSON document of docs/schemas/audit-run.v1.schema.json: camelCase,
    /// enums as their names, times ISO-8601 UTC with Z, properties in a fixed order, absent values as null.
    /// Each field is written by name here, so nothing reaches the document that this file does not list.
    /// </summary>
    public static class AuditRunJson
    {
        public static string Write(AuditRun run)
        {
            using (var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture))
            {
                Write(run, text);
                return text.ToString();
            }
        }

        public static void Write(AuditRun run, TextWriter output)
        {
            using (var writer = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false })
            {
                Document(run).WriteTo(writer);
            }
        }

        internal static JObject Document(AuditRun run) => new JObject
        {
            ["schemaVersion"] = AuditRun.SchemaVersion,
            ["tool"] = new JObject { ["name"] = run.Tool.Name, ["version"] = run.Tool.Version },
            ["organization"] = new JObject { ["id"] = run.Organization.Id, ["name"] = run.Organization.Name, ["region"] = run.Organization.Region },
            ["dataSource"] = new JObject { ["kind"] = run.DataSource.Kind.ToString(), ["capturedAt"] = Time(run.DataSource.CapturedAt) },
            ["baseline"] = new JObject
            {
                ["name"] = run.Baseline.Name,
                ["source"] = run.Baseline.Source,
                ["sha256"] = run.Baseline.Sha256,
                ["rules"] = new JArray(run.Baseline.Rules.Select(rule => new JObject
                {
                    ["id"] = rule.Id,
                    ["description"] = rule.Description,
                    ["severity"] = rule.Severity.ToString(),
                    ["remediation"] = rule.Remediation,
                })),
            },
            ["startedAt"] = Time(run.StartedAt),
            ["finishedAt"] = Time(run.FinishedAt),
            ["summary"] = Summary(run.Summary),
            ["results"] = new JArray(run.Results.Select(Result)),
            ["errors"] = new JArray(run.Errors.Select(error => new JObject
            {
                ["clientId"] = error.ClientId,
                ["clientName"] = error.ClientName,
                ["errorId"] = error.ErrorId,
                ["message"] = error.Message,
                ["occurredAt"] = Time(error.OccurredAt),
            })),
        };

        /// <summary>The counts of a run, or the totals of a set of runs (which adds the number of organizations first).</summary>
        internal static JObject Summary(RunSummary summary) => new JObject
        {
            ["clients"] = summary.Clients,
            ["byOutcome"] = new JObject(summary.ByOutcome.OrderBy(entry => entry.Key).Select(entry => new JProperty(entry.Key.ToString(), entry.Value))),
            ["bySeverity"] = new JObject(summary.BySeverity.OrderBy(entry => entry.Key).Select(entry => new JProperty(entry.Key.ToString(), entry.Value))),
            ["waivedFindings"] = summary.WaivedFindings,
            ["errors"] = summary.Errors,
        };

        private static JObject Result(ClientAuditResult result) => new JObject
        {
            ["clientId"] = result.ClientId,
            ["clientName"] = result.ClientName,
            ["grantType"] = result.GrantType,
            ["state"] = result.State,
            ["organizationId"] = result.OrganizationId,
            ["outcome"] = result.Outcome.ToString(),
            ["severity"] = result.Severity?.ToString(),
            ["reason"] = result.Reason,
            ["matchedRules"] = new JArray(result.MatchedRules.ToArray()),
            ["failedRules"] = new JArray(result.FailedRules.ToArray()),
            ["skippedRules"] = new JArray(result.SkippedRules.ToArray()),
            ["unknownScopes"] = new JArray(result.UnknownScopes.ToArray()),
            ["scopes"] = new JArray(result.Scopes.Select(scope => scope.Name)),
            ["roleGrants"] = new JArray(result.Roles.Select(RoleGrant)),
            ["evaluatedAt"] = Time(result.EvaluatedAt),
            ["findings"] = new JArray(result.Findings.Select(finding => new JObject
            {
                ["ruleId"] = finding.RuleId,
                ["severity"] = finding.Severity.ToString(),
                ["kind"] = finding.Kind.ToString(),
                ["subject"] = finding.Subject,
                ["message"] = finding.Message,
                ["remediation"] = finding.Remediation,
                ["waived"] = finding.Waived,
                ["waiverRationale"] = finding.WaiverRationale,
                ["waiverExpiresOn"] = Time(finding.WaiverExpiresOn),
            })),
        };

        private static JObject RoleGrant(RoleGrant grant) => new JObject
        {
            ["roleId"] = grant.RoleId,
            ["roleName"] = grant.RoleName,
            ["divisionId"] = grant.DivisionId,
            ["divisionName"] = grant.DivisionName,
            ["allDivisions"] = grant.IsAllDivisions,
            ["fromRoleIds"] = grant.IsFromRoleIds,
            ["permissions"] = new JArray(grant.Permissions.ToArray()),
            ["conditionalPermissions"] = new JArray(grant.ConditionalPermissions.ToArray()),
        };

        // A string, not a DateTime token: the text is exactly UtcTimestamp's ISO-8601 with Z, whatever the serializer settings.
        private static JToken Time(UtcTimestamp? value) => value == null ? JValue.CreateNull() : new JValue(value.Value.ToString());
    }
}
