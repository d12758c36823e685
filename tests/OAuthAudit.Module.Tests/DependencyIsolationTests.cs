using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// The module beside another module that brings its own YamlDotNet (11.2.1, as powershell-yaml does): both
    /// orders of import, in one session, and both keep working.
    /// </summary>
    public sealed class DependencyIsolationTests : IDisposable
    {
        private const string OtherModule = """
            param([string] $YamlDotNetPath)
            $script:YamlAssembly = [System.Reflection.Assembly]::LoadFrom($YamlDotNetPath)
            function ConvertFrom-OtherYaml {
                param([string] $Text)
                $deserializer = [YamlDotNet.Serialization.Deserializer]::new()
                $deserializer.Deserialize([System.IO.StringReader]::new($Text))
            }
            function Get-OtherYamlVersion { [YamlDotNet.Serialization.Deserializer].Assembly.GetName().Version.ToString() }
            Export-ModuleMember -Function ConvertFrom-OtherYaml, Get-OtherYamlVersion
            """;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-isolation-" + Guid.NewGuid().ToString("N"));
        private readonly PowerShellSession _shell = new PowerShellSession(importModule: false);

        public DependencyIsolationTests()
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(Path.Combine(_folder, "OtherYaml.psm1"), OtherModule);
        }

        public void Dispose()
        {
            _shell.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void The_other_module_first_then_this_one_both_work()
        {
            var result = Run(ImportOther, UseOther, ImportOurs, UseOurs, UseOther);

            Assert.Equal(new[] { "11.0.0.0", "northwind", "northwind-policy", "15", "11.0.0.0", "northwind" }, result);
        }

        [Fact]
        public void This_module_first_then_the_other_both_work()
        {
            var result = Run(ImportOurs, UseOurs, ImportOther, UseOther, UseOurs);

            Assert.Equal(new[] { "northwind-policy", "15", "11.0.0.0", "northwind", "northwind-policy", "15" }, result);
        }

        [Fact]
        public void The_module_keeps_its_YamlDotNet_out_of_the_shared_load_context()
        {
            Run(ImportOurs, UseOurs);

            var shared = System.Runtime.Loader.AssemblyLoadContext.Default.Assemblies.Where(assembly => assembly.GetName().Name == "YamlDotNet").Select(assembly => assembly.GetName().Version!.Major);
            Assert.DoesNotContain(16, shared);
            var ours = AppDomain.CurrentDomain.GetAssemblies().Single(assembly => assembly.GetName().Name == "OAuthAudit.Yaml");
            Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(ours));
        }

        [Fact]
        public void The_parser_shares_the_one_engine_the_module_uses_and_nothing_of_the_module_loads_privately()
        {
            Run(ImportOurs, UseOurs);

            var loaded = AppDomain.CurrentDomain.GetAssemblies();
            var module = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(loaded.Single(assembly => assembly.GetName().Name == "OAuthAudit"));
            var engine = Assert.Single(loaded, assembly => assembly.GetName().Name == "OAuthAudit.Engine");
            Assert.Same(module, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(engine));
            var yaml = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(loaded.Single(assembly => assembly.GetName().Name == "OAuthAudit.Yaml"))!;
            Assert.Equal("OAuthAudit.Hosting.DependencyLoadContext", yaml.GetType().FullName);
            Assert.Equal(new[] { "OAuthAudit.Yaml", "YamlDotNet" }, yaml.Assemblies.Select(assembly => assembly.GetName().Name).OrderBy(name => name, StringComparer.Ordinal));
        }

        private static string OtherYamlDotNet =>
            typeof(DependencyIsolationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "OtherYamlDotNet").Value!;

        private string ImportOther => $"Import-Module '{Path.Combine(_folder, "OtherYaml.psm1")}' -ArgumentList '{OtherYamlDotNet}'";

        private static string UseOther => "Get-OtherYamlVersion; (ConvertFrom-OtherYaml 'org: northwind')['org']";

        private static string ImportOurs => $"Import-Module '{RepositoryPaths.ModuleManifest}'; Connect-GcOrganization -SnapshotPath '{RepositoryPaths.DemoSnapshot}' | Out-Null";

        private static string UseOurs =>
            $"(Get-GcOAuthBaseline '{Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml")}').Name; " +
            $"(Get-GcOAuthClient | Test-GcOAuthClientScope -WarningAction SilentlyContinue | Where-Object Outcome -eq Fail).Count";

        private string[] Run(params string[] steps) =>
            _shell.Run(string.Join("\n", steps)).ThrowIfFailed().Output.Select(item => item.ToString()).ToArray();
    }
}
