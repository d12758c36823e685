using System;
using System.IO;
using OAuthAudit.Engine.Files;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>Saves a snapshot of an organization: captured, checked as a load checks it, then written whole (AtomicFile).</summary>
    internal static class SnapshotFile
    {
        /// <param name="reading">Called on the caller's thread before each part of the organization is read.</param>
        /// <returns>The snapshot written, as a load of the file would give it.</returns>
        /// <exception cref="FileFormatException">What the source holds would not load as a snapshot; nothing was written.</exception>
        /// <exception cref="IOException">The file could not be written (or exists and <paramref name="overwrite"/> is false).</exception>
        public static Snapshot Save(OrganizationDirectory directory, string path, bool overwrite, Operation operation, Action<SnapshotPart>? reading = null)
        {
            var data = directory.Capture(operation, reading);
            var document = SnapshotWriter.Document(data, RunTool.Current);

            // The checks a load makes, before anything is written: a file that would not load is never saved.
            var snapshot = SnapshotReader.FromDocument(document, path);
            if (!string.Equals(snapshot.Organization.Id, directory.Organization.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw new FileFormatException(DocumentKind.Snapshot, path, null, null, $"the data read is of organization '{snapshot.Organization.Id}', not '{directory.Organization.Id}'; nothing was written.");
            }

            AtomicFile.Write(path, overwrite, stream => SnapshotWriter.Write(document, stream), operation.Cancellation);
            return snapshot;
        }
    }
}
