using System;
using System.IO;
using System.Management.Automation;
using OAuthAudit.Engine.Files;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// A file a command reads (a snapshot, a baseline): its path resolved the PowerShell way (relative to $PWD),
    /// then read, with a missing file, a folder, an unreadable file or a bad one each a terminating ErrorRecord.
    /// </summary>
    internal sealed class InputFile
    {
        public static readonly InputFile Snapshot = new InputFile("snapshot", "-SnapshotPath takes a snapshot file such as samples/demo-org.json", ErrorIds.SnapshotNotFound,
            "Check the path; a relative path is relative to the current location.");

        public static readonly InputFile Baseline = new InputFile("baseline", "give the path of a baseline file such as samples/baseline.yml", ErrorIds.BaselineNotFound,
            "Check the path; a relative path is relative to the current location. Without -Baseline the built-in baseline applies.");

        private readonly string _noun;
        private readonly string _folderHint;
        private readonly string _notFoundErrorId;
        private readonly string _notFoundAction;

        private InputFile(string noun, string folderHint, string notFoundErrorId, string notFoundAction)
        {
            _noun = noun;
            _folderHint = folderHint;
            _notFoundErrorId = notFoundErrorId;
            _notFoundAction = notFoundAction;
        }

        public T Read<T>(PSCmdlet cmdlet, string path, Func<string, T> read)
        {
            var resolved = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(resolved))
            {
                var problem = Directory.Exists(resolved)
                    ? $"'{resolved}' is a folder; {_folderHint}."
                    : $"There is no {_noun} file '{resolved}'.";
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException(problem, resolved), _notFoundErrorId, ErrorCategory.ObjectNotFound, path, _notFoundAction));
            }

            try
            {
                return read(resolved);
            }
            catch (FileFormatException invalid)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.FromFile(invalid));
                throw;
            }
            catch (Exception unreadable) when (unreadable is IOException || unreadable is UnauthorizedAccessException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(unreadable, _notFoundErrorId, ErrorCategory.ReadError, path, "Check that the file can be read by this account."));
                throw;
            }
        }
    }
}
