using System.Collections.Generic;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Benchmarks
{
    /// <summary>What an evaluation of many clients came to: results by outcome, findings by kind (so a benchmark's work cannot be optimised away, and a test can check it).</summary>
    public sealed class EvaluationTotals
    {
        public int Results { get; private set; }

        public int Findings { get; private set; }

        public int Waived { get; private set; }

        public Dictionary<Outcome, int> Outcomes { get; } = new Dictionary<Outcome, int>();

        public Dictionary<FindingKind, int> Kinds { get; } = new Dictionary<FindingKind, int>();

        public void Add(ClientAuditResult result)
        {
            Results++;
            Outcomes[result.Outcome] = Outcomes.TryGetValue(result.Outcome, out var outcomes) ? outcomes + 1 : 1;
            foreach (var finding in result.Findings)
            {
                Findings++;
                Waived += finding.Waived ? 1 : 0;
                Kinds[finding.Kind] = Kinds.TryGetValue(finding.Kind, out var kinds) ? kinds + 1 : 1;
            }
        }

        public override string ToString() => $"{Results} results, {Findings} findings ({Waived} waived)";
    }
}
