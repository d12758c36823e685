using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// What Import-Module loads, in a fresh process (this test process has everything loaded already): the cmdlets and
    /// the engine only. The YAML parser, JSON, the HTML report's templates and .NET Framework's TLS settings are loaded
    /// by the first command that needs them, and are there after it. (Import time itself is measured by the benchmark,
    /// never asserted here.)
    /// </summary>
    public sealed class ImportLoadTests : IDisposable
    {
        private const string Script = """
            $ErrorActionPreference = 'Stop'
            $watched = 'OAuthAudit', 'OAuthAudit.Engine', 'OAuthAudit.Yaml', 'YamlDotNet', 'System.Net.Requests', 'System.Net.Security'
            function Write-Loaded([string] $Stage) {
                $names = [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name }
                foreach ($name in $watched) { if ($names -contains $name) { "$Stage=assembly:$name" } }
                if ($Stage -ne 'before') {
                    $template = [OAuthAudit.Engine.Reports.ReportWriters].Assembly.GetType('OAuthAudit.Engine.Reports.HtmlTemplate', $true)
                    foreach ($field in 'PageText', 'StyleText', 'ScriptText') {
                        if ($template.GetField($field, [System.Reflection.BindingFlags] 'NonPublic, Static').GetValue($null).IsValueCreated) { "$Stage=template:$field" }
                    }
                }
            }
            Write-Loaded before
            Import-Module $env:OAUTHAUDIT_TESTS_MODULE
            Write-Loaded import
            Connect-GcOrganization -SnapshotPath $env:OAUTHAUDIT_TESTS_DEMO | Out-Null
            $clients = @(Get-GcOAuthClient)
            Write-Loaded list
            $results = @($clients | Test-GcOAuthClientScope)
            Write-Loaded audit
            $results | Export-GcOAuthAuditReport -Path ([System.IO.Path]::Combine($env:OAUTHAUDIT_TESTS_FOLDER, 'audit.html')) | Out-Null
            Write-Loaded report
            'results=' + $results.Count
            """;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-import-" + Guid.NewGuid().ToString("N"));

        public ImportLoadTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Import_loads_the_cmdlets_and_engine_only_and_each_dependency_comes_with_its_first_use()
        {
            var (exitCode, lines) = PackageTests.RunInFreshProcess(Script, new Dictionary<string, string>
            {
                ["OAUTHAUDIT_TESTS_MODULE"] = RepositoryPaths.ModuleManifest,
                ["OAUTHAUDIT_TESTS_DEMO"] = RepositoryPaths.DemoSnapshot,
                ["OAUTHAUDIT_TESTS_FOLDER"] = _folder,
            });

            Assert.True(exitCode == 0, $"the fresh process failed (exit code {exitCode}):\n{string.Join("\n", lines)}");
            Assert.Contains("results=40", lines);
            var before = Stage(lines, "before");
            Assert.DoesNotContain("assembly:OAuthAudit", before);

            // Import: the cmdlets and the engine; nothing else the module brings or touches.
            Assert.Equal(new[] { "assembly:OAuthAudit", "assembly:OAuthAudit.Engine" }, Stage(lines, "import").Except(before));

            // Listing needs no baseline: the parser and the report templates are still not loaded. (Newtonsoft.Json is
            // not watched: PowerShell itself loads it.)
            Assert.Empty(Stage(lines, "list").Except(Stage(lines, "import")));

            // The audit reads the default baseline: the parser and its YamlDotNet, in their own load context.
            Assert.Equal(new[] { "assembly:OAuthAudit.Yaml", "assembly:YamlDotNet" }, Stage(lines, "audit").Except(Stage(lines, "list")).OrderBy(item => item, StringComparer.Ordinal));

            // The HTML report reads its page, style and script.
            Assert.Equal(new[] { "template:PageText", "template:StyleText", "template:ScriptText" }, Stage(lines, "report").Except(Stage(lines, "audit")));
            Assert.True(File.Exists(Path.Combine(_folder, "audit.html")));

            // PowerShell 7 never touches .NET Framework's TLS settings (ServicePointManager), so never loads them.
            Assert.DoesNotContain("assembly:System.Net.Requests", Stage(lines, "report").Except(before));
        }

        private static string[] Stage(IEnumerable<string> lines, string stage) =>
            lines.Where(line => line.StartsWith(stage + "=", StringComparison.Ordinal)).Select(line => line.Substring(stage.Length + 1)).ToArray();
    }
}
