using System.IO;
using System.Linq;
using System.Reflection;
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

        /// <summary>The configuration these tests were built with (Debug for a plain dotnet test, Release from build.ps1).</summary>
        public static string Configuration { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        /// <summary>The module folder of this configuration's build (Directory.Build.props' ModuleOutputDirectory).</summary>
        public static string ModuleFolder { get; } = Path.GetFullPath(Metadata("ModuleOutputDirectory")).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        public static string ModuleManifest { get; } = Path.Combine(ModuleFolder, "OAuthAudit.psd1");

        /// <summary>The Azure Automation package of this configuration's build.</summary>
        public static string ModulePackage { get; } = Path.GetFullPath(Metadata("ModulePackagePath"));

        public static string DemoSnapshot { get; } = Path.Combine(Root, "samples", "demo-org.json");

        private static string Metadata(string key) =>
            typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
    }
}
