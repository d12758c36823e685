using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>
    /// Compares two readings of one organization, client by client (keyed by id, so a rename is one change), and
    /// lists the changes by client name, then id, then kind. Registry changes (a scope leaving or joining the scope
    /// registry, a role's name or permissions, a division's name or removal) are listed once for each client that holds
    /// the entry on both sides: an entry no client holds changes no client's access. With an evaluator, each change's
    /// risk takes the baseline into account (see <see cref="DriftRisk"/>) and, when asked, both sides are audited with
    /// it and the findings that appeared or were resolved are listed too (keyed by rule, kind and subject).
    /// </summary>
    public sealed class SnapshotComparer
    {
        private static readonly IReadOnlyList<Finding> NoFindings = new Finding[0];

        private readonly BaselineEvaluator? _evaluator;
        private readonly bool _compareFindings;

        /// <param name="evaluator">The baseline the risks are judged by (and the findings compared with); none judges risks by the changes alone.</param>
        /// <param name="compareFindings">Also list the findings that appeared and were resolved (needs an evaluator).</param>
        public SnapshotComparer(BaselineEvaluator? evaluator = null, bool compareFindings = false)
        {
            if (compareFindings && evaluator == null)
            {
                throw new ArgumentException("Comparing findings needs a baseline evaluator.", nameof(compareFindings));
            }

            _evaluator = evaluator;
            _compareFindings = compareFindings;
        }

        /// <exception cref="OrganizationMismatchException">The readings are of different organizations.</exception>
        /// <exception cref="PatternTimeoutException">A baseline name pattern ran out of time on a client.</exception>
        public IReadOnlyList<OAuthClientChange> Compare(OrganizationReading reference, OrganizationReading difference)
        {
            if (!string.Equals(reference.Organization.Id, difference.Organization.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw new OrganizationMismatchException(reference.Organization.Id, reference.Organization.Name, difference.Organization.Id, difference.Organization.Name);
            }

            var before = ById(reference.Clients);
            var after = ById(difference.Clients);
            var changes = new List<OAuthClientChange>();
            foreach (var id in after.Keys.Concat(before.Keys.Where(id => !after.ContainsKey(id))))
            {
                before.TryGetValue(id, out var was);
                after.TryGetValue(id, out var now);
                CompareClient(difference.Organization, was, now, changes);
            }

            return changes
                .OrderBy(change => change.ClientName, StringComparer.OrdinalIgnoreCase)
                .ThenBy(change => change.ClientName, StringComparer.Ordinal)
                .ThenBy(change => change.ClientId, StringComparer.Ordinal)
                .ThenBy(change => change.Change)
                .ThenBy(change => change.Property, StringComparer.Ordinal)
                .ThenBy(change => change.Before ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(change => change.After ?? string.Empty, StringComparer.Ordinal)
                .ToArray();
        }

        private void CompareClient(Organization organization, OAuthClient? before, OAuthClient? after, List<OAuthClientChange> changes)
        {
            var client = (after ?? before)!;
            var findingsAfter = after != null && _evaluator != null ? _evaluator.Evaluate(after).Findings : NoFindings;
            var sink = new ChangeSink(organization.Id, organization.Name, client.Id, client.Name, changes);
            var risk = new DriftRisk(findingsAfter);
            if (before == null)
            {
                sink.Add(ChangeKind.ClientAdded, "Client", null, after!.Name, risk.ClientAdded(after),
                    $"'{after.Name}' was added: a {after.AuthorizedGrantType} client holding {(after.Access.Length == 0 ? "nothing" : after.Access)}.");
            }
            else if (after == null)
            {
                sink.Add(ChangeKind.ClientRemoved, "Client", before.Name, null, DriftRisk.Removal, $"'{before.Name}' was removed.");
            }
            else
            {
                ClientDiff.Compare(before, after, risk, sink);
            }

            if (_compareFindings)
            {
                var findingsBefore = before != null ? _evaluator!.Evaluate(before).Findings : NoFindings;
                FindingDiff.Compare(findingsBefore, findingsAfter, sink);
            }
        }

        private static Dictionary<string, OAuthClient> ById(IEnumerable<OAuthClient> clients)
        {
            var byId = new Dictionary<string, OAuthClient>(StringComparer.OrdinalIgnoreCase);
            foreach (var client in clients)
            {
                if (byId.ContainsKey(client.Id))
                {
                    throw new ArgumentException($"The organization lists client id '{client.Id}' twice.", nameof(clients));
                }

                byId.Add(client.Id, client);
            }

            return byId;
        }
    }
}
