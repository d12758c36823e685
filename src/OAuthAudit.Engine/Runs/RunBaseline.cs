using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>The baseline a run judged by: its name, where it came from, the hash of its text, and its rules.</summary>
    public sealed class RunBaseline
    {
        public RunBaseline(string name, string source, string? sha256, ValueList<RunRule> rules)
        {
            Name = name;
            Source = source;
            Sha256 = sha256;
            Rules = rules;
        }

        internal static RunBaseline Of(Baseline baseline) =>
            new RunBaseline(baseline.Name, baseline.Source, baseline.Sha256, ValueList.From(baseline.Rules.Select(RunRule.Of)));

        public string Name { get; }

        /// <summary>The file it was read from, or "(built-in)".</summary>
        public string Source { get; }

        /// <summary>Lowercase hex SHA-256 of the baseline file's bytes (of the built-in text in UTF-8); empty when the baseline was not read by the loader.</summary>
        public string? Sha256 { get; }

        public ValueList<RunRule> Rules { get; }

        public override string ToString() => DisplayText.Visible($"{Name} ({Rules.Count} rules)")!;
    }
}
