using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>docs/ARCHITECTURE.md describes the code as it is: every path it names exists and every type or key it names is in the code in the repository.</summary>
    public class ArchitectureDocTests
    {
        private static readonly string Doc = Path.Combine(RepositoryPaths.Root, "docs", "ARCHITECTURE.md");

        [Fact]
        public void Every_path_the_architecture_notes_name_exists()
        {
            var paths = Regex.Matches(File.ReadAllText(Doc), @"`((?:src|tests|samples|docs)/[^`<>*]+?)`").Select(match => match.Groups[1].Value.TrimEnd('/')).Distinct().ToArray();

            Assert.True(paths.Length >= 15, $"{paths.Length} paths");
            Assert.All(paths, path => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, path)) || Directory.Exists(Path.Combine(RepositoryPaths.Root, path)), $"{path} does not exist"));
        }

        [Fact]
        public void Every_name_the_architecture_notes_give_is_in_the_code()
        {
            var sources = new[] { "src", "tests" }
                .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories))
                .Where(file => file.EndsWith(".cs") || file.EndsWith(".csproj"))
                .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .Concat(new[] { Path.Combine(RepositoryPaths.Root, "OAuthAudit.psd1"), Path.Combine(RepositoryPaths.Root, "Directory.Build.props") });
            var words = sources.SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\b[A-Za-z]\w*\b").Select(match => match.Value)).ToHashSet();
            var named = Regex.Matches(File.ReadAllText(Doc), @"`([A-Z][A-Za-z]+)(?:<T>)?(?:\.\w+)?`").Select(match => match.Groups[1].Value)
                .Where(name => name.Any(char.IsLower) && name.Skip(1).Any(char.IsUpper))
                .Distinct().ToArray();

            Assert.True(named.Length >= 30, $"{named.Length} names");
            Assert.All(named, name => Assert.True(words.Contains(name), $"{name} appears nowhere in the code"));
        }
    }
}
