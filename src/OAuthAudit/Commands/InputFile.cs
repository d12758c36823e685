using System;
using System.IO;
using System.Management.Automation;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// A file a command reads (a snapshot, a baseline): its path resolved through PowerShell's FileSystem provider
    /// (relative to $PWD; Env:, Variable: and other providers refused), then checked to be a regular file (never a
    /// device or FIFO, which would block or never end) no larger than the cap, then read. A missing file, a folder,
    /// another provider, a device, an over-size file, an unreadable file (its own ErrorId) or a bad one is each a
    /// terminating ErrorRecord.
    /// </summary>
    internal sealed class InputFile
    {
        public static readonly InputFile Snapshot = new InputFile("snapshot", "org.json", "-SnapshotPath takes a snapshot file such as samples/demo-org.json", Engine.Snapshots.Snapshot.MaximumFileBytes,
            ErrorIds.SnapshotNotFound, ErrorIds.SnapshotInvalid, ErrorIds.SnapshotUnreadable,
            "Check the path; a relative path is relative to the current location.");

        /// <summary>A snapshot given to compare: the same file and errors as -SnapshotPath's, with its own folder hint.</summary>
        public static readonly InputFile ComparedSnapshot = new InputFile("snapshot", "org.json", "-Reference and -Difference take a snapshot file such as samples/demo-org.json (or a context)", Engine.Snapshots.Snapshot.MaximumFileBytes,
            ErrorIds.SnapshotNotFound, ErrorIds.SnapshotInvalid, ErrorIds.SnapshotUnreadable,
            "Check the path; a relative path is relative to the current location.");

        public static readonly InputFile Baseline = new InputFile("baseline", "baseline.yml", "give the path of a baseline file such as samples/baseline.yml", BaselineLoader.MaximumSize,
            ErrorIds.BaselineNotFound, ErrorIds.BaselineInvalid, ErrorIds.BaselineUnreadable,
            "Check the path; a relative path is relative to the current location. Without -Baseline the built-in baseline applies.");

        /// <summary>A run document (one organization's, or several merged) given to merge.</summary>
        public static readonly InputFile AuditRun = new InputFile("run document", "oauth-audit-org.json", "-Path takes audit-run JSON files such as ./runs/*.json", Engine.Runs.AuditRunReader.MaximumFileBytes,
            ErrorIds.AuditRunNotFound, ErrorIds.AuditRunInvalid, ErrorIds.AuditRunUnreadable,
            "Check the path; a relative path is relative to the current location. Write run documents with Invoke-GcOAuthAudit -OutputPath <folder> -Format Json.");

        private readonly string _noun;
        private readonly string _exampleName;
        private readonly string _folderHint;
        private readonly long _maximumBytes;
        private readonly string _notFoundErrorId;
        private readonly string _invalidErrorId;
        private readonly string _unreadableErrorId;
        private readonly string _notFoundAction;

        private InputFile(string noun, string exampleName, string folderHint, long maximumBytes, string notFoundErrorId, string invalidErrorId, string unreadableErrorId, string notFoundAction)
        {
            _noun = noun;
            _exampleName = exampleName;
            _folderHint = folderHint;
            _maximumBytes = maximumBytes;
            _notFoundErrorId = notFoundErrorId;
            _invalidErrorId = invalidErrorId;
            _unreadableErrorId = unreadableErrorId;
            _notFoundAction = notFoundAction;
        }

        public T Read<T>(PSCmdlet cmdlet, string path, Func<string, T> read)
        {
            var resolved = Resolve(cmdlet, path);
            try
            {
                Check(cmdlet, path, resolved);
                return read(resolved);
            }
            catch (FileFormatException invalid)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.FromFile(invalid));
                throw;
            }
            catch (IOException gone) when (gone is FileNotFoundException || gone is DirectoryNotFoundException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException($"There is no {_noun} file '{resolved}'.", resolved, gone), _notFoundErrorId, ErrorCategory.ObjectNotFound, path, _notFoundAction));
                throw;
            }
            catch (Exception unreadable) when (unreadable is IOException || unreadable is UnauthorizedAccessException)
            {
                cmdlet.ThrowTerminatingError(Unreadable(unreadable, path));
                throw;
            }
        }

        /// <summary>The file exists but could not be read: PermissionDenied when access was refused, else ReadError.</summary>
        internal ErrorRecord Unreadable(Exception unreadable, string path) =>
            ErrorRecords.Create(unreadable, _unreadableErrorId, unreadable is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.ReadError, path,
                "Check that the file can be read by this account.");

        private string Resolve(PSCmdlet cmdlet, string path)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception unusable) when (unusable is SessionStateException || unusable is NotSupportedException || unusable is ArgumentException || unusable is PSInvalidOperationException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException($"'{path}' is not a path to a {_noun} file: {unusable.Message}", path, unusable), _notFoundErrorId, ErrorCategory.ObjectNotFound, path, _notFoundAction));
                throw;
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create($"'{path}' is an item of the PowerShell {provider.Name} provider, not a file; a {_noun} is read only from the file system.",
                    _invalidErrorId, ErrorCategory.InvalidArgument, path, $"Give a file system path, such as ./{_exampleName} or a full path."));
            }

            return resolved;
        }

        private void Check(PSCmdlet cmdlet, string path, string resolved)
        {
            if (!File.Exists(resolved))
            {
                var problem = Directory.Exists(resolved)
                    ? $"'{resolved}' is a folder; {_folderHint}."
                    : $"There is no {_noun} file '{resolved}'.";
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException(problem, resolved), _notFoundErrorId, ErrorCategory.ObjectNotFound, path, _notFoundAction));
            }

            var kind = FileKind.NotRegular(resolved);
            if (kind == null)
            {
                // Windows shows some devices only once opened: they cannot seek.
                using (var stream = new FileStream(resolved, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    kind = stream.CanSeek ? null : "a device or pipe";
                }
            }

            if (kind != null)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create($"'{resolved}' is {kind}, not a regular file; a {_noun} is read only from a regular file.",
                    _invalidErrorId, ErrorCategory.InvalidType, path, $"Give the path of a {_noun} file; to read one from a pipe or device, save it to a file first."));
            }

            var length = new FileInfo(resolved).Length;
            if (length > _maximumBytes)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create($"'{resolved}' is {length:N0} bytes, larger than the {_maximumBytes / (1024 * 1024)} MiB a {_noun} file may be.",
                    _invalidErrorId, ErrorCategory.LimitsExceeded, path, $"Check that this is the right file; a {_noun} is never that large."));
            }
        }
    }
}
