using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// The PowerShell scripts this machine cannot run (no pwsh here): build.ps1, samples/**/*.ps1 and the Pester
    /// tests. They must at least parse, and the Pester files must be shaped as Pester 5 runs them.
    /// </summary>
    public class ScriptParsingTests
    {
        private static readonly string PesterFolder = Path.Combine(RepositoryPaths.Root, "tests", "pester");

        /// <summary>Commands Pester 5 allows at the top of a test file: everything else runs during discovery, not the run.</summary>
        private static readonly HashSet<string> TopLevelCommands = new(StringComparer.OrdinalIgnoreCase) { "Describe", "BeforeAll", "AfterAll", "BeforeDiscovery" };

        public static IEnumerable<object[]> Scripts() =>
            Directory.EnumerateFiles(PesterFolder, "*.ps1")
                .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "samples"), "*.ps1", SearchOption.AllDirectories))
                .Append(Path.Combine(RepositoryPaths.Root, "build.ps1"))
                .Select(path => new object[] { Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/') });

        public static IEnumerable<object[]> PesterTestFiles() => TestFiles().Select(path => new object[] { Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/') });

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Script_parses_without_errors(string relativePath)
        {
            var (_, errors) = Parse(relativePath);

            Assert.True(
                errors.Length == 0,
                $"{relativePath} has {errors.Length} parse error(s):\n" +
                string.Join("\n", errors.Select(error => $"{relativePath}:{error.Extent.StartLineNumber}:{error.Extent.StartColumnNumber}: {error.Message} ({error.ErrorId})")));
        }

        [Fact]
        public void The_scripts_checked_include_build_ps1_the_Pester_tests_and_their_helper()
        {
            var scripts = Scripts().Select(row => (string)row[0]).ToArray();

            Assert.Contains("build.ps1", scripts);
            Assert.Contains("tests/pester/TestHelpers.ps1", scripts);
            Assert.Contains("samples/runbooks/Invoke-OAuthAudit.ps1", scripts);
            Assert.NotEmpty(TestFiles());
            foreach (var expected in new[] { "Connect", "Get-GcOAuthClient", "Get-GcOAuthScope", "Snapshot", "Secrets" })
            {
                Assert.Contains($"tests/pester/{expected}.Tests.ps1", scripts);
            }
        }

        [Theory]
        [MemberData(nameof(PesterTestFiles))]
        public void Each_Pester_file_has_It_blocks_that_assert_with_Should(string relativePath)
        {
            var (ast, errors) = Parse(relativePath);
            Assert.Empty(errors);

            var its = Commands(ast, "It").ToArray();

            Assert.True(its.Length > 0, $"{relativePath} has no It block");
            foreach (var it in its)
            {
                var body = it.CommandElements.OfType<ScriptBlockExpressionAst>().LastOrDefault();
                var line = $"{relativePath}:{it.Extent.StartLineNumber}";
                Assert.True(body != null, $"{line}: It without a script block");
                Assert.True(Commands(body!, "Should").Any(), $"{line}: It '{Name(it)}' asserts nothing (no Should)");
                Assert.True(HasAncestorCommand(it, "Describe"), $"{line}: It '{Name(it)}' must be inside a Describe block");
            }
        }

        [Theory]
        [MemberData(nameof(PesterTestFiles))]
        public void Each_Pester_file_does_its_setup_in_BeforeAll_not_at_discovery(string relativePath)
        {
            var (ast, _) = Parse(relativePath);

            Assert.Null(ast.ParamBlock);
            Assert.Null(ast.BeginBlock);
            Assert.Null(ast.ProcessBlock);
            foreach (var statement in ast.EndBlock.Statements)
            {
                var command = statement is PipelineAst { PipelineElements.Count: 1 } pipeline ? pipeline.PipelineElements[0] as CommandAst : null;
                Assert.True(
                    command != null && TopLevelCommands.Contains(command.GetCommandName() ?? string.Empty),
                    $"{relativePath}:{statement.Extent.StartLineNumber}: '{FirstLine(statement)}' runs at discovery; put it in BeforeAll (Pester 5)");
            }

            var dotSources = ast.FindAll(node => node is CommandAst { InvocationOperator: TokenKind.Dot }, true).Cast<CommandAst>().ToArray();
            Assert.All(dotSources, dotSource => Assert.True(HasAncestorCommand(dotSource, "BeforeAll"), $"{relativePath}:{dotSource.Extent.StartLineNumber}: dot-source the helpers in BeforeAll"));
        }

        private static IEnumerable<string> TestFiles() => Directory.EnumerateFiles(PesterFolder, "*.Tests.ps1").OrderBy(path => path, StringComparer.Ordinal);

        private static (ScriptBlockAst Ast, ParseError[] Errors) Parse(string relativePath)
        {
            var ast = Parser.ParseFile(Path.Combine(RepositoryPaths.Root, relativePath), out _, out var errors);
            return (ast, errors);
        }

        private static IEnumerable<CommandAst> Commands(Ast scope, string name) =>
            scope.FindAll(node => node is CommandAst command && IsNamed(command, name), true).Cast<CommandAst>();

        private static bool IsNamed(CommandAst command, string name) => string.Equals(command.GetCommandName(), name, StringComparison.OrdinalIgnoreCase);

        private static bool HasAncestorCommand(Ast node, string name)
        {
            for (var parent = node.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is CommandAst command && IsNamed(command, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Name(CommandAst it) => it.CommandElements.OfType<StringConstantExpressionAst>().Skip(1).FirstOrDefault()?.Value
            ?? it.CommandElements.OfType<ExpandableStringExpressionAst>().FirstOrDefault()?.Value
            ?? "?";

        private static string FirstLine(Ast node) => node.Extent.Text.Split('\n')[0].Trim();
    }
}
