using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// out/OAuthAudit.zip, the package Azure Automation imports (Automation account > Modules > Add a module): the laid-out
    /// module under one top folder, nothing else, and it imports and audits from wherever it is extracted.
    /// </summary>
    public sealed class PackageTests : IDisposable
    {
        /// <summary>Set in a child process: the PowerShell script <see cref="StartupHook"/> runs there.</summary>
        internal const string ChildScriptVariable = "OAUTHAUDIT_TESTS_CHILD_SCRIPT";

        private const string Top = "OAuthAudit/";

        private static readonly string ZipPath = RepositoryPaths.ModulePackage;

        private static readonly string LaidOutFolder = RepositoryPaths.ModuleFolder;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-package-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        [Fact]
        public void The_build_writes_the_package_after_the_module()
        {
            var builtDll = Path.Combine(LaidOutFolder, "OAuthAudit.dll");

            Assert.True(File.Exists(ZipPath), $"the build (PackModule target; build.ps1 -Task Package) writes {ZipPath}");
            Assert.True(
                File.GetLastWriteTimeUtc(ZipPath) >= File.GetLastWriteTimeUtc(builtDll),
                $"{ZipPath} ({File.GetLastWriteTimeUtc(ZipPath):O}) is older than the module it packs, {builtDll} ({File.GetLastWriteTimeUtc(builtDll):O})");
        }

        [Fact]
        public void The_package_is_exactly_the_laid_out_module_under_one_top_folder()
        {
            using var zip = ZipFile.OpenRead(ZipPath);
            var entries = zip.Entries.Where(entry => !entry.FullName.EndsWith("/", StringComparison.Ordinal)).ToDictionary(entry => entry.FullName, StringComparer.Ordinal);
            var laidOut = Directory.EnumerateFiles(LaidOutFolder, "*", SearchOption.AllDirectories)
                .ToDictionary(path => Top + Path.GetRelativePath(LaidOutFolder, path).Replace('\\', '/'), StringComparer.Ordinal);

            Assert.All(zip.Entries, entry => Assert.DoesNotContain('\\', entry.FullName));
            Assert.All(zip.Entries, entry => Assert.StartsWith(Top, entry.FullName));
            Assert.Equal(laidOut.Keys.OrderBy(name => name, StringComparer.Ordinal), entries.Keys.OrderBy(name => name, StringComparer.Ordinal));
            foreach (var (name, path) in laidOut)
            {
                using var packed = entries[name].Open();
                using var copy = new MemoryStream();
                packed.CopyTo(copy);
                Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(copy.ToArray()), $"{name} in the package differs from {path}");
            }

            foreach (var required in new[] { "OAuthAudit.psd1", "OAuthAudit.dll", "OAuthAudit.Engine.dll", "OAuthAudit.format.ps1xml", "OAuthAudit.types.ps1xml", "OAuthAudit.Deserialization.types.ps1xml", "dependencies/YamlDotNet.dll", "dependencies/OAuthAudit.Yaml.dll", "en-US/OAuthAudit.dll-Help.xml", "en-US/about_OAuthAudit.help.txt", "LICENSE" })
            {
                Assert.Contains(Top + required, entries.Keys);
            }

            Assert.Single(entries.Keys, name => name.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase));
            foreach (var name in entries.Keys)
            {
                var file = name.Substring(name.LastIndexOf('/') + 1);
                Assert.False(file.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase), $"{name}: no debug symbols in the package");
                Assert.False(
                    new[] { "Tests", "Emulator", "xunit", "testhost", "TestPlatform" }.Any(part => file.Contains(part, StringComparison.OrdinalIgnoreCase)),
                    $"{name}: no test or emulator assemblies in the package");
                Assert.False(
                    new[] { "System.Runtime.Loader.dll", "System.Management.Automation.dll", "PowerShellStandard.Library.dll" }.Contains(file, StringComparer.OrdinalIgnoreCase),
                    $"{name}: PowerShell and the runtime provide this; packing it breaks the import");
            }
        }

        /// <summary>
        /// In a fresh process, as an Automation worker would: this test process already has the module's assemblies
        /// loaded from out/, so an import here would quietly reuse them instead of the extracted ones.
        /// </summary>
        [Fact]
        public void The_extracted_package_imports_by_folder_and_audits_in_a_fresh_process()
        {
            ZipFile.ExtractToDirectory(ZipPath, _folder);
            var module = Path.Combine(_folder, "OAuthAudit");

            var (exitCode, lines) = RunInFreshProcess("""
                $ErrorActionPreference = 'Stop'
                Import-Module $env:OAUTHAUDIT_TESTS_MODULE
                'base=' + (Get-Module OAuthAudit).ModuleBase
                Connect-GcOrganization -SnapshotPath $env:OAUTHAUDIT_TESTS_DEMO | Out-Null
                'clients=' + (Get-GcOAuthClient).Count
                $results = @(Get-GcOAuthClient | Test-GcOAuthClientScope)
                'results=' + $results.Count
                'failing=' + @($results | Where-Object Outcome -eq Fail).Count
                'examples=' + @((Get-Help Get-GcOAuthClient).examples.example).Count
                [AppDomain]::CurrentDomain.GetAssemblies() |
                    Where-Object { $_.GetName().Name -in 'OAuthAudit', 'OAuthAudit.Engine', 'OAuthAudit.Yaml', 'YamlDotNet' } |
                    ForEach-Object { 'assembly=' + $_.GetName().Name + '=' + $_.Location }
                """,
                new Dictionary<string, string> { ["OAUTHAUDIT_TESTS_MODULE"] = module, ["OAUTHAUDIT_TESTS_DEMO"] = RepositoryPaths.DemoSnapshot });

            var report = string.Join("\n", lines);
            Assert.True(exitCode == 0, $"the fresh process failed (exit code {exitCode}):\n{report}");
            Assert.Contains("base=" + module, lines);
            Assert.Contains("clients=40", lines);
            Assert.Contains("results=40", lines);
            Assert.DoesNotContain("failing=0", lines);
            Assert.DoesNotContain("examples=0", lines);
            var loaded = lines.Where(line => line.StartsWith("assembly=", StringComparison.Ordinal))
                .Select(line => line.Substring("assembly=".Length).Split('=', 2))
                .ToDictionary(parts => parts[0], parts => parts[1]);
            Assert.Equal(Path.Combine(module, "OAuthAudit.dll"), loaded["OAuthAudit"]);
            Assert.Equal(Path.Combine(module, "OAuthAudit.Engine.dll"), loaded["OAuthAudit.Engine"]);
            Assert.Equal(Path.Combine(module, "dependencies", "OAuthAudit.Yaml.dll"), loaded["OAuthAudit.Yaml"]);
            Assert.Equal(Path.Combine(module, "dependencies", "YamlDotNet.dll"), loaded["YamlDotNet"]);
        }

        /// <summary>
        /// Starts this test assembly again with itself as a startup hook (there is no pwsh here to start): the hook runs
        /// the script in a new runspace, writes each output line, and exits before the assembly's empty Main.
        /// </summary>
        internal static (int ExitCode, string[] Lines) RunInFreshProcess(string script, Dictionary<string, string> environment)
        {
            var assembly = typeof(PackageTests).Assembly.Location;
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assembly);
            start.Environment["DOTNET_STARTUP_HOOKS"] = assembly;
            start.Environment[ChildScriptVariable] = script;
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the fresh PowerShell process did not finish within 2 minutes");
            }

            var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
            lines.AddRange(error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "stderr: " + line.TrimEnd('\r')));
            return (process.ExitCode, lines.ToArray());
        }

        /// <summary>What the child process does: runs the script and reports each output item and error as a line.</summary>
        internal static int RunChildScript(string script)
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            using var shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            try
            {
                foreach (var item in shell.Invoke())
                {
                    Console.WriteLine(item?.ToString());
                }
            }
            catch (RuntimeException failure)
            {
                Console.WriteLine($"error={failure.ErrorRecord.FullyQualifiedErrorId}: {failure.ErrorRecord}");
                return 1;
            }

            foreach (var record in shell.Streams.Error)
            {
                Console.WriteLine($"error={record.FullyQualifiedErrorId}: {record}");
            }

            return shell.HadErrors ? 1 : 0;
        }
    }
}

/// <summary>
/// The .NET startup hook (DOTNET_STARTUP_HOOKS) PackageTests starts this assembly with to run PowerShell in a fresh
/// process; in the test run itself no hook is configured and this never runs.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var script = Environment.GetEnvironmentVariable(OAuthAudit.Module.Tests.PackageTests.ChildScriptVariable);
        if (script != null)
        {
            Environment.Exit(OAuthAudit.Module.Tests.PackageTests.RunChildScript(script));
        }
    }
}
