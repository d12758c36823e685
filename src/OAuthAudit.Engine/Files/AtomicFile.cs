using System;
using System.IO;
using System.Threading;

namespace OAuthAudit.Engine.Files
{
    /// <summary>
    /// Writes a file whole or not at all: into a temporary file in the same folder, which is then renamed into place
    /// (a rename within one folder is atomic), so an interrupted or failed write never leaves a half file and never
    /// touches the file it would replace. The temporary file is removed on any failure.
    /// </summary>
    internal static class AtomicFile
    {
        /// <param name="overwrite">Replace a file already at the path; without it an existing file is an IOException.</param>
        /// <returns>The full path written.</returns>
        public static string Write(string path, bool overwrite, Action<Stream> write, CancellationToken cancellation)
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full) ?? throw new IOException($"'{full}' names no folder to write into.");
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
                    // Move refuses an existing target: a file that appeared meanwhile is not overwritten.
                    File.Move(temporary, full);
                }

                return full;
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        /// <summary>A hidden name next to the target: ".name.1a2b3c4d.tmp".</summary>
        public static string TemporaryPath(string fullPath) =>
            Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid().ToString("N").Substring(0, 8)}.tmp");

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception left) when (left is IOException || left is UnauthorizedAccessException)
            {
                // The original failure is what the caller needs to see.
            }
        }
    }
}
