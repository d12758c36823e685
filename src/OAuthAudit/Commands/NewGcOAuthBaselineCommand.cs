using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Rules.Generation;
using OAuthAudit.Engine.Text;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Writes a baseline that today's organization passes: one rule per group of clients holding what the group holds
    /// today, with comments marking what a reviewer should tighten. The text is read back with the module's parser
    /// and checked against every client before the file is written (whole, through a temporary file); never a waiver.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "GcOAuthBaseline", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class NewGcOAuthBaselineCommand : GcCmdlet
    {
        private const int ProgressEvery = 25;
        private const int NotesShownAtMost = 25;

        /// <summary>The baseline file to write; its folder is created when missing.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateText(4096)]
        public string Path { get; set; } = string.Empty;

        /// <summary>The organization to describe; the session's current context when not given.</summary>
        [Parameter]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        /// <summary>One rule per grant type and common name prefix (Name), per grant type, or per client.</summary>
        [Parameter]
        public BaselineGrouping GroupBy { get; set; } = BaselineGrouping.Name;

        /// <summary>Replace the file when it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write the file written (a FileInfo) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext(Context);
            var target = Resolve(Path);
            if (Directory.Exists(target))
            {
                ThrowTerminatingError(ErrorRecords.Create($"'{target}' is a folder; give the path of the baseline file to write, such as {System.IO.Path.Combine(target, "baseline.yml")}.",
                    ErrorIds.BaselineNotWritten, ErrorCategory.InvalidArgument, Path, "Give a file path, such as ./baseline.yml."));
            }

            if (File.Exists(target) && !Force)
            {
                ThrowTerminatingError(Exists(target));
            }

            var generated = Generate(context, target);
            var baseline = generated.Baseline;
            var written = ShouldProcess(target, $"Write baseline '{DisplayText.Visible(baseline.Name)}' ({baseline.Rules.Count} rules for {generated.Clients} clients, grouped by {GroupBy})");
            if (written)
            {
                Write(target, generated.Text.Text);
                WriteVerbose($"Wrote {target}: {baseline.Rules.Count} rules for {generated.Clients} clients, {generated.Text.Nodes} YAML nodes, {generated.ReviewNotes.Count} REVIEW comments.");
            }

            WarnOfFindings(generated);
            WarnOfReviewNotes(generated, target);
            if (PassThru && written)
            {
                WriteObject(new FileInfo(target));
            }
        }

        private GeneratedBaseline Generate(GcContext context, string target)
        {
            var progress = new ProgressRecord(3, DisplayText.Visible($"Generating a baseline from the OAuth clients of {context.OrganizationName}"), "Reading OAuth clients");
            var watch = Stopwatch.StartNew();
            GeneratedBaseline? generated = null;
            try
            {
                RunAgainstApi(() => generated = BaselineGenerator.Generate(context.Directory, Operation, GroupBy, DateTime.UtcNow,
                    text => IsolatedDependencies.Baselines.ReadText(text, target),
                    count =>
                    {
                        if (count % ProgressEvery == 0)
                        {
                            progress.StatusDescription = $"{count} clients read";
                            WriteProgress(progress);
                        }
                    }), context);
            }
            catch (BaselineTooLargeException tooLarge)
            {
                ThrowTerminatingError(ErrorRecords.Create(tooLarge, ErrorIds.BaselineTooLarge, ErrorCategory.LimitsExceeded, Path,
                    GroupBy == BaselineGrouping.Client
                        ? "Use -GroupBy Name or -GroupBy GrantType, which give a rule to many clients at once."
                        : "Use -GroupBy GrantType, which gives one rule per grant type."));
            }
            catch (ArgumentException nothing) when (nothing.ParamName == "clients")
            {
                ThrowTerminatingError(ErrorRecords.Create(nothing, ErrorIds.BaselineNotGenerated, ErrorCategory.ObjectNotFound, context,
                    "Connect to the organization whose OAuth clients the baseline is to describe (Get-GcOAuthClient lists them)."));
            }
            catch (FileFormatException unreadable)
            {
                // The parser refused what the writer wrote: a defect, and never a file on disk.
                ThrowTerminatingError(ErrorRecords.Create(new InvalidOperationException("The generated baseline does not read back, so it was not written: " + unreadable.Message, unreadable),
                    ErrorIds.BaselineNotGenerated, ErrorCategory.InvalidResult, Path, "Report this to the OAuthAudit maintainers with the organization's client names; meanwhile try another -GroupBy."));
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }

            WriteVerbose($"Generated {generated!.Baseline.Rules.Count} rules from {generated.Clients} clients of {context.OrganizationName} in {watch.Elapsed.TotalSeconds:0.00} s (grouped by {GroupBy}).");
            return generated;
        }

        private void Write(string target, string text)
        {
            try
            {
                AtomicFile.Write(target, new UTF8Encoding(false).GetBytes(text), Force);
            }
            catch (AtomicFile.AlreadyExistsException)
            {
                ThrowTerminatingError(Exists(target));
            }
            catch (Exception failed) when (failed is IOException || failed is UnauthorizedAccessException || failed is NotSupportedException)
            {
                ThrowTerminatingError(ErrorRecords.Create(new IOException($"The baseline could not be written to '{target}': {failed.Message}", failed), ErrorIds.BaselineNotWritten,
                    failed is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, Path,
                    "Check that the folder can be written by this account, or give another -Path."));
            }
        }

        /// <summary>Should never happen (each demand was checked on every member); said loudly if it does.</summary>
        private void WarnOfFindings(GeneratedBaseline generated)
        {
            if (generated.StillFlagged.Count == 0)
            {
                return;
            }

            var named = generated.StillFlagged.Select(result =>
                $"'{result.ClientName}' ({string.Join(", ", result.Findings.Where(finding => finding.Severity > Engine.Rules.Severity.Info).Select(finding => $"{finding.RuleId} {finding.Kind} {finding.Subject}"))})");
            WriteWarning($"{generated.StillFlagged.Count} clients would still get findings from the generated rules: {string.Join("; ", named)}.");
        }

        private void WarnOfReviewNotes(GeneratedBaseline generated, string target)
        {
            if (generated.ReviewNotes.Count == 0)
            {
                return;
            }

            WriteWarning($"Review before relying on the baseline: {generated.ReviewNotes.Count} REVIEW comments in {target} mark what to tighten.");
            foreach (var note in generated.ReviewNotes.Take(NotesShownAtMost))
            {
                WriteWarning(note.ToString());
            }

            if (generated.ReviewNotes.Count > NotesShownAtMost)
            {
                WriteWarning($"... and {generated.ReviewNotes.Count - NotesShownAtMost} more; see the REVIEW comments in {target}.");
            }
        }

        private ErrorRecord Exists(string target) =>
            ErrorRecords.Create(new IOException($"'{target}' already exists; it was not replaced."), ErrorIds.BaselineExists, ErrorCategory.ResourceExists, Path,
                "Add -Force to replace it, or give another -Path.");

        /// <summary>The path in the file system, relative to the current location; another provider's path is refused.</summary>
        private string Resolve(string path)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception unusable) when (unusable is SessionStateException || unusable is NotSupportedException || unusable is ArgumentException || unusable is PSInvalidOperationException)
            {
                ThrowTerminatingError(ErrorRecords.Create(new IOException($"'{path}' is not a path a baseline can be written to: {unusable.Message}", unusable), ErrorIds.BaselineNotWritten,
                    ErrorCategory.InvalidArgument, path, "Give a file system path, such as ./baseline.yml or a full path."));
                throw;
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.Create($"'{path}' is an item of the PowerShell {provider.Name} provider, not a file; a baseline is written only to the file system.",
                    ErrorIds.BaselineNotWritten, ErrorCategory.InvalidArgument, path, "Give a file system path, such as ./baseline.yml or a full path."));
            }

            return resolved;
        }
    }
}
