using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>
    /// JUnit XML as Azure DevOps (PublishTestResults, JUnit) and GitHub test reporters read it: one testsuite per
    /// organization, one testcase per client and rule that applied (classname: the client's name and id, name: the
    /// rule). A rule with an outstanding finding of Medium or higher (what makes a client Fail) is a failure carrying
    /// those findings; Low and Info findings and waived ones are listed in system-out, never failures. Skipped and
    /// NotApplicable clients are skipped testcases; an Error client and each error of the run as a whole are errors.
    /// Text is made visible (DisplayText) and any character XML 1.0 cannot hold is written as an escape, so an
    /// org-supplied name can never make the file unreadable.
    /// </summary>
    internal sealed class JUnitReportWriter : IReportWriter
    {
        internal const string NoRuleApplies = "(no rule applies)";

        internal const string NotJudged = "(not judged)";

        internal const string RunClassName = "(run)";

        public ReportFormat Format => ReportFormat.JUnit;

        public string Extension => ".xml";

        public void Write(IReadOnlyList<AuditRun> runs, Stream output)
        {
            ReportArguments.Check(runs, output);
            var suites = runs.Select(Suite.Of).ToArray();
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                NewLineChars = "\n",
                CloseOutput = false,
                CheckCharacters = true,
            };
            using (var xml = XmlWriter.Create(output, settings))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("testsuites");
                xml.WriteAttributeString("name", RunTool.ToolName);
                WriteCounts(xml, suites.SelectMany(suite => suite.Cases).ToArray());
                xml.WriteAttributeString("time", Seconds(suites.Sum(suite => suite.Seconds)));
                foreach (var suite in suites)
                {
                    suite.WriteTo(xml);
                }

                xml.WriteEndElement();
                xml.WriteEndDocument();
            }
        }

        /// <summary>The text as XML 1.0 can hold it: control and bidi characters made visible, lone surrogates and U+FFFE/U+FFFF escaped.</summary>
        internal static string Safe(string? value)
        {
            var visible = DisplayText.Visible(value) ?? string.Empty;
            StringBuilder? safe = null;
            for (var index = 0; index < visible.Length; index++)
            {
                var character = visible[index];
                var pair = char.IsHighSurrogate(character) && index + 1 < visible.Length && char.IsLowSurrogate(visible[index + 1]);
                if (pair)
                {
                    safe?.Append(character).Append(visible[index + 1]);
                    index++;
                    continue;
                }

                var valid = character == '\t' || character == '\n' || character == '\r'
                    || (character >= ' ' && character <= '\ud7ff') || (character >= '\ue000' && character <= '\ufffd');
                if (valid)
                {
                    safe?.Append(character);
                    continue;
                }

                safe = safe ?? new StringBuilder(visible, 0, index, visible.Length + 16);
                safe.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }

            return safe?.ToString() ?? visible;
        }

        private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<TestCase> cases)
        {
            xml.WriteAttributeString("tests", Number(cases.Count));
            xml.WriteAttributeString("failures", Number(cases.Count(testCase => testCase.Verdict == Verdict.Failure)));
            xml.WriteAttributeString("errors", Number(cases.Count(testCase => testCase.Verdict == Verdict.Error)));
            xml.WriteAttributeString("skipped", Number(cases.Count(testCase => testCase.Verdict == Verdict.Skipped)));
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

        private enum Verdict
        {
            Passed,
            Failure,
            Error,
            Skipped,
        }

        private sealed class Suite
        {
            private Suite(AuditRun run, IReadOnlyList<TestCase> cases)
            {
                Run = run;
                Cases = cases;
            }

            public AuditRun Run { get; }

            public IReadOnlyList<TestCase> Cases { get; }

            public double Seconds => Math.Max(0, (Run.FinishedAt.UtcDateTime - Run.StartedAt.UtcDateTime).TotalSeconds);

            public static Suite Of(AuditRun run)
            {
                var cases = new List<TestCase>();
                var judgedErrors = new HashSet<RunError>();
                foreach (var result in run.Results)
                {
                    var className = $"{result.ClientName} ({result.ClientId})";
                    switch (result.Outcome)
                    {
                        case Outcome.Error:
                            var error = run.Errors.FirstOrDefault(candidate => candidate.ClientId == result.ClientId && !judgedErrors.Contains(candidate));
                            if (error != null)
                            {
                                judgedErrors.Add(error);
                            }

                            cases.Add(new TestCase(className, NotJudged, Verdict.Error, result.Reason ?? error?.Message ?? string.Empty, error?.ErrorId ?? "Error", string.Empty, string.Empty));
                            break;
                        case Outcome.Skipped:
                            foreach (var rule in result.MatchedRules.DefaultIfEmpty(NotJudged))
                            {
                                cases.Add(new TestCase(className, rule, Verdict.Skipped, result.Reason ?? string.Empty, null, string.Empty, string.Empty));
                            }

                            break;
                        case Outcome.NotApplicable:
                            cases.Add(new TestCase(className, NoRuleApplies, Verdict.Skipped, "No rule of the baseline applies to the client.", null, string.Empty, Lines(result.Findings)));
                            break;
                        default:
                            foreach (var rule in result.MatchedRules)
                            {
                                cases.Add(RuleCase(className, rule, result.Findings.Where(finding => string.Equals(finding.RuleId, rule, StringComparison.OrdinalIgnoreCase)).ToArray()));
                            }

                            break;
                    }
                }

                foreach (var error in run.Errors.Where(candidate => !judgedErrors.Contains(candidate)))
                {
                    var className = error.ClientId == null ? RunClassName : $"{error.ClientName} ({error.ClientId})";
                    cases.Add(new TestCase(className, error.ErrorId, Verdict.Error, error.Message, error.ErrorId, string.Empty, string.Empty));
                }

                return new Suite(run, cases);
            }

            public void WriteTo(XmlWriter xml)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Safe(Run.Organization.Name.Length == 0 ? Run.Organization.Id : Run.Organization.Name));
                WriteCounts(xml, Cases.ToArray());
                xml.WriteAttributeString("time", JUnitReportWriter.Seconds(Seconds));
                // JUnit's timestamp has no zone; it is UTC, as every time of a run.
                xml.WriteAttributeString("timestamp", Run.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss"));
                xml.WriteStartElement("properties");
                Property(xml, "organization.id", Run.Organization.Id);
                Property(xml, "organization.region", Run.Organization.Region);
                Property(xml, "dataSource", Run.DataSource.ToString());
                Property(xml, "baseline.name", Run.Baseline.Name);
                Property(xml, "baseline.sha256", Run.Baseline.Sha256);
                Property(xml, "tool", Run.Tool.ToString());
                xml.WriteEndElement();
                foreach (var testCase in Cases)
                {
                    testCase.WriteTo(xml);
                }

                xml.WriteEndElement();
            }

            private static void Property(XmlWriter xml, string name, string? value)
            {
                xml.WriteStartElement("property");
                xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("value", Safe(value));
                xml.WriteEndElement();
            }
        }

        private static TestCase RuleCase(string className, string rule, IReadOnlyList<Finding> findings)
        {
            var failing = findings.Where(finding => finding.IsOutstanding && finding.Severity >= Severity.Medium).ToArray();
            var others = findings.Except(failing).ToList();
            if (failing.Length == 0)
            {
                return new TestCase(className, rule, Verdict.Passed, string.Empty, null, string.Empty, Lines(others));
            }

            var message = failing.Length == 1 ? failing[0].Message : $"{failing.Length} findings: {failing[0].Message}";
            return new TestCase(className, rule, Verdict.Failure, message, failing.Max(finding => finding.Severity).ToString(), Lines(failing), Lines(others));
        }

        // Each field is made safe on its own, so a line break in org text never starts a line of its own.
        private static string Lines(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(finding =>
            $"[{finding.Severity}{(finding.Waived ? ", waived" : string.Empty)}] {finding.Kind} '{Safe(finding.Subject)}': {Safe(finding.Message)}"
            + (string.IsNullOrEmpty(finding.Remediation) ? string.Empty : $"\n    Remediation: {Safe(finding.Remediation)}")
            + (finding.Waived ? $"\n    Waiver: {Safe(finding.WaiverRationale)} (expires {finding.WaiverExpiresOn?.ToString() ?? "never"})" : string.Empty)));

        private sealed class TestCase
        {
            public TestCase(string className, string name, Verdict verdict, string message, string? type, string body, string output)
            {
                ClassName = className;
                Name = name;
                Verdict = verdict;
                Message = message;
                Type = type;
                Body = body;
                Output = output;
            }

            public string ClassName { get; }

            public string Name { get; }

            public Verdict Verdict { get; }

            public string Message { get; }

            public string? Type { get; }

            public string Body { get; }

            /// <summary>Already safe (Lines): our own line breaks between findings.</summary>
            public string Output { get; }

            public void WriteTo(XmlWriter xml)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Safe(ClassName));
                xml.WriteAttributeString("name", Safe(Name));
                xml.WriteAttributeString("time", "0");
                if (Verdict != Verdict.Passed)
                {
                    xml.WriteStartElement(Verdict == Verdict.Failure ? "failure" : Verdict == Verdict.Error ? "error" : "skipped");
                    xml.WriteAttributeString("message", Safe(Message));
                    if (Type != null)
                    {
                        xml.WriteAttributeString("type", Safe(Type));
                    }

                    if (Body.Length > 0)
                    {
                        xml.WriteString(Body);
                    }

                    xml.WriteEndElement();
                }

                if (Output.Length > 0)
                {
                    xml.WriteElementString("system-out", Output);
                }

                xml.WriteEndElement();
            }
        }
    }
}
