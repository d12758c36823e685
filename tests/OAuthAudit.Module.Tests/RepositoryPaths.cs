using System;
using System.IO;
using System.Text.RegularExpressions;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Where the repository, the built module and the samples are, found from the test binaries.</summary>
    internal static class RepositoryPaths
    {
        public static string Root { get; } = FindRoot();

        public static string ModuleVersion { get; } =
            Regex.Match(File.ReadAllText(Path.Combine(Root, "OAuthAudit.psd1")), @"ModuleVersion\s*=\s*'(?<v>[^']+)'").Groups["v"].Value;

        public static string ModuleManifest { get; } = Path.Combine(Root, "out", "OAuthAudit", ModuleVersion, "OAuthAudit.psd1");

        public static string DemoSnapshot { get; } = Path.Combine(Root, "samples", "demo-org.json");

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OAuthAudit.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("OAuthAudit.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
