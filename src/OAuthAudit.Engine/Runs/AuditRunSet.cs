using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// The audit runs of several organizations taken together: one run per organization (keyed by id, so no
    /// organization is counted twice), each keeping its own baseline, source and times, and the totals over all of
    /// them. Written as the multi-organization document of docs/audit-run.md (<see cref="AuditRunSetJson"/>).
    /// </summary>
    public sealed class AuditRunSet
    {
        /// <summary>The document's kind, which tells it from a single run's document (which has no kind).</summary>
        public const string Kind = "OAuthAudit.AuditRunSet";

        private AuditRunSet(ValueList<AuditRun> runs)
        {
            Runs = runs;
            Summary = RunSummary.Of(runs);
        }

        /// <summary>The runs, in the order given.</summary>
        /// <exception cref="ArgumentException">No run is given, or two are of one organization.</exception>
        public static AuditRunSet Of(IEnumerable<AuditRun> runs)
        {
            var list = (runs ?? throw new ArgumentNullException(nameof(runs))).ToArray();
            if (list.Length == 0)
            {
                throw new ArgumentException("A set of audit runs needs at least one run; none was given.", nameof(runs));
            }

            if (list.Any(run => run == null))
            {
                throw new ArgumentException("A run of the set is missing (null).", nameof(runs));
            }

            var twice = list.GroupBy(run => run.Organization.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
            if (twice != null)
            {
                throw new ArgumentException(DisplayText.Visible($"{twice.Count()} runs are of organization {twice.First().Organization}; a set of runs holds one run per organization, so that no organization is counted twice."), nameof(runs));
            }

            return new AuditRunSet(ValueList.From(list));
        }

        public int Organizations => Runs.Count;

        /// <summary>Totals over every run: clients by outcome, outstanding findings by severity, waived findings, run errors.</summary>
        public RunSummary Summary { get; }

        public ValueList<AuditRun> Runs { get; }

        public override string ToString() => $"{Organizations} organizations: {Summary}";
    }
}
