using System;
using System.Management.Automation;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OAuthAudit
{
    /// <summary>Runs when the module is imported; keep it to what every session needs (import time is measured).</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            // PowerShell 7's HttpClient ignores ServicePointManager; touching it there only loads System.Net.Requests
            // and System.Net.Security into every session that imports the module.
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                EnableTls12();
            }
        }

        /// <summary>
        /// Windows PowerShell 5.1 on an older .NET Framework may offer only TLS 1.0/1.1, which Genesys Cloud refuses.
        /// Add TLS 1.2 there; leave "system default" (0, which lets the OS pick 1.2 or 1.3) alone. Kept out of line so
        /// that compiling OnImport never loads ServicePointManager's assembly.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void EnableTls12()
        {
            var protocols = ServicePointManager.SecurityProtocol;
            if (protocols != 0 && (protocols & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
            }
        }
    }
}
