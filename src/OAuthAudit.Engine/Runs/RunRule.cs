using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>A baseline rule as a run records it: what a report needs to name and explain it.</summary>
    public sealed class RunRule
    {
        public RunRule(string id, string description, Severity severity, string? remediation)
        {
            Id = id;
            Description = description;
            Severity = severity;
            Remediation = remediation;
        }

        internal static RunRule Of(BaselineRule rule) => new RunRule(rule.Id, rule.Description, rule.Severity, rule.Remediation);

        public string Id { get; }

        public string Description { get; }

        public Severity Severity { get; }

        public string? Remediation { get; }

        public override string ToString() => DisplayText.Visible($"{Id} ({Severity}): {Description}")!;
    }
}
