using System.IO;
using System.Text.RegularExpressions;
using OAuthAudit.Tests.Shared;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Where the built module and the samples are.</summary>
    internal static class RepositoryPaths
    {
        public static string Root => RepositoryRoot.Path;

        public static string SourceManifest { get; } = Path.Combine(Root, "OAuthAudit.psd1");

        public static string ModuleVersion { get; } =
            Regex.Match(File.ReadAllText(SourceManifest), @"ModuleVersion\s*=\s*'(?<v>[^']+)'").Groups["v"].Value;

        public static string ModuleManifest { get; } = Path.Combine(Root, "out", "OAuthAudit", ModuleVersion, "OAuthAudit.psd1");

        public static string DemoSnapshot { get; } = Path.Combine(Root, "samples", "demo-org.json");
    }
}
