using System;
using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Drift;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Errors;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Compares two readings of one organization (snapshot files or contexts) and writes one OAuthClientChange per
    /// difference; with -Baseline or -BaselineObject, also the findings that appeared and were resolved. Risks are judged
    /// by that baseline, else by the built-in one. Neither side becomes the session's context.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "GcOAuthSnapshot")]
    [OutputType(typeof(OAuthClientChange))]
    public sealed class CompareGcOAuthSnapshotCommand : GcCmdlet
    {
        private const int ProgressId = 3;

        private readonly Dictionary<object, (OrganizationReading Reading, UtcTimestamp? CapturedAt)> _read = new Dictionary<object, (OrganizationReading, UtcTimestamp?)>();
        private SnapshotComparer? _comparer;
        private ProgressRecord? _progress;

        /// <summary>The earlier reading: a snapshot file's path or a context.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SnapshotOrContextTransformation]
        [ValidateNotNull]
        [ValidateText(4096)]
        public SnapshotOrContext Reference { get; set; } = null!;

        /// <summary>The later reading: a snapshot file's path, a file object or a context.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SnapshotOrContextTransformation]
        [ValidateNotNull]
        [ValidateText(4096)]
        public SnapshotOrContext Difference { get; set; } = null!;

        /// <summary>The baseline file both sides are audited with; findings that appeared and were resolved are listed.</summary>
        [Parameter]
        [ValidateText(4096)]
        public string? Baseline { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Baseline? BaselineObject { get; set; }

        protected override void BeginProcessing()
        {
            var baseline = BaselineInput.Load(this, Baseline, BaselineObject);
            _comparer = new SnapshotComparer(new BaselineEvaluator(baseline, DateTime.UtcNow), compareFindings: Baseline != null || BaselineObject != null);
            _progress = new ProgressRecord(ProgressId, "Comparing OAuth clients", "Starting");
        }

        protected override void ProcessRecord()
        {
            var (reference, referenceCapturedAt) = Read(Reference, "reference");
            var (difference, differenceCapturedAt) = Read(Difference, "difference");
            _progress!.StatusDescription = $"Comparing {reference.Clients.Count} with {difference.Clients.Count} clients";
            WriteProgress(_progress);
            IReadOnlyList<OAuthClientChange> changes = Array.Empty<OAuthClientChange>();
            try
            {
                changes = _comparer!.Compare(reference, difference);
            }
            catch (OrganizationMismatchException mismatch)
            {
                ThrowTerminatingError(ErrorRecords.OrganizationMismatch(mismatch, Difference));
            }
            catch (PatternTimeoutException timeout)
            {
                ThrowTerminatingError(ErrorRecords.Create(timeout, ErrorIds.BaselinePatternTimeout, ErrorCategory.LimitsExceeded, Difference,
                    $"Simplify the namePatterns expression of rule {timeout.RuleId} (nested repetition such as (a+)+ can run for minutes), or match with names wildcards, which never run out of time."));
            }

            if (referenceCapturedAt > differenceCapturedAt)
            {
                // Most likely the two were swapped: what was added then reads as removed.
                WriteWarning($"The reference was captured at {referenceCapturedAt}, after the difference ({differenceCapturedAt}): additions read as removals. Give the earlier snapshot as -Reference.");
            }

            WriteVerbose($"{Reference} and {Difference}: {changes.Count} changes.");
            WriteObject(changes, enumerateCollection: true);
        }

        protected override void EndProcessing()
        {
            if (_progress != null)
            {
                _progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(_progress);
            }
        }

        /// <summary>Reads one side once per invocation (a pipeline of differences shares its reference); a file is closed once read.</summary>
        private (OrganizationReading Reading, UtcTimestamp? CapturedAt) Read(SnapshotOrContext side, string which)
        {
            var key = (object?)side.Context ?? side.Path!;
            if (_read.TryGetValue(key, out var known))
            {
                return known;
            }

            _progress!.StatusDescription = $"Reading the {which} organization ({side})";
            WriteProgress(_progress);
            OrganizationReading? reading = null;
            UtcTimestamp? capturedAt;
            if (side.Context != null)
            {
                var context = RequireContext(side.Context);
                RunAgainstApi(() => reading = OrganizationReading.Read(context, Operation), side);
                capturedAt = context.CapturedAt;
            }
            else
            {
                using var context = InputFile.ComparedSnapshot.Read(this, side.Path!, Connector.ConnectSnapshot);
                RunAgainstApi(() => reading = OrganizationReading.Read(context, Operation), side);
                capturedAt = context.CapturedAt;
            }

            return _read[key] = (reading!, capturedAt);
        }
    }
}
