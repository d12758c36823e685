using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Counts of a run: clients by outcome (every outcome listed, zero included) and outstanding findings by severity
    /// (every severity listed). Error and Skipped clients are counted apart, never as passes or fails.
    /// </summary>
    public sealed class RunSummary
    {
        internal RunSummary(IReadOnlyList<ClientAuditResult> results, int errors)
        {
            Clients = results.Count;
            ByOutcome = Enum.GetValues(typeof(Outcome)).Cast<Outcome>()
                .ToDictionary(outcome => outcome, outcome => results.Count(result => result.Outcome == outcome));
            var outstanding = results.SelectMany(result => result.Findings).Where(finding => finding.IsOutstanding).ToArray();
            BySeverity = Enum.GetValues(typeof(Severity)).Cast<Severity>()
                .ToDictionary(severity => severity, severity => outstanding.Count(finding => finding.Severity == severity));
            WaivedFindings = results.Sum(result => result.WaivedCount);
            Errors = errors;
        }

        /// <summary>The totals over several runs (of one organization or many).</summary>
        internal static RunSummary Of(IReadOnlyList<AuditRun> runs) => new RunSummary(runs.SelectMany(run => run.Results).ToArray(), runs.Sum(run => run.Errors.Count));

        public int Clients { get; }

        public IReadOnlyDictionary<Outcome, int> ByOutcome { get; }

        /// <summary>Outstanding (unwaived) findings of each severity.</summary>
        public IReadOnlyDictionary<Severity, int> BySeverity { get; }

        public int WaivedFindings { get; }

        /// <summary>Entries in the run's errors (client errors and errors of the run as a whole).</summary>
        public int Errors { get; }

        public override string ToString() => string.Join(", ", ByOutcome.Where(entry => entry.Value > 0).Select(entry => $"{entry.Key} {entry.Value}"));
    }
}
