using System;
using System.IO;
using System.Threading;

namespace OAuthAudit.Engine.Files
{
    /// <summary>
    /// Writes a whole file or nothing: the bytes go to a temporary file in the same folder (created when missing),
    /// flushed to disk, which is then renamed into place (a rename within one folder is atomic), so an interrupted or
    /// failed write never leaves a half file under the name and never touches the file it would replace. An existing
    /// file is replaced only when asked; a path that names anything but a regular file (a folder, a device, a FIFO)
    /// is never replaced. The temporary file is removed on any failure.
    /// </summary>
    public static class AtomicFile
    {
        /// <returns>The full path written.</returns>
        /// <exception cref="AlreadyExistsException">The file exists and overwrite is false (also when another writer created it meanwhile).</exception>
        /// <exception cref="IOException">The path is a folder or not a regular file, or writing failed.</exception>
        /// <exception cref="UnauthorizedAccessException">The folder or file may not be written.</exception>
        /// <exception cref="OperationCanceledException">Cancelled before the file was moved into place (nothing written).</exception>
        public static string Write(string path, bool overwrite, Action<Stream> write, CancellationToken cancellation)
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full) ?? throw new IOException($"'{full}' names no folder to write into.");
            if (Directory.Exists(full))
            {
                throw new IOException($"'{full}' is a folder.");
            }

            var exists = File.Exists(full);
            if (exists && FileKind.NotRegular(full) is string kind)
            {
                throw new IOException($"'{full}' is {kind}, not a regular file; it is never replaced.");
            }

            if (exists && !overwrite)
            {
                throw new AlreadyExistsException(full);
            }

            Directory.CreateDirectory(folder);
            var temporary = TemporaryPath(full);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                cancellation.ThrowIfCancellationRequested();
                if (overwrite && File.Exists(full))
                {
                    File.Replace(temporary, full, destinationBackupFileName: null);
                }
                else
                {
                    // Move never overwrites: a file created meanwhile makes it fail rather than be lost.
                    File.Move(temporary, full);
                }

                return full;
            }
            finally
            {
                TryDelete(temporary);
            }
        }

        /// <inheritdoc cref="Write(string, bool, Action{Stream}, CancellationToken)"/>
        public static string Write(string path, byte[] bytes, bool overwrite) =>
            Write(path, overwrite, stream => stream.Write(bytes, 0, bytes.Length), CancellationToken.None);

        /// <summary>A hidden name next to the target: ".name.1a2b3c4d5e6f.tmp".</summary>
        public static string TemporaryPath(string fullPath) =>
            Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid().ToString("N").Substring(0, 12)}.tmp");

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception left) when (left is IOException || left is UnauthorizedAccessException)
            {
                // The original failure is what the caller needs to see.
            }
        }

        /// <summary>The file exists and was not to be replaced.</summary>
        public sealed class AlreadyExistsException : IOException
        {
            internal AlreadyExistsException(string path)
                : base($"'{path}' already exists.")
            {
                Path = path;
            }

            public string Path { get; }
        }
    }
}
