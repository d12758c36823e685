using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Combines runs (read from run documents, merged documents or objects) into one set with one run per
    /// organization, keyed by id. Runs against different baselines or sources are kept as they are: each run keeps
    /// its own. The same run given twice (byte for byte the same document) is taken once; two different runs of one
    /// organization are refused unless the caller says the latest wins.
    /// </summary>
    public static class RunMerge
    {
        /// <param name="note">Told of each run left out: the same run given again, or an older run left out by <see cref="DuplicateRuns.KeepLatest"/>.</param>
        /// <exception cref="DuplicateRunException">Two runs of one organization, and <paramref name="duplicates"/> does not settle it.</exception>
        /// <exception cref="ArgumentException">No run was given.</exception>
        public static AuditRunSet Merge(IEnumerable<MergeInput> inputs, DuplicateRuns duplicates, Action<string>? note = null)
        {
            var kept = new List<MergeInput>();
            var byOrganization = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var input in inputs ?? throw new ArgumentNullException(nameof(inputs)))
            {
                var id = input.Run.Organization.Id;
                if (!byOrganization.TryGetValue(id, out var index))
                {
                    byOrganization.Add(id, kept.Count);
                    kept.Add(input);
                    continue;
                }

                var earlier = kept[index];
                if (Same(earlier.Run, input.Run))
                {
                    note?.Invoke(DisplayText.Visible($"Organization {input.Run.Organization}: {input.Origin} is the same run as {earlier.Origin}; it is taken once.")!);
                    continue;
                }

                var order = earlier.Run.FinishedAt.CompareTo(input.Run.FinishedAt);
                if (duplicates != DuplicateRuns.KeepLatest || order == 0)
                {
                    throw new DuplicateRunException(earlier, input, tie: duplicates == DuplicateRuns.KeepLatest);
                }

                var (winner, loser) = order < 0 ? (input, earlier) : (earlier, input);
                kept[index] = winner;
                note?.Invoke(DisplayText.Visible($"Organization {input.Run.Organization}: kept {winner.Origin} (finished {winner.Run.FinishedAt}), left out {loser.Origin} (finished {loser.Run.FinishedAt}).")!);
            }

            return AuditRunSet.Of(kept.Select(input => input.Run));
        }

        // The same run reached the merge twice (a merged document and the file it was merged from): one run, nothing counted twice.
        private static bool Same(AuditRun first, AuditRun second) =>
            ReferenceEquals(first, second)
            || (first.FinishedAt == second.FinishedAt && first.StartedAt == second.StartedAt && string.Equals(AuditRunJson.Write(first), AuditRunJson.Write(second), StringComparison.Ordinal));
    }
}
