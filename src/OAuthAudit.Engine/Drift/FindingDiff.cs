using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>
    /// The findings about one client that appeared or were resolved between two audits with the same baseline at the
    /// same time, a finding keyed by its rule, kind and subject (so waivers apply alike to both sides).
    /// </summary>
    internal static class FindingDiff
    {
        public static void Compare(IReadOnlyList<Finding> before, IReadOnlyList<Finding> after, ChangeSink sink)
        {
            var held = Keyed(before);
            var now = Keyed(after);
            foreach (var finding in now.Where(entry => !held.ContainsKey(entry.Key)).Select(entry => entry.Value))
            {
                sink.Add(ChangeKind.FindingAppeared, finding.RuleId, null, Text(finding), DriftRisk.FindingAppeared(finding),
                    $"New finding {finding.RuleId} ({finding.Severity}{(finding.Waived ? ", waived" : string.Empty)}): {finding.Message}");
            }

            foreach (var finding in held.Where(entry => !now.ContainsKey(entry.Key)).Select(entry => entry.Value))
            {
                sink.Add(ChangeKind.FindingResolved, finding.RuleId, Text(finding), null, DriftRisk.FindingResolved,
                    $"Resolved finding {finding.RuleId} ({finding.Severity}): {finding.Message}");
            }
        }

        private static string Text(Finding finding) => $"{finding.Kind}: {finding.Subject}";

        private static Dictionary<string, Finding> Keyed(IEnumerable<Finding> findings)
        {
            var keyed = new Dictionary<string, Finding>(StringComparer.Ordinal);
            foreach (var finding in findings)
            {
                var key = finding.RuleId + "\n" + finding.Kind + "\n" + finding.Subject;
                if (!keyed.ContainsKey(key))
                {
                    keyed.Add(key, finding);
                }
            }

            return keyed;
        }
    }
}
