using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// build.ps1 and samples/**/*.ps1 must parse (a user pastes the samples; the Pester suite, run by build.ps1 on real
    /// pwsh, covers the tests themselves).
    /// </summary>
    public class ScriptParsingTests
    {
        public static IEnumerable<object[]> Scripts() =>
            Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "samples"), "*.ps1", SearchOption.AllDirectories)
                .Append(Path.Combine(RepositoryPaths.Root, "build.ps1"))
                .Select(path => new object[] { Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/') });

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Script_parses_without_errors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(RepositoryPaths.Root, relativePath), out _, out var errors);

            Assert.True(
                errors.Length == 0,
                $"{relativePath} has {errors.Length} parse error(s):\n" +
                string.Join("\n", errors.Select(error => $"{relativePath}:{error.Extent.StartLineNumber}:{error.Extent.StartColumnNumber}: {error.Message} ({error.ErrorId})")));
        }

        [Fact]
        public void The_scripts_checked_include_build_ps1_and_the_runbook()
        {
            var scripts = Scripts().Select(row => (string)row[0]).ToArray();

            Assert.Contains("build.ps1", scripts);
            Assert.Contains("samples/runbooks/Invoke-OAuthAudit.ps1", scripts);
            Assert.Contains("samples/runbooks/Start-OAuthAuditFanOut.ps1", scripts);
            Assert.Contains("samples/runbooks/Invoke-OAuthAuditOrganization.ps1", scripts);
        }
    }
}
