using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>
    /// SARIF 2.1.0 for code-scanning dashboards: one entry of runs[] per organization, with every rule of the baseline
    /// and one result per finding (a waived one carries an external suppression with its rationale). A result names
    /// the organization and the client as logical locations and the baseline file, where the rule is written, as its
    /// physical location (GitHub code scanning needs one; a run against the built-in baseline has none). Run errors
    /// and Skipped clients are tool execution notifications, and a run with errors did not execute successfully.
    /// </summary>
    internal sealed class SarifReportWriter : IReportWriter
    {
        public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

        /// <summary>
        /// The tool's information URI. The project has no public address yet (the manifest has no ProjectUri);
        /// this is the PowerShell Gallery page the module is published under, the one URL used for it.
        /// </summary>
        public const string InformationUri = "https://www.powershellgallery.com/packages/OAuthAudit";

        /// <summary>The key of the one partial fingerprint: organization, client, rule, kind and subject, hashed.</summary>
        public const string FingerprintKey = "oauthAuditFinding/v1";

        public ReportFormat Format => ReportFormat.Sarif;

        public string Extension => ".sarif";

        public void Write(IReadOnlyList<AuditRun> runs, Stream output)
        {
            ReportArguments.Check(runs, output);
            var log = new JObject
            {
                ["$schema"] = SchemaUri,
                ["version"] = "2.1.0",
                ["runs"] = new JArray(runs.Select(Run)),
            };
            using (var text = new StreamWriter(output, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" })
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, CloseOutput = false })
            {
                log.WriteTo(json);
                json.Flush();
                text.WriteLine();
            }
        }

        /// <summary>Critical and High are errors, Medium a warning, Low and Info notes.</summary>
        internal static string Level(Severity severity) =>
            severity >= Severity.High ? "error" : severity == Severity.Medium ? "warning" : "note";

        /// <summary>GitHub's security-severity (0.1 to 10) of a severity; Info has none.</summary>
        internal static string? SecuritySeverity(Severity severity) => severity switch
        {
            Severity.Critical => "9.5",
            Severity.High => "8.0",
            Severity.Medium => "5.5",
            Severity.Low => "3.0",
            _ => null,
        };

        /// <summary>Plain text of a SARIF message: visible, with [ and ] escaped so org text can never form an embedded link.</summary>
        internal static string MessageText(string? text) =>
            (DisplayText.Visible(text) ?? string.Empty).Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");

        internal static string Fingerprint(string organizationId, string clientId, string ruleId, FindingKind kind, string subject)
        {
            var key = new JArray(organizationId, clientId, ruleId, kind.ToString(), subject).ToString(Formatting.None);
            using (var sha = SHA256.Create())
            {
                return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(key)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        private static JObject Run(AuditRun run)
        {
            var rules = Rules(run);
            var ruleIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var index = 0; index < rules.Count; index++)
            {
                var id = (string)rules[index]["id"]!;
                if (!ruleIndex.ContainsKey(id))
                {
                    ruleIndex[id] = index;
                }
            }

            var locations = new Locations(run);
            var artifact = BaselineArtifact(run.Baseline);
            var results = run.Results.SelectMany(result => result.Findings.Select(finding => Result(run, result, finding, ruleIndex, locations, artifact))).ToArray();
            var notifications = run.Errors.Select(error => Notification("error", error.ErrorId, error.Message, error.OccurredAt, error.ClientId == null ? null : locations.For(error.ClientId, error.ClientName ?? string.Empty)))
                .Concat(run.Results.Where(result => result.Outcome == Outcome.Skipped).Select(result =>
                    Notification("warning", "Skipped", $"'{DisplayText.Visible(result.ClientName)}' was not judged: {result.Reason}", result.EvaluatedAt, locations.For(result.ClientId, result.ClientName))))
                .ToArray();
            var invocation = new JObject
            {
                ["executionSuccessful"] = run.Errors.Count == 0,
                ["startTimeUtc"] = run.StartedAt.ToString(),
                ["endTimeUtc"] = run.FinishedAt.ToString(),
            };
            if (notifications.Length > 0)
            {
                invocation["toolExecutionNotifications"] = new JArray(notifications);
            }

            var sarifRun = new JObject
            {
                ["tool"] = new JObject
                {
                    ["driver"] = new JObject
                    {
                        ["name"] = run.Tool.Name,
                        ["version"] = run.Tool.Version,
                        ["semanticVersion"] = run.Tool.Version,
                        ["informationUri"] = InformationUri,
                        ["rules"] = new JArray(rules),
                    },
                },
                // One category per organization, so code scanning keeps the alerts of each organization apart.
                ["automationDetails"] = new JObject { ["id"] = $"oauthaudit/{run.Organization.Id}/" },
                ["invocations"] = new JArray(invocation),
            };
            if (artifact != null)
            {
                sarifRun["artifacts"] = new JArray(new JObject { ["location"] = new JObject { ["uri"] = artifact }, ["roles"] = new JArray("policy") });
            }

            sarifRun["logicalLocations"] = new JArray(locations.All);
            sarifRun["results"] = new JArray(results);
            sarifRun["properties"] = new JObject
            {
                ["organizationId"] = run.Organization.Id,
                ["organizationName"] = run.Organization.Name,
                ["region"] = run.Organization.Region,
                ["dataSource"] = run.DataSource.Kind.ToString(),
                ["capturedAt"] = run.DataSource.CapturedAt?.ToString(),
                ["baselineName"] = run.Baseline.Name,
                ["baselineSource"] = run.Baseline.Source,
                ["baselineSha256"] = run.Baseline.Sha256,
            };
            return sarifRun;
        }

        private static List<JObject> Rules(AuditRun run)
        {
            var rules = run.Baseline.Rules.Select(rule => Rule(rule.Id, rule.Description, rule.Severity, rule.Remediation)).ToList();
            var known = new HashSet<string>(run.Baseline.Rules.Select(rule => rule.Id), StringComparer.OrdinalIgnoreCase);
            // Findings the audit reports outside the baseline's rules (a client no rule applies to) get a rule of their own.
            foreach (var group in run.Results.SelectMany(result => result.Findings).Where(finding => !known.Contains(finding.RuleId)).GroupBy(finding => finding.RuleId, StringComparer.OrdinalIgnoreCase))
            {
                var first = group.First();
                var description = first.Kind == FindingKind.NoRuleMatched
                    ? $"The baseline reports clients that none of its rules applies to."
                    : $"Findings reported under '{first.RuleId}', which is not a rule of the baseline.";
                rules.Add(Rule(first.RuleId, description, group.Max(finding => finding.Severity), first.Remediation));
                known.Add(first.RuleId);
            }

            return rules;
        }

        private static JObject Rule(string id, string description, Severity severity, string? remediation)
        {
            var properties = new JObject { ["severity"] = severity.ToString(), ["tags"] = new JArray("security", "oauth") };
            var securitySeverity = SecuritySeverity(severity);
            if (securitySeverity != null)
            {
                properties["security-severity"] = securitySeverity;
            }

            var text = MessageText(description);
            return new JObject
            {
                ["id"] = id,
                ["name"] = RuleName(id),
                ["shortDescription"] = new JObject { ["text"] = text },
                ["fullDescription"] = new JObject { ["text"] = $"{text} Severity: {severity}." },
                ["help"] = new JObject { ["text"] = MessageText(remediation ?? description) },
                ["defaultConfiguration"] = new JObject { ["level"] = Level(severity) },
                ["properties"] = properties,
            };
        }

        /// <summary>An identifier-like name of a rule id ("NW-001" is "NW001"): letters and digits only.</summary>
        private static string RuleName(string id)
        {
            var name = new string(id.Where(char.IsLetterOrDigit).ToArray());
            return name.Length == 0 ? "Rule" : char.IsDigit(name[0]) ? "Rule" + name : name;
        }

        private static JObject Result(AuditRun run, ClientAuditResult result, Finding finding, IReadOnlyDictionary<string, int> ruleIndex, Locations locations, string? artifact)
        {
            var location = new JObject();
            if (artifact != null)
            {
                location["physicalLocation"] = new JObject { ["artifactLocation"] = new JObject { ["uri"] = artifact, ["index"] = 0 } };
            }

            location["logicalLocations"] = new JArray(locations.For(result.ClientId, result.ClientName));
            var sarifResult = new JObject
            {
                ["ruleId"] = finding.RuleId,
                ["ruleIndex"] = ruleIndex[finding.RuleId],
                ["kind"] = "fail",
                ["level"] = Level(finding.Severity),
                ["message"] = new JObject { ["text"] = MessageText(finding.Message) },
                ["locations"] = new JArray(location),
                ["partialFingerprints"] = new JObject { [FingerprintKey] = Fingerprint(run.Organization.Id, result.ClientId, finding.RuleId, finding.Kind, finding.Subject) },
            };
            if (finding.Waived)
            {
                var suppression = new JObject { ["kind"] = "external", ["status"] = "accepted", ["justification"] = DisplayText.Visible(finding.WaiverRationale) ?? string.Empty };
                if (finding.WaiverExpiresOn != null)
                {
                    suppression["properties"] = new JObject { ["expiresOn"] = finding.WaiverExpiresOn.Value.ToString() };
                }

                sarifResult["suppressions"] = new JArray(suppression);
            }

            sarifResult["properties"] = new JObject
            {
                ["severity"] = finding.Severity.ToString(),
                ["findingKind"] = finding.Kind.ToString(),
                ["subject"] = finding.Subject,
                ["remediation"] = finding.Remediation,
                ["organizationId"] = run.Organization.Id,
                ["clientId"] = result.ClientId,
                ["clientName"] = result.ClientName,
                ["grantType"] = result.GrantType,
            };
            return sarifResult;
        }

        private static JObject Notification(string level, string id, string message, UtcTimestamp at, JObject? location)
        {
            var notification = new JObject
            {
                ["level"] = level,
                ["message"] = new JObject { ["text"] = MessageText(message) },
                ["descriptor"] = new JObject { ["id"] = id },
                ["timeUtc"] = at.ToString(),
            };
            if (location != null)
            {
                notification["locations"] = new JArray(new JObject { ["logicalLocations"] = new JArray(location) });
            }

            return notification;
        }

        /// <summary>The baseline file as a URI reference (relative as it was given, absolute as file:); null for the built-in baseline.</summary>
        internal static string? BaselineArtifact(RunBaseline baseline)
        {
            var source = baseline.Source;
            if (string.IsNullOrEmpty(source) || source == BaselineLoader.BuiltInSource)
            {
                return null;
            }

            try
            {
                if (Path.IsPathRooted(source))
                {
                    return new Uri(Path.GetFullPath(source)).AbsoluteUri;
                }
            }
            catch (Exception exception) when (exception is ArgumentException || exception is UriFormatException || exception is NotSupportedException || exception is PathTooLongException)
            {
                return null;
            }

            var segments = source.Replace('\\', '/').Split('/').Where(segment => segment.Length > 0 && segment != ".");
            return string.Join("/", segments.Select(Uri.EscapeDataString));
        }

        /// <summary>The run's logical locations: the organization first, then each client (by id) as the organization's child.</summary>
        private sealed class Locations
        {
            private readonly List<JObject> _all = new List<JObject>();
            private readonly Dictionary<string, int> _clients = new Dictionary<string, int>(StringComparer.Ordinal);
            private readonly string _organization;

            public Locations(AuditRun run)
            {
                _organization = DisplayText.Visible(run.Organization.Name.Length == 0 ? run.Organization.Id : run.Organization.Name)!;
                _all.Add(new JObject
                {
                    ["name"] = _organization,
                    ["fullyQualifiedName"] = _organization,
                    ["kind"] = "namespace",
                    ["properties"] = new JObject { ["organizationId"] = run.Organization.Id },
                });
            }

            public IReadOnlyList<JObject> All => _all;

            /// <summary>A reference to the client's logical location (index, name, fully qualified name organization/client, kind).</summary>
            public JObject For(string clientId, string clientName)
            {
                var name = DisplayText.Visible(clientName) ?? string.Empty;
                var qualified = $"{_organization}/{name}";
                if (!_clients.TryGetValue(clientId, out var index))
                {
                    index = _all.Count;
                    _clients[clientId] = index;
                    _all.Add(new JObject
                    {
                        ["name"] = name,
                        ["fullyQualifiedName"] = qualified,
                        ["kind"] = "resource",
                        ["parentIndex"] = 0,
                        ["properties"] = new JObject { ["clientId"] = clientId },
                    });
                }

                return new JObject { ["index"] = index, ["name"] = name, ["fullyQualifiedName"] = qualified, ["kind"] = "resource" };
            }
        }
    }
}
