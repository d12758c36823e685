using System.Management.Automation;
using System.Net;

namespace OAuthAudit
{
    /// <summary>Runs when the module is imported.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            // Windows PowerShell 5.1 on older .NET Framework defaults may offer TLS 1.0 only; Genesys Cloud needs 1.2+.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }
    }
}
