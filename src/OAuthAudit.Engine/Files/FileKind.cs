using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace OAuthAudit.Engine.Files
{
    /// <summary>
    /// What a path names, found without opening it: opening a FIFO for reading blocks until a writer appears, and
    /// a device such as /dev/zero never ends, so an input file must be known to be a regular file before it is read.
    /// On Unix this asks stat() through the .NET runtime's own native shim (libSystem.Native, whose FileStatus starts
    /// with two int32 fields, Flags and Mode, in every .NET version PowerShell 7 runs on); Windows has no FIFOs, and a
    /// device there shows as a device attribute or as a stream that cannot seek.
    /// </summary>
    public static class FileKind
    {
        private const int TypeMask = 0xF000;
        private const int RegularFile = 0x8000;
        private const int ModeOffset = 4;

        /// <summary>null when the path is a regular file (or a link to one); otherwise what it is instead, in words.</summary>
        public static string? NotRegular(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? "a device" : null;
            }

            var status = new byte[512];
            try
            {
                if (Native.Stat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0)
                {
                    throw new IOException($"The file '{path}' could not be examined (stat failed).");
                }
            }
            catch (Exception missing) when (missing is DllNotFoundException || missing is EntryPointNotFoundException)
            {
                // A runtime without the shim: the caller's check that the opened stream can seek still refuses devices.
                return null;
            }

            var type = BitConverter.ToInt32(status, ModeOffset) & TypeMask;
            return type switch
            {
                RegularFile => null,
                0x1000 => "a FIFO (named pipe)",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0x4000 => "a folder",
                0xC000 => "a socket",
                _ => "not a regular file",
            };
        }

        private static class Native
        {
            [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
            public static extern int Stat(byte[] path, [Out] byte[] status);
        }
    }
}
