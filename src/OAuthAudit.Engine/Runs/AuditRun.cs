using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// One audit of one organization against one baseline: who judged, what, by which rules, when, with what outcome,
    /// and what could not be judged. Reports, snapshots, drift and multi-organization merges read this one object
    /// (as JSON, <see cref="AuditRunJson"/>). It holds no credential or token by construction.
    /// </summary>
    public sealed class AuditRun
    {
        /// <summary>The version of the JSON document; raised only when a field changes meaning or goes away (docs/audit-run.md).</summary>
        public const int SchemaVersion = 1;

        internal AuditRun(RunTool tool, RunOrganization organization, RunDataSource dataSource, RunBaseline baseline, UtcTimestamp startedAt, UtcTimestamp finishedAt,
            ValueList<ClientAuditResult> results, ValueList<RunError> errors)
        {
            Tool = tool;
            Organization = organization;
            DataSource = dataSource;
            Baseline = baseline;
            StartedAt = startedAt;
            FinishedAt = finishedAt;
            Results = results;
            Errors = errors;
            Summary = new RunSummary(results, errors.Count);
        }

        public RunTool Tool { get; }

        public RunOrganization Organization { get; }

        public RunDataSource DataSource { get; }

        public RunBaseline Baseline { get; }

        public UtcTimestamp StartedAt { get; }

        public UtcTimestamp FinishedAt { get; }

        public RunSummary Summary { get; }

        /// <summary>One result per client, in the order they were judged; Error and Skipped results among them.</summary>
        public ValueList<ClientAuditResult> Results { get; }

        public ValueList<RunError> Errors { get; }

        public override string ToString() => DisplayText.Visible($"{Organization.Name} vs {Baseline.Name}: {Summary}")!;
    }
}
