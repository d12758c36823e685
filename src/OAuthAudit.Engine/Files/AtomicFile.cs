using System;
using System.IO;

namespace OAuthAudit.Engine.Files
{
    /// <summary>
    /// Writes a whole file or nothing: the bytes go to a temporary file in the same folder (created when missing),
    /// flushed to disk, which is then moved into place, so an interrupted write never leaves a half file under the
    /// name. An existing file is replaced only when asked; a path that names anything but a regular file (a folder,
    /// a device, a FIFO) is never replaced.
    /// </summary>
    public static class AtomicFile
    {
        /// <exception cref="IOException">The file exists and overwrite is false (also when another writer created it meanwhile), or the path is not a regular file.</exception>
        /// <exception cref="UnauthorizedAccessException">The folder or file may not be written.</exception>
        public static void Write(string path, byte[] bytes, bool overwrite)
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
            var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (exists)
                {
                    File.Replace(temporary, full, destinationBackupFileName: null);
                }
                else
                {
                    // File.Move never overwrites: a file created meanwhile makes it fail rather than be lost.
                    File.Move(temporary, full);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
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
