using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
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
    /// the baseline, build the run, write its reports and return it; with -FailOn, end with AuditFailed when any run
    /// has an outstanding finding at or above that severity or could not judge everything.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "GcOAuthAudit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(AuditRun))]
    public sealed class InvokeGcOAuthAuditCommand : GcCmdlet
    {
        private const int ProgressEvery = 25;

        private readonly List<AuditRun> _runs = new List<AuditRun>();
        private BaselineAudit _audit = null!;
        private GcContext[] _contexts = Array.Empty<GcContext>();
        private IReadOnlyList<ReportTarget>[] _targets = Array.Empty<IReadOnlyList<ReportTarget>>();

        /// <summary>The organizations to audit, one after another; the session's current context when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public GcContext[]? Context { get; set; }

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
            for (var index = 0; index < _contexts.Length; index++)
            {
                var run = Audit(_contexts[index], index);
                _runs.Add(run);
                WriteReports(run, _targets[index]);
                WriteObject(run);
            }
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

        private AuditRun Audit(GcContext context, int index)
        {
            var progress = new ProgressRecord(1, DisplayText.Visible($"Auditing {context.OrganizationName} against baseline '{_audit.Baseline.Name}'"), "Listing OAuth clients")
            {
                PercentComplete = _contexts.Length > 1 ? index * 100 / _contexts.Length : -1,
            };
            Stage(progress, 0, progress.StatusDescription);
            var builder = AuditRunBuilder.For(context, _audit.Baseline, DateTime.UtcNow);
            var clients = new List<OAuthClient>();
            try
            {
                var resolved = context.Directory.GetClients(Operation, listed: count => Stage(progress, count, $"Listing OAuth clients: {count} listed"));
                Stage(progress, 0, "Resolving scopes and role grants");
                foreach (var client in resolved)
                {
                    clients.Add(client);
                    Stage(progress, clients.Count, $"Resolving scopes and role grants: {clients.Count} clients");
                }
            }
            catch (GenesysApiException failure)
            {
                return ErrorRun(builder, ErrorRecords.FromApi(failure, context), progress);
            }
            catch (ConnectionClosedException closed)
            {
                return ErrorRun(builder, ErrorRecords.ConnectionClosed(MyInvocation.MyCommand.Name, closed, context), progress);
            }

            for (var judged = 0; judged < clients.Count; judged++)
            {
                Stage(progress, judged, $"Evaluating {judged} of {clients.Count} clients");
                var client = clients[judged];
                try
                {
                    builder.Add(_audit.Evaluate(client));
                }
                catch (PatternTimeoutException timeout)
                {
                    var record = _audit.PatternTimeout(timeout, client);
                    builder.AddError(new ClientIdentity(client.Id, client.Name, client.AuthorizedGrantType, client.State), record.FullyQualifiedErrorId, MessageOf(record), DateTime.UtcNow);
                    WriteError(record);
                }
            }

            var run = builder.Build(DateTime.UtcNow);
            Completed(progress);
            WriteVerbose($"Audited {run.Summary.Clients} clients of {context.OrganizationName} against baseline '{_audit.Baseline.Name}': {run.Summary}.");
            return run;
        }

        /// <summary>An organization that could not be listed: a run with the error and no client, never a pass; the error is written too.</summary>
        private AuditRun ErrorRun(AuditRunBuilder builder, ErrorRecord record, ProgressRecord progress)
        {
            builder.AddError(record.FullyQualifiedErrorId, MessageOf(record), DateTime.UtcNow);
            WriteError(record);
            Completed(progress);
            return builder.Build(DateTime.UtcNow);
        }

        private void WriteReports(AuditRun run, IReadOnlyList<ReportTarget> targets)
        {
            if (targets.Count == 0)
            {
                return;
            }

            var progress = new ProgressRecord(3, DisplayText.Visible($"Writing the reports of {run.Organization.Name}"), $"{targets.Count} files to {Path.GetDirectoryName(targets[0].Path)}");
            Stage(progress, 0, progress.StatusDescription);
            foreach (var file in ReportOutput.Write(this, targets, new[] { run }, Force))
            {
                WriteVerbose($"Wrote {file.FullName} ({file.Length:N0} bytes).");
            }

            Completed(progress);
        }

        // A record per write: the host may keep the records it was given, so one is never changed once written.
        private void Stage(ProgressRecord progress, int count, string status)
        {
            if (count % ProgressEvery == 0)
            {
                WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, DisplayText.Visible(status)) { PercentComplete = progress.PercentComplete });
            }
        }

        private void Completed(ProgressRecord progress) =>
            WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, "Done") { RecordType = ProgressRecordType.Completed });

        private static string MessageOf(ErrorRecord record) => record.ErrorDetails?.Message ?? record.Exception.Message;
    }
}
