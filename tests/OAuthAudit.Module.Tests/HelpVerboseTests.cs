using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>What the help quotes of the verbose stream is what the module writes; every example parses.</summary>
    public class HelpVerboseTests
    {
        private static readonly string HelpFile = Path.Combine(RepositoryPaths.Root, "src", "OAuthAudit", "Help", "en-US", "OAuthAudit.dll-Help.xml");

        /// <summary>Runs every cmdlet with -Verbose against the emulator, a retry included, so each verbose message the help quotes can be seen.</summary>
        private const string EveryVerboseLine = LiveOrganization.Connect + " -Verbose | Out-Null\n"
            + "Get-GcOAuthClient -Verbose | Out-Null\n"
            + "Get-GcOAuthScope -Verbose | Out-Null\n"
            + "Get-GcAuthorizationRole -Verbose | Out-Null\n"
            + "Get-GcAuthorizationDivision -Verbose | Out-Null\n"
            + "Get-GcOAuthBaseline -Path $baseline -Verbose | Out-Null\n"
            + "Get-GcOAuthClient | Test-GcOAuthClientScope -Verbose | Out-Null\n"
            + "Get-GcContext -Verbose | Out-Null\n"
            + "Disconnect-GcOrganization -Verbose\n"
            + "Disconnect-GcOrganization -Verbose\n"
            + "Get-GcContext -Verbose\n";

        [Fact]
        public async Task Every_verbose_line_the_help_quotes_is_one_the_module_writes()
        {
            var quoted = QuotedVerboseLines().ToArray();
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault("/api/v2/oauth/clients", 503));
            var variables = org.Variables();
            variables["baseline"] = Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml");

            var result = org.Shell.Run(EveryVerboseLine, variables).ThrowIfFailed();

            Assert.True(quoted.Length >= 5, $"found only {quoted.Length} quoted verbose lines in the help");
            var missing = quoted.Where(line => !result.Verbose.Any(written => Pattern(line).IsMatch(written))).ToArray();
            Assert.True(missing.Length == 0,
                "The help quotes verbose lines the module does not write:\n  " + string.Join("\n  ", missing)
                + "\nThe module wrote:\n  " + string.Join("\n  ", result.Verbose));
        }

        [Fact]
        public void Every_example_of_every_cmdlet_is_valid_PowerShell()
        {
            var examples = Help().Descendants().Where(element => element.Name.LocalName == "example").ToArray();
            var broken = new List<string>();
            foreach (var example in examples)
            {
                var title = example.Elements().First(element => element.Name.LocalName == "title").Value.Trim();
                var command = example.Ancestors().First(element => element.Name.LocalName == "command").Descendants().First(element => element.Name.LocalName == "name").Value.Trim();
                foreach (var code in example.Elements().Where(element => element.Name.LocalName == "code"))
                {
                    foreach (var block in CodeBlocks(code.Value))
                    {
                        Parser.ParseInput(block, out _, out var errors);
                        broken.AddRange(errors.Select(error => $"{command} {title}: {error.Message} in:\n{block}"));
                    }
                }
            }

            Assert.True(examples.Length >= 40, $"{examples.Length} examples");
            Assert.True(broken.Count == 0, string.Join("\n", broken));
        }

        /// <summary>
        /// The parts of an example that are PowerShell: blocks separated by blank lines, the first always, the
        /// others unless they look like output (a table's dashes, "Name : value" lines, an elided "...", the text of
        /// findings: "NW-002 (High, waived): ...").
        /// </summary>
        private static IEnumerable<string> CodeBlocks(string code)
        {
            var blocks = Regex.Split(code.Replace("\r\n", "\n").Trim('\n'), @"\n[ \t]*\n");
            yield return blocks[0];
            foreach (var block in blocks.Skip(1))
            {
                var looksLikeOutput = Regex.IsMatch(block, @"(?m)^-{2,}(?:\s+-{2,})*\s*$|^\w[\w ]*?\s+: |^\.\.\.|…|^[A-Z]+-\d+ \((?:Critical|High|Medium|Low|Info)\b");
                if (!looksLikeOutput)
                {
                    yield return block;
                }
            }
        }

        /// <summary>The "…" texts a paragraph quotes after saying what -Verbose shows (up to where it turns to -Debug).</summary>
        private static IEnumerable<string> QuotedVerboseLines()
        {
            foreach (var para in Help().Descendants().Where(element => element.Name.LocalName == "para").Select(element => element.Value))
            {
                var start = para.IndexOf("-Verbose", StringComparison.Ordinal);
                if (start < 0)
                {
                    continue;
                }

                var end = para.IndexOf("-Debug", start, StringComparison.Ordinal);
                var part = end < 0 ? para.Substring(start) : para.Substring(start, end - start);
                foreach (Match quote in Regex.Matches(part, "\"([^\"]+)\""))
                {
                    yield return quote.Groups[1].Value;
                }
            }
        }

        /// <summary>A quoted line as a pattern: numbers, 'names' and file paths are placeholders, the rest literal.</summary>
        private static Regex Pattern(string quoted)
        {
            var pattern = new StringBuilder();
            var at = 0;
            foreach (Match part in Regex.Matches(quoted, @"'[^']*'|\d+(?:\.\d+)?|(?:/|[A-Za-z]:\\)\S*?(?=:\s|\s|$)"))
            {
                pattern.Append(Regex.Escape(quoted.Substring(at, part.Index - at)));
                pattern.Append(part.Value[0] == '\'' ? "'[^']*'" : char.IsDigit(part.Value[0]) ? @"\d+(?:\.\d+)?" : @"\S+?");
                at = part.Index + part.Length;
            }

            pattern.Append(Regex.Escape(quoted.Substring(at)));
            return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
        }

        private static XDocument Help() => XDocument.Load(HelpFile);
    }
}
