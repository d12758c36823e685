using System;
using System.Runtime.InteropServices;
using System.Security;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Reads a SecureString only at the moment a request needs it.</summary>
    internal static class SecureText
    {
        public static string Reveal(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        public static SecureString Protect(string plain)
        {
            var secure = new SecureString();
            foreach (var character in plain)
            {
                secure.AppendChar(character);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
