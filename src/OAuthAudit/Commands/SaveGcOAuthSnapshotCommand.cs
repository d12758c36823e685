using System;
using System.IO;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Engine.Text;
using OAuthAudit.Errors;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Saves the connected organization as a snapshot file (docs/snapshot.md): what the API returned, secrets dropped,
    /// written whole or not at all. From a snapshot context it saves the loaded snapshot again.
    /// </summary>
    [Cmdlet(VerbsData.Save, "GcOAuthSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveGcOAuthSnapshotCommand : GcCmdlet
    {
        private static readonly SnapshotPart[] Parts = (SnapshotPart[])Enum.GetValues(typeof(SnapshotPart));

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateText(4096)]
        public string Path { get; set; } = string.Empty;

        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        /// <summary>Replace a file already at the path.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext(Context);
            var target = Resolve();
            if (Directory.Exists(target))
            {
                ThrowTerminatingError(ErrorRecords.Create($"'{target}' is a folder; a snapshot is saved to a file such as {System.IO.Path.Combine(target, "org.json")}.",
                    ErrorIds.SnapshotNotWritten, ErrorCategory.InvalidArgument, Path, "Give a file name, such as ./snapshots/org-2026-12.json."));
            }

            if (File.Exists(target) && !Force)
            {
                ThrowTerminatingError(ErrorRecords.Create(new IOException($"The file '{target}' already exists; it was left as it is."),
                    ErrorIds.SnapshotExists, ErrorCategory.ResourceExists, Path, "Add -Force to replace it, or give another path."));
            }

            if (!ShouldProcess(target, DisplayText.Visible($"Save a snapshot of {context.OrganizationName}")!))
            {
                return;
            }

            Snapshot? saved = null;
            var activity = DisplayText.Visible($"Saving a snapshot of {context.OrganizationName}")!;
            void Reading(SnapshotPart part) => WriteProgress(new ProgressRecord(1, activity, $"Reading the {Describe(part)}")
            {
                PercentComplete = 100 * Array.IndexOf(Parts, part) / (Parts.Length + 1),
            });

            RunAgainstApi(() => saved = Save(context, target, Reading), context);
            WriteProgress(new ProgressRecord(1, activity, "Saved") { RecordType = ProgressRecordType.Completed });
            WriteVerbose($"Snapshot of {context.OrganizationName} saved to {target}: {saved!.Clients.Count} clients, {saved.Scopes.Count} scopes, {saved.Roles.Count} roles, {saved.Divisions.Count} divisions, {saved.Permissions?.Count.ToString() ?? "no"} permission domains.");
            if (PassThru)
            {
                WriteObject(new FileInfo(target));
            }
        }

        private static string Describe(SnapshotPart part) => part switch
        {
            SnapshotPart.Scopes => "scope registry",
            SnapshotPart.Clients => "OAuth clients",
            SnapshotPart.Roles => "roles",
            SnapshotPart.Divisions => "divisions",
            _ => "permission catalogue",
        };

        private Snapshot? Save(GcContext context, string target, Action<SnapshotPart> reading)
        {
            try
            {
                return SnapshotFile.Save(context.Directory, target, Force, Operation, reading);
            }
            catch (OperationCanceledException) when (Stopping)
            {
                // Ctrl+C between writing the temporary file and moving it into place: nothing was written.
                throw new PipelineStoppedException();
            }
            catch (FileFormatException invalid)
            {
                ThrowTerminatingError(ErrorRecords.FromFile(invalid));
            }
            catch (Exception unwritable) when (unwritable is IOException || unwritable is UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.Create(unwritable, ErrorIds.SnapshotNotWritten, unwritable is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, Path,
                    "Check that the folder can be written by this account and has space; a file already there was left as it was."));
            }

            return null;
        }

        /// <summary>The path through PowerShell's FileSystem provider (relative to $PWD); other providers are refused.</summary>
        private string Resolve()
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out provider, out _);
            }
            catch (Exception unusable) when (unusable is SessionStateException || unusable is NotSupportedException || unusable is ArgumentException || unusable is PSInvalidOperationException)
            {
                ThrowTerminatingError(ErrorRecords.Create($"'{Path}' is not a path a snapshot can be saved to: {unusable.Message}", ErrorIds.SnapshotNotWritten, ErrorCategory.InvalidArgument, Path,
                    "Give a file system path, such as ./org.json or a full path."));
                throw;
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.Create($"'{Path}' is an item of the PowerShell {provider.Name} provider, not a file; a snapshot is saved only to the file system.",
                    ErrorIds.SnapshotNotWritten, ErrorCategory.InvalidArgument, Path, "Give a file system path, such as ./org.json or a full path."));
            }

            return resolved;
        }
    }
}
