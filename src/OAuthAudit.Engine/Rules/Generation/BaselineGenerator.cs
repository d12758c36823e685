using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Engine.Rules.Writing;

namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>
    /// Generates a baseline that today's organization passes: one rule per group of clients (ClientGroups) holding
    /// what the group holds today (GroupDemands), written through BaselineYamlWriter, read back with the module's
    /// own parser and checked against every client before anyone sees it. It never writes a waiver.
    /// </summary>
    public static class BaselineGenerator
    {
        public const string RuleIdPrefix = "GEN-";

        /// <summary>A generated rule's breach is drift from the reviewed state: it fails the client.</summary>
        public const Severity RuleSeverity = Severity.High;

        /// <summary>The header line that carries the generation time: the only line that differs between two generations of the same organization.</summary>
        public const string GeneratedAtLine = "Generated at ";

        /// <summary>Reads every client of the directory's organization (the whole checked listing) and generates from them.</summary>
        /// <param name="read">Reads baseline text back (the module's parser); a text it refuses is never returned.</param>
        /// <param name="listed">Called with each client the listing holds, for progress.</param>
        public static GeneratedBaseline Generate(OrganizationDirectory directory, Operation operation, BaselineGrouping grouping, DateTime generatedAt, Func<string, Baseline> read, Action<int>? listed = null) =>
            Generate(directory.Organization, directory.GetClients(operation, listed: listed).ToArray(), grouping, generatedAt, read);

        /// <exception cref="BaselineTooLargeException">The rules would be more than a baseline may hold.</exception>
        /// <exception cref="Files.FileFormatException">The parser refused the text written (a defect: nothing is to be saved).</exception>
        public static GeneratedBaseline Generate(Organization organization, IReadOnlyList<OAuthClient> clients, BaselineGrouping grouping, DateTime generatedAt, Func<string, Baseline> read)
        {
            if (clients.Count == 0)
            {
                throw new ArgumentException($"Organization '{organization.Name}' ({organization.Id}) has no OAuth clients; a baseline needs at least one rule, and there is nothing to describe.", nameof(clients));
            }

            var evaluation = new EvaluationContext(generatedAt);
            var groups = ClientGroups.For(clients, grouping);
            var width = Math.Max(3, groups.Count.ToString(CultureInfo.InvariantCulture).Length);
            var rules = new List<BaselineRule>();
            var notes = new List<ReviewNote>();
            for (var index = 0; index < groups.Count; index++)
            {
                var group = groups[index];
                var id = RuleIdPrefix + (index + 1).ToString("D" + width, CultureInfo.InvariantCulture);
                var (demands, groupNotes) = GroupDemands.For(group, evaluation);
                rules.Add(new BaselineRule(id, Describe(group), RuleSeverity, null, group.Match, Exemptions(group, clients), demands));
                notes.AddRange(groupNotes.Select(note => new ReviewNote(id, note)));
            }

            var baseline = new Baseline(
                YamlScalars.WritableProse($"Generated from {organization.Name}"),
                YamlScalars.WritableProse($"The OAuth clients of organization '{organization.Name}' ({organization.Id}) as they are today, {Grouped(grouping)}; review and tighten before relying on it."),
                "(generated)",
                ValueList.From(rules),
                ValueList<Waiver>.Empty,
                reportUnmatchedClients: true);
            var byRule = notes.ToLookup(note => note.RuleId, StringComparer.Ordinal);
            var text = BaselineYamlWriter.Write(baseline, Header(organization, grouping, generatedAt, clients.Count, rules.Count, notes.Count), rule => Comments(byRule[rule.Id]));

            var bytes = new UTF8Encoding(false).GetByteCount(text.Text);
            if (text.Nodes > BaselineLoader.MaximumNodes || bytes > BaselineLoader.MaximumSize)
            {
                throw new BaselineTooLargeException(rules.Count, clients.Count, text.Nodes, bytes);
            }

            var readBack = read(text.Text);
            if (readBack.Waivers.Count > 0 || readBack.Rules.Count != rules.Count)
            {
                throw new InvalidOperationException($"The generated baseline read back with {readBack.Rules.Count} rules and {readBack.Waivers.Count} waivers; it was written with {rules.Count} rules and none.");
            }

            var evaluator = new BaselineEvaluator(readBack, evaluation);
            var flagged = clients.Select(evaluator.Evaluate).Where(result => result.Findings.Any(finding => finding.Severity > Severity.Info && !finding.Waived));
            return new GeneratedBaseline(text, readBack, clients.Count, ValueList.From(notes), ValueList.From(flagged.ToArray()));
        }

        /// <summary>Clients the group's match selects that are not its members (a name pattern reaching into another group): exempted by id.</summary>
        private static ClientMatch? Exemptions(ClientGroup group, IReadOnlyList<OAuthClient> clients)
        {
            var members = new HashSet<OAuthClient>(group.Members);
            var others = clients.Where(client => !members.Contains(client) && group.Match.Matches(client)).Select(client => client.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();
            return others.Length == 0 ? null : new ClientMatch(ValueList<string>.Empty, ValueList<string>.Empty, ValueList.From(others), ValueList<string>.Empty, ValueList<string>.Empty);
        }

        private static string Describe(ClientGroup group) => YamlScalars.WritableProse(
            group.Members.Count == 1
                ? $"{group.Whom}: holds no more than it holds today (1 client when generated)."
                : $"{group.Whom}: hold no more than they hold today ({group.Members.Count} clients when generated).");

        private static string Grouped(BaselineGrouping grouping) => grouping switch
        {
            BaselineGrouping.GrantType => "one rule per grant type",
            BaselineGrouping.Client => "one rule per client",
            _ => "one rule per grant type and common name prefix",
        };

        private static IEnumerable<string> Header(Organization organization, BaselineGrouping grouping, DateTime generatedAt, int clients, int rules, int notes)
        {
            yield return $"Generated by {Runs.RunTool.Current} from the {clients} OAuth clients of organization '{organization.Name}' (id {organization.Id}).";
            yield return GeneratedAtLine + ((UtcTimestamp)generatedAt.ToUniversalTime()).ToString() + ".";
            yield return $"Grouped by {grouping}: {Grouped(grouping)}; {rules} rules.";
            yield return "Each rule holds what its clients hold today, so the organization passes it: it records what is, not what should be.";
            yield return "Review every rule before relying on it: narrow allowedScopes, allowedDivisions and token lifetimes where the clients need less.";
            yield return notes == 0
                ? "No escalation paths, all-division grants, wildcard permissions or other risky access were found to review."
                : $"{notes} REVIEW comments name what to tighten first: escalation paths, all-division grants, wildcard permissions and other risky access held today.";
            yield return "The built-in baseline's rules are not part of this one; audit against both.";
            yield return "No waivers are written: an exception is accepted by a person, with a rationale and an expiry date.";
        }

        private static IEnumerable<string> Comments(IEnumerable<ReviewNote> notes) => notes.Select(note => "REVIEW: " + note.Text);
    }
}
