using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Bad baselines stop the audit before any client is judged, with file, line and column.</summary>
    public sealed class BaselineInputTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-baselines-" + Guid.NewGuid().ToString("N"));
        private readonly PowerShellSession _shell = new PowerShellSession();

        public BaselineInputTests()
        {
            Directory.CreateDirectory(_folder);
            _shell.Run("Connect-GcOrganization -SnapshotPath $snapshot | Out-Null; $ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null", new() { ["snapshot"] = RepositoryPaths.DemoSnapshot, ["folder"] = _folder }).ThrowIfFailed();
        }

        public void Dispose()
        {
            _shell.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [Theory]
        [InlineData("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: x }\nspec:\n  rules:\n    - id: A\n      description: d\n      severity: Severe\n      forbiddenScopes: [oauth]\n", 8, "Severe")]
        [InlineData("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: x }\nspec:\n  rules:\n    - id: A\n      description: d\n      severity: High\n      forbiddenScope: [oauth]\n", 9, "forbiddenScope")]
        [InlineData("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: x }\nspec:\n  rules:\n    - id: A\n      description: d\n      severity: High\n      match: { namePatterns: ['(unclosed'] }\n      forbiddenScopes: [oauth]\n", 9, "(unclosed")]
        [InlineData("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: x\nspec: [\n", 4, "")]
        public void A_bad_baseline_stops_the_audit_with_file_line_and_column(string yaml, int line, string fragment)
        {
            var path = Path.Combine(_folder, "bad.yml");
            File.WriteAllText(path, yaml);

            var result = _shell.Run("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./bad.yml");

            Assert.Empty(result.Output);
            var error = result.AssertTerminating("BaselineInvalid", ErrorCategory.InvalidData);
            Assert.StartsWith($"Baseline '{path}', line {line}, column ", error.ToString());
            Assert.Contains(fragment, error.ToString());
            Assert.Equal(path, error.TargetObject);
        }

        [Fact]
        public void A_baseline_with_several_mistakes_reports_them_all_in_one_error_and_judges_nothing()
        {
            var path = Path.Combine(_folder, "several.yml");
            File.WriteAllText(path, "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: x }\nspec:\n  rules:\n"
                + "    - id: A\n      description: d\n      severity: Severe\n      forbiddenScopes: [oauth]\n"
                + "    - id: B\n      description: d\n      severity: High\n      forbiddenScope: [oauth]\n"
                + "    - id: C\n      description: d\n      severity: High\n      maxAccessTokenValiditySeconds: a day\n");

            var result = _shell.Run("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./several.yml");

            Assert.Empty(result.Output);
            var error = result.AssertTerminating("BaselineInvalid", ErrorCategory.InvalidData);
            var lines = error.ToString().Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
            Assert.Equal(4, lines.Length);
            Assert.Equal($"Baseline '{path}', line 8, column 17: 'spec.rules[0].severity' is 'Severe', which is not a severity; expected one of Critical, High, Medium, Low, Info.", lines[0]);
            Assert.StartsWith($"Baseline '{path}', line 13, column 7: unknown key 'forbiddenScope' in 'spec.rules[1]'.", lines[1]);
            Assert.Equal($"Baseline '{path}', line 17, column 38: 'spec.rules[2].maxAccessTokenValiditySeconds' is 'a day'; a whole number of seconds (86400 is 24 hours), 1 or more, expected.", lines[2]);
            Assert.Equal("3 problems in all; fix each, then run the command again.", lines[3]);
            Assert.Equal(path, error.TargetObject);
        }

        [Fact]
        public void A_missing_baseline_file_or_a_folder_is_refused()
        {
            var missing = _shell.Run("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./absent.yml");
            var folder = _shell.Run("Get-GcOAuthBaseline -Path .");

            Assert.Empty(missing.Output);
            Assert.Contains("There is no baseline file", missing.AssertTerminating("BaselineNotFound", ErrorCategory.ObjectNotFound).ToString());
            Assert.Contains("is a folder", folder.AssertTerminating("BaselineNotFound", ErrorCategory.ObjectNotFound).ToString());
        }

        [Fact]
        public void Baseline_and_BaselineObject_together_are_refused()
        {
            var result = _shell.Run("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./x.yml -BaselineObject (Get-GcOAuthBaseline)");

            Assert.Empty(result.Output);
            result.AssertTerminating("ConflictingBaselines", ErrorCategory.InvalidArgument);
        }
    }
}
