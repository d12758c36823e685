using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Errors;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Writes audit results (ClientAuditResult objects, gathered into one run per organization, source and baseline)
    /// or audit runs as report files, once the pipeline has ended.
    /// </summary>
    [Cmdlet(VerbsData.Export, "GcOAuthAuditReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportGcOAuthAuditReportCommand : GcCmdlet
    {
        private readonly List<ClientAuditResult> _results = new List<ClientAuditResult>();
        private readonly List<AuditRun> _runs = new List<AuditRun>();
        private IReadOnlyList<ReportTarget> _targets = Array.Empty<ReportTarget>();

        /// <summary>ClientAuditResult objects (Test-GcOAuthClientScope), AuditRun objects (Invoke-GcOAuthAudit) or AuditRunSet objects (Merge-GcOAuthAuditRun).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateText(4096)]
        public string Path { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public ReportFormat[]? Format { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            var resolved = ReportOutput.Resolve(this, Path, "-Path");
            _targets = Targets(resolved);
            ReportOutput.Check(this, _targets, Force);
        }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
            {
                var value = PipelineInput.BaseOf(item);
                switch (value)
                {
                    case ClientAuditResult result:
                        _results.Add(result);
                        break;
                    case AuditRun run:
                        _runs.Add(run);
                        break;
                    case AuditRunSet set:
                        _runs.AddRange(set.Runs);
                        break;
                    default:
                        ThrowTerminatingError(Unsupported(item));
                        break;
                }
            }
        }

        protected override void EndProcessing()
        {
            IReadOnlyList<AuditRun> runs;
            try
            {
                runs = _runs.Concat(ResultRuns.Build(_results)).ToArray();
            }
            catch (ArgumentException unbuildable)
            {
                ThrowTerminatingError(ErrorRecords.Create(unbuildable, ErrorIds.ReportInputUnsupported, ErrorCategory.InvalidData, null,
                    "Pipe the results of Test-GcOAuthClientScope, or the runs of Invoke-GcOAuthAudit."));
                throw;
            }

            if (runs.Count == 0)
            {
                WriteError(ErrorRecords.Create("No audit results came through the pipeline, so no report was written.", ErrorIds.NoAuditResults, ErrorCategory.InvalidData, Path,
                    "Pipe the results of Test-GcOAuthClientScope (Get-GcOAuthClient | Test-GcOAuthClientScope | Export-GcOAuthAuditReport ...), or run Invoke-GcOAuthAudit -OutputPath."));
                return;
            }

            WriteVerbose($"{runs.Count} run(s) of {runs.Sum(run => run.Results.Count)} client result(s) to write as {string.Join(", ", _targets.Select(target => target.Writer.Format))}.");
            var written = ReportOutput.Write(this, _targets, runs, Force);
            foreach (var file in written)
            {
                WriteVerbose($"Wrote {file.FullName} ({file.Length:N0} bytes).");
            }

            if (PassThru && written.Count > 0)
            {
                // Through the provider, as New-Item writes it: with PSPath and the FileSystem view's columns.
                WriteObject(InvokeProvider.Item.Get(written.Select(file => file.FullName).ToArray(), false, true), enumerateCollection: true);
            }
        }

        /// <summary>One format: the file -Path names. Several: one file per format beside it, the base name with each format's extension.</summary>
        private IReadOnlyList<ReportTarget> Targets(string resolved)
        {
            if (Format == null)
            {
                var inferred = ReportWriters.FormatOf(resolved);
                if (inferred == null)
                {
                    var extension = System.IO.Path.GetExtension(resolved);
                    ThrowTerminatingError(ErrorRecords.Create(
                        $"The report format cannot be told from '{System.IO.Path.GetFileName(resolved)}': {(extension.Length == 0 ? "it has no extension" : $"'{extension}' is not a report extension")}. Report extensions: {ReportWriters.Extensions()}.",
                        ErrorIds.ReportFormatUnknown, ErrorCategory.InvalidArgument, Path, $"End -Path with one of {ReportWriters.Extensions()}, or give -Format ({string.Join(", ", Enum.GetNames(typeof(ReportFormat)))})."));
                }

                return new[] { new ReportTarget(resolved, ReportWriters.For(inferred!.Value)) };
            }

            var writers = ReportOutput.Writers(this, Format);
            if (writers.Count == 1)
            {
                return new[] { new ReportTarget(resolved, writers[0]) };
            }

            var folder = System.IO.Path.GetDirectoryName(resolved)!;
            var baseName = ReportWriters.FormatOf(resolved) == null ? System.IO.Path.GetFileName(resolved) : System.IO.Path.GetFileNameWithoutExtension(resolved);
            return writers.Select(writer => new ReportTarget(System.IO.Path.Combine(folder, baseName + writer.Extension), writer)).ToArray();
        }

        private static ErrorRecord Unsupported(object item)
        {
            var deserialized = PipelineInput.DeserializedTypeOf(item);
            var why = deserialized != null
                ? $"a deserialized {deserialized} (from Import-Clixml or a remote session) holds no baseline or connection to build a run from"
                : PipelineInput.BaseOf(item) is Finding
                    ? "a Finding (Test-GcOAuthClientScope -Expand) is one row of a result, not a result"
                    : $"{PipelineInput.TypeNameOf(item)} is neither a ClientAuditResult nor an AuditRun or AuditRunSet";
            return ErrorRecords.Create($"Export-GcOAuthAuditReport cannot report this input: {why}. Nothing was written.", ErrorIds.ReportInputUnsupported, ErrorCategory.InvalidType, item,
                "Pipe the results of Test-GcOAuthClientScope without -Expand, or the runs of Invoke-GcOAuthAudit.");
        }
    }
}
