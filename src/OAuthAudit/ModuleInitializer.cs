using System.Management.Automation;
using System.Net;

namespace OAuthAudit
{
    /// <summary>Runs when the module is imported.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            // Windows PowerShell 5.1 on an older .NET Framework may offer only TLS 1.0/1.1, which Genesys Cloud
            // refuses. Add TLS 1.2 there; leave "system default" (0, which lets the OS pick 1.2 or 1.3) alone.
            // PowerShell 7's HttpClient ignores this setting.
            var protocols = ServicePointManager.SecurityProtocol;
            if (protocols != 0 && (protocols & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
            }
        }
    }
}
