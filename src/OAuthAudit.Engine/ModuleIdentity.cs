using System.Reflection;

namespace OAuthAudit.Engine
{
    internal static class ModuleIdentity
    {
        public static string Version { get; } =
            typeof(ModuleIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

        public static string UserAgent { get; } = "OAuthAudit/" + Version;
    }
}
