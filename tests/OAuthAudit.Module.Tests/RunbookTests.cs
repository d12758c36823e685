using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// samples/runbooks/Invoke-OAuthAudit.ps1 as an Azure Automation job runs it, on the demo snapshot: the results it
    /// writes, its warnings and summary, the AuditFailed error that fails the job, and a job that completes when
    /// nothing fails at -FailOn.
    /// </summary>
    public sealed class RunbookTests : IDisposable
    {
        /// <summary>
        /// What the Automation sandbox provides: the account's modules on PSModulePath (here out/, where the build lays
        /// the module out, so the runbook's Import-Module OAuthAudit finds it by name), Get-AutomationPSCredential (here
        /// it records the asset names asked for) and Write-Output, which this engine (Core cmdlets only) lacks. The
        /// runbook runs as a script block, so no execution policy applies.
        /// </summary>
        private const string Sandbox = """
            $modules = [System.IO.Path]::GetDirectoryName([System.IO.Path]::GetDirectoryName([System.IO.Path]::GetDirectoryName($manifest)))
            if (($env:PSModulePath -split [System.IO.Path]::PathSeparator) -notcontains $modules) {
                $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath
            }

            $global:credentialAssetsRead = [System.Collections.Generic.List[string]]::new()
            function Get-AutomationPSCredential {
                param([Parameter(Mandatory = $true)] [string] $Name)
                $global:credentialAssetsRead.Add($Name)
                [pscredential]::new('runbook-client-id', $secret)
            }

            if (-not (Get-Command Write-Output -ErrorAction SilentlyContinue)) {
                function Write-Output {
                    param([Parameter(Position = 0, ValueFromPipeline = $true)] $InputObject)
                    process { $InputObject }
                }
            }

            $runbook = [scriptblock]::Create([System.IO.File]::ReadAllText($runbookPath))
            """;

        private const string LenientBaseline = """
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata:
              name: runbook-lenient
            spec:
              rules:
                - id: RB-001
                  description: Tokens live at most a day.
                  severity: Medium
                  maxAccessTokenValiditySeconds: 86400
                - id: RB-002
                  description: Only active clients.
                  severity: Low
                  allowedStates: [active]
            """;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-runbook-" + Guid.NewGuid().ToString("N"));
        private readonly PowerShellSession _shell = new PowerShellSession();

        public RunbookTests()
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(Path.Combine(_folder, "lenient.yml"), LenientBaseline);
            _shell.Run(Sandbox, new()
            {
                ["runbookPath"] = Path.Combine(RepositoryPaths.Root, "samples", "runbooks", "Invoke-OAuthAudit.ps1"),
                ["manifest"] = RepositoryPaths.ModuleManifest,
                ["secret"] = LiveOrganization.Secure("runbook-secret"),
                ["demo"] = RepositoryPaths.DemoSnapshot,
                ["lenient"] = Path.Combine(_folder, "lenient.yml"),
            }).ThrowIfFailed();
        }

        public void Dispose()
        {
            _shell.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void The_demo_organization_gets_its_results_a_warning_per_failing_finding_and_a_Failed_job()
        {
            var expected = OutcomeCounts(baseline: null);

            var result = _shell.Run("& $runbook -SnapshotPath $demo -Verbose");

            var error = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.Equal("AuditFailed", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.IsType<InvalidOperationException>(error.Exception);
            Assert.Contains("fail baseline 'oauthaudit-default' at or above High", error.ToString());
            Assert.All((object[])error.TargetObject, failing => Assert.Equal("Fail", Property(failing, "Outcome")));
            AssertResults(result, expected);
            var summary = RunbookVerbose(result);
            Assert.Equal("OAuth audit of Northwind Contact Center against baseline 'oauthaudit-default': 40 clients, failing the job at High or above.", summary[0]);
            AssertSummary(summary, expected);
            Assert.NotEmpty(result.Warnings);
            Assert.Contains($"{result.Warnings.Count} outstanding finding(s) at High or above.", summary);
            Assert.All(result.Warnings, line => Assert.True(line.StartsWith("[Critical] ", StringComparison.Ordinal) || line.StartsWith("[High] ", StringComparison.Ordinal), line));
            Assert.Equal(result.Warnings.OrderBy(line => line.StartsWith("[High]", StringComparison.Ordinal)), result.Warnings);
            Assert.DoesNotContain(summary, line => line.StartsWith("No client fails", StringComparison.Ordinal));
            AssertDisconnectedWithoutCredentials();
        }

        [Fact]
        public void A_baseline_with_nothing_at_or_above_FailOn_completes_the_job()
        {
            var expected = OutcomeCounts(baseline: "$lenient");

            var result = _shell.Run("& $runbook -SnapshotPath $demo -BaselinePath $lenient -Verbose");

            Assert.True(!result.AllErrors.Any(), string.Join("\n", result.AllErrors.Select(error => $"{error.FullyQualifiedErrorId}: {error}")));
            AssertResults(result, expected);
            var summary = RunbookVerbose(result);
            Assert.Equal("OAuth audit of Northwind Contact Center against baseline 'runbook-lenient': 40 clients, failing the job at High or above.", summary[0]);
            AssertSummary(summary, expected);
            Assert.True(expected["Fail"] > 0, "the lenient baseline has Medium findings on the demo organization, which fail clients but not the job");
            Assert.Contains("0 outstanding finding(s) at High or above.", summary);
            Assert.Empty(result.Warnings);
            Assert.Equal("No client fails baseline 'runbook-lenient' at High or above.", summary[^1]);
            AssertDisconnectedWithoutCredentials();
        }

        [Fact]
        public void FailOn_lowers_the_bar_with_the_same_baseline()
        {
            var result = _shell.Run("& $runbook -SnapshotPath $demo -BaselinePath $lenient -FailOn Medium");

            var error = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.Equal("AuditFailed", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("fail baseline 'runbook-lenient' at or above Medium", error.ToString());
            Assert.Contains(result.Warnings, line => line.StartsWith("[Medium] RB-001 ", StringComparison.Ordinal));
            Assert.Equal(40, result.Output.Count);
            AssertDisconnectedWithoutCredentials();
        }

        [Fact]
        public void Each_client_is_evaluated_once()
        {
            var result = _shell.Run("""
                $global:auditCalls = [System.Collections.Generic.List[string]]::new()
                function global:Test-GcOAuthClientScope {
                    [CmdletBinding()] param([Parameter(ValueFromPipeline = $true)] $InputObject, $BaselineObject)
                    begin { $global:auditCalls.Add('Test') }
                    process { $global:auditCalls.Add('client'); $InputObject | OAuthAudit\Test-GcOAuthClientScope -BaselineObject $BaselineObject }
                }
                function global:Assert-GcOAuthClientScope { $global:auditCalls.Add('Assert') }
                & $runbook -SnapshotPath $demo -BaselinePath $lenient
                """);

            Assert.Null(result.Terminating);
            Assert.Equal(40, result.Output.Count);
            var calls = _shell.Run("$global:auditCalls").ThrowIfFailed().Output.Select(item => item.ToString()).ToArray();
            Assert.Equal(new[] { "Test" }.Concat(Enumerable.Repeat("client", 40)), calls);
        }

        [Fact]
        public void Without_a_snapshot_it_reads_the_credential_asset_and_connects_to_the_region()
        {
            var result = _shell.Run("& $runbook -Region mars-north-1 -CredentialName OtherAsset");

            Assert.Equal(new[] { "OtherAsset" }, CredentialAssetsRead());
            var error = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.Equal("ParameterArgumentValidationError", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("'mars-north-1' is not a Genesys Cloud region", error.ToString());
            Assert.Empty(result.Output);
            Assert.Empty(_shell.Run("Get-GcContext").Output);
        }

        [Fact]
        public void Without_a_region_or_a_snapshot_it_fails_with_RegionRequired_saying_what_to_give()
        {
            var result = _shell.Run("& $runbook");

            var error = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.Equal("RegionRequired", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("Give -Region", error.ToString());
            Assert.Empty(CredentialAssetsRead());
            Assert.Empty(result.Output);
        }

        [Fact]
        public void The_runbook_is_an_advanced_script_and_never_throws_a_bare_string()
        {
            var ast = System.Management.Automation.Language.Parser.ParseFile(Path.Combine(RepositoryPaths.Root, "samples", "runbooks", "Invoke-OAuthAudit.ps1"), out _, out var errors);

            Assert.Empty(errors);
            Assert.NotNull(ast.ParamBlock!.Attributes.SingleOrDefault(attribute => attribute.TypeName.Name == "CmdletBinding"));
            Assert.Empty(ast.FindAll(node => node is System.Management.Automation.Language.ThrowStatementAst, searchNestedScriptBlocks: true));
            Assert.Empty(ast.FindAll(node => node is System.Management.Automation.Language.CommandAst command && command.GetCommandName() == "Assert-GcOAuthClientScope", searchNestedScriptBlocks: true));
        }

        /// <summary>Each outcome's count when the same clients are audited directly.</summary>
        private Dictionary<string, int> OutcomeCounts(string? baseline)
        {
            var outcomes = _shell.Run(
                "Connect-GcOrganization -SnapshotPath $demo | Out-Null\n" +
                $"Get-GcOAuthClient | Test-GcOAuthClientScope {(baseline == null ? string.Empty : "-Baseline " + baseline)} | ForEach-Object {{ [string]$_.Outcome }}\n" +
                "Disconnect-GcOrganization").ThrowIfFailed().Output.Select(item => item.ToString()).ToArray();
            Assert.Equal(40, outcomes.Length);
            return new[] { "Fail", "Warning", "Pass", "NotApplicable" }.ToDictionary(outcome => outcome, outcome => outcomes.Count(item => item == outcome));
        }

        /// <summary>The results the job wrote: one per client, with the outcome a direct audit gives.</summary>
        private static void AssertResults(ScriptResult result, Dictionary<string, int> expected)
        {
            Assert.Equal(40, result.Output.Count);
            Assert.All(result.Output, item => Assert.Equal("OAuthAudit.Engine.Rules.ClientAuditResult", item.BaseObject.GetType().FullName));
            foreach (var (outcome, count) in expected)
            {
                Assert.Equal(count, result.Output.Count(item => item.Properties["Outcome"].Value.ToString() == outcome));
            }
        }

        /// <summary>The runbook's own verbose lines: from its summary on, up to the module's "Disconnected from" line.</summary>
        private static string[] RunbookVerbose(ScriptResult result) =>
            result.Verbose.SkipWhile(line => !line.StartsWith("OAuth audit of ", StringComparison.Ordinal))
                .TakeWhile(line => !line.StartsWith("Disconnected from ", StringComparison.Ordinal)).ToArray();

        private static string Property(object item, string name) => PSObject.AsPSObject(item).Properties[name].Value.ToString()!;

        private static void AssertSummary(string[] lines, Dictionary<string, int> expected)
        {
            foreach (var (outcome, count) in expected)
            {
                Assert.Contains(lines, line => line.Trim().Split(':') is [var name, var value] && name == outcome && value.Trim() == count.ToString());
            }
        }

        private void AssertDisconnectedWithoutCredentials()
        {
            Assert.Empty(_shell.Run("Get-GcContext").Output);
            Assert.Empty(CredentialAssetsRead());
        }

        private string[] CredentialAssetsRead() =>
            _shell.Run("$global:credentialAssetsRead").ThrowIfFailed().Output.Select(item => item.ToString()).ToArray();
    }
}
