using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Results judged one at a time (outside a run) gathered into runs: one per organization, data source and
    /// baseline, in the order each first appears. Each result remembers the connection it was read through and the
    /// baseline that judged it, so the run's organization, source and baseline (rules, hash) are the ones that
    /// actually produced it. The run spans the results' evaluation times, starting no later than the clients were read.
    /// </summary>
    public static class ResultRuns
    {
        /// <exception cref="ArgumentException">A result does not say which connection and baseline produced it.</exception>
        public static IReadOnlyList<AuditRun> Build(IEnumerable<ClientAuditResult> results)
        {
            var groups = new List<(GcContext Context, Baseline Baseline, List<ClientAuditResult> Results)>();
            var seen = new HashSet<ClientAuditResult>(ReferenceComparer.Instance);
            foreach (var result in results ?? throw new ArgumentNullException(nameof(results)))
            {
                if (result == null || !seen.Add(result))
                {
                    continue;
                }

                if (result.Context == null || result.JudgedBy == null)
                {
                    throw new ArgumentException($"The result for client '{result.ClientId}' does not say which connection and baseline produced it, so no run can be built from it.", nameof(results));
                }

                var group = groups.FirstOrDefault(candidate => SameRun(candidate.Context, candidate.Baseline, result.Context, result.JudgedBy));
                if (group.Results == null)
                {
                    group = (result.Context, result.JudgedBy, new List<ClientAuditResult>());
                    groups.Add(group);
                }

                group.Results.Add(result);
            }

            return groups.Select(group =>
            {
                var started = group.Results.Min(result => result.EvaluatedAt.UtcDateTime);
                var finished = group.Results.Max(result => result.EvaluatedAt.UtcDateTime);
                var builder = AuditRunBuilder.For(group.Context, group.Baseline, started);
                foreach (var readAt in group.Results.Where(result => result.FactsReadAt.HasValue).Select(result => result.FactsReadAt!.Value))
                {
                    builder.FactsReadAt(readAt);
                }

                return builder.AddRange(group.Results).Build(finished);
            }).ToArray();
        }

        // Same organization, same source (live, or the same capture) and same baseline text: one run. A baseline
        // not read by the loader has no hash and matches only itself.
        private static bool SameRun(GcContext context, Baseline baseline, GcContext otherContext, Baseline otherBaseline) =>
            string.Equals(context.OrganizationId, otherContext.OrganizationId, StringComparison.Ordinal)
            && context.Source == otherContext.Source
            && Equals(context.CapturedAt, otherContext.CapturedAt)
            && (ReferenceEquals(baseline, otherBaseline)
                || (baseline.Sha256 != null && string.Equals(baseline.Sha256, otherBaseline.Sha256, StringComparison.Ordinal) && string.Equals(baseline.Name, otherBaseline.Name, StringComparison.Ordinal)));

        private sealed class ReferenceComparer : IEqualityComparer<ClientAuditResult>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(ClientAuditResult? x, ClientAuditResult? y) => ReferenceEquals(x, y);

            public int GetHashCode(ClientAuditResult obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
