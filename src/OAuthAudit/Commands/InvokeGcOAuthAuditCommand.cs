using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;
using OAuthAudit.Errors;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// The whole audit in one command, for runbooks and CI: for each organization, list its clients, judge each against
    /// the baseline, build the run, write its reports and return it; several organizations are audited at once
    /// (-ThrottleLimit), and one that fails is an Error run, never the end of the others. With -FailOn, end (after
    /// every run) with AuditFailed when any run has an outstanding finding at or above that severity or could not
    /// judge everything.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "GcOAuthAudit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(AuditRun))]
    public sealed class InvokeGcOAuthAuditCommand : GcCmdlet
    {
        private readonly List<AuditRun> _runs = new List<AuditRun>();
        private BaselineAudit _audit = null!;
        private GcContext[] _contexts = Array.Empty<GcContext>();
        private IReadOnlyList<ReportTarget>[] _targets = Array.Empty<IReadOnlyList<ReportTarget>>();

        /// <summary>The organizations to audit, up to -ThrottleLimit at once; the session's current context when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public GcContext[]? Context { get; set; }

        /// <summary>How many organizations are audited at the same time, each over its own connection and rate limit.</summary>
        [Parameter]
        [ValidateRange(1, AuditBatch.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = AuditBatch.DefaultThrottleLimit;

        [Parameter]
        [ValidateText(4096)]
        public string? Baseline { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Baseline? BaselineObject { get; set; }

        /// <summary>The folder the reports go to (created when missing); no report is written without it.</summary>
        [Parameter]
        [ValidateText(4096)]
        public string? OutputPath { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public ReportFormat[]? Format { get; set; }

        [Parameter]
        public Severity? FailOn { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _audit = BaselineAudit.Start(this, Baseline, BaselineObject);
        }

        protected override void ProcessRecord()
        {
            // Everything is checked before the first request: every context connected, every report path usable.
            _contexts = (Context ?? new GcContext[] { null! }).Select(RequireContext).ToArray();
            _targets = PlanReports(_contexts);
            var batch = new AuditBatch(this, _audit, _contexts, ThrottleLimit);
            batch.Run(
                finished: (index, run) => WriteReports(run, _targets[index]),
                output: run =>
                {
                    _runs.Add(run);
                    WriteObject(run);
                });
        }

        protected override void EndProcessing()
        {
            if (FailOn == null)
            {
                return;
            }

            var failing = _runs.Select(run => (Run: run, Why: Failure(run, FailOn.Value))).Where(entry => entry.Why != null).ToArray();
            if (failing.Length == 0)
            {
                WriteVerbose($"No run has an outstanding finding at or above {FailOn}, nor an error.");
                return;
            }

            ThrowTerminatingError(ErrorRecords.Create(
                $"The audit fails at or above {FailOn}: {string.Join("; ", failing.Select(entry => entry.Why))}.",
                ErrorIds.AuditFailed, ErrorCategory.InvalidResult, failing.Select(entry => entry.Run).ToArray(),
                "Fix the findings (each has a Remediation) or record a waiver with a rationale and an expiry date in the baseline; for an error, fix its cause (see the run's Errors) and run the audit again."));
        }

        /// <summary>Why a run fails -FailOn, or null: an outstanding finding at or above it, or any client or organization not judged (fail closed).</summary>
        private static string? Failure(AuditRun run, Severity failOn)
        {
            var reasons = new List<string>();
            var failing = run.Results.Where(result => result.Findings.Any(finding => finding.IsOutstanding && finding.Severity >= failOn)).ToArray();
            if (failing.Length > 0)
            {
                reasons.Add($"{failing.Length} client(s) at or above {failOn} ({string.Join(", ", failing.Take(5).Select(result => $"'{result.ClientName}' {result.Severity}"))}{(failing.Length > 5 ? ", ..." : string.Empty)})");
            }

            var unjudged = run.Results.Count(result => result.Outcome == Outcome.Error || result.Outcome == Outcome.Skipped);
            if (unjudged > 0)
            {
                reasons.Add($"{unjudged} client(s) not judged (Error or Skipped)");
            }

            var runErrors = run.Errors.Count(error => error.ClientId == null);
            if (runErrors > 0)
            {
                reasons.Add($"{runErrors} error(s) of the run as a whole ({string.Join(", ", run.Errors.Where(error => error.ClientId == null).Select(error => error.ErrorId).Distinct())})");
            }

            return reasons.Count == 0 ? null : DisplayText.Visible($"{run.Organization.Name}: {string.Join(", ", reasons)}");
        }

        private IReadOnlyList<ReportTarget>[] PlanReports(GcContext[] contexts)
        {
            if (OutputPath == null)
            {
                if (Format != null)
                {
                    ThrowTerminatingError(ErrorRecords.Create("-Format names report formats, but there is no -OutputPath to write them to.", ErrorIds.ReportPathInvalid, ErrorCategory.InvalidArgument, Format,
                        "Add -OutputPath <folder>, such as -OutputPath ./reports."));
                }

                return contexts.Select(_ => (IReadOnlyList<ReportTarget>)Array.Empty<ReportTarget>()).ToArray();
            }

            var folder = ReportOutput.Resolve(this, OutputPath, "-OutputPath");
            if (File.Exists(folder) || (!Directory.Exists(folder) && ReportWriters.FormatOf(folder) != null))
            {
                ThrowTerminatingError(ErrorRecords.Create($"-OutputPath '{OutputPath}' names a file; it is the folder the reports go to, one file per organization and format (oauth-audit-<organization>.html, ...).",
                    ErrorIds.ReportPathInvalid, ErrorCategory.InvalidArgument, OutputPath,
                    "Give a folder, such as -OutputPath ./reports; to write one file, pipe the run to Export-GcOAuthAuditReport -Path <file>."));
            }

            var writers = ReportOutput.Writers(this, Format);
            var names = ReportFileNames.For(contexts.Select(context => new RunOrganization(context.OrganizationId, context.OrganizationName, context.Region)).ToArray());
            var targets = names.Select(name => (IReadOnlyList<ReportTarget>)writers.Select(writer => new ReportTarget(Path.Combine(folder, name + writer.Extension), writer)).ToArray()).ToArray();
            ReportOutput.Check(this, targets.SelectMany(files => files).ToArray(), Force);
            return targets;
        }

        private void WriteReports(AuditRun run, IReadOnlyList<ReportTarget> targets)
        {
            if (targets.Count == 0)
            {
                return;
            }

            var progress = new ProgressRecord(3, DisplayText.Visible($"Writing the reports of {run.Organization.Name}"), DisplayText.Visible($"{targets.Count} files to {Path.GetDirectoryName(targets[0].Path)}"))
            {
                ParentActivityId = 1,
            };
            WriteProgress(progress);
            foreach (var file in ReportOutput.Write(this, targets, new[] { run }, Force))
            {
                WriteVerbose($"{run.Organization.Name}: Wrote {file.FullName} ({file.Length:N0} bytes).");
            }

            WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, "Done") { ParentActivityId = 1, RecordType = ProgressRecordType.Completed });
        }
    }
}
