using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.Evaluation;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// Checks clients against a baseline. It sees only the in-memory client, so live and snapshot audits
    /// give the same verdicts. Waivers and deprecation dates apply as of the evaluation time given.
    /// </summary>
    public sealed class BaselineEvaluator
    {
        public const string NoRuleId = "(no rule)";

        private readonly Baseline _baseline;
        private readonly EvaluationContext _context;
        private readonly CompiledRule[] _rules;
        private readonly Dictionary<string, Waiver[]> _activeWaivers;

        // Remediations come from a few fixed texts and the baseline's: each made display-safe once, not per finding.
        private readonly ConcurrentDictionary<string, string> _shownRemediations = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        public BaselineEvaluator(Baseline baseline, DateTime now)
            : this(baseline, new EvaluationContext(now))
        {
        }

        /// <summary>Compiles the baseline once: each rule's checks (their patterns and fixed texts), and the active waivers by rule.</summary>
        public BaselineEvaluator(Baseline baseline, EvaluationContext context)
        {
            _baseline = baseline;
            _context = context;
            _rules = baseline.Rules.Select(rule => new CompiledRule(rule, RuleChecks.For(rule))).ToArray();
            _activeWaivers = baseline.Waivers.Where(waiver => !waiver.IsExpired(context.Now))
                .GroupBy(waiver => waiver.RuleId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(rule => rule.Key, rule => rule.ToArray(), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Judges the client by every rule that applies. A rule whose demands need data the run lacks (usage not
        /// loaded), or that cannot judge the client on the data there is, is not checked: it is listed in
        /// SkippedRules, and a client whose every applying rule was skipped is Skipped, never a pass.
        /// </summary>
        public ClientAuditResult Evaluate(OAuthClient client)
        {
            var loaded = Loaded(client);
            var matched = new List<CompiledRule>(_rules.Length);
            foreach (var entry in _rules)
            {
                if (AppliesTo(entry.Rule, client, loaded))
                {
                    matched.Add(entry);
                }
            }

            var context = new CheckContext(client, _context);
            var findings = new List<Finding>();
            var skipped = new List<(string RuleId, string Reason)>();
            var drafts = new List<FindingDraft>();
            foreach (var entry in matched)
            {
                var missing = entry.Rule.Needs & ~loaded;
                if (missing != RunData.None)
                {
                    skipped.Add((entry.Rule.Id, $"needs {Describe(missing)}, which this run did not load"));
                    continue;
                }

                context.NextRule();
                drafts.Clear();
                foreach (var check in entry.Checks)
                {
                    drafts.AddRange(check.Check(context));
                }

                if (context.Undecided != null)
                {
                    skipped.Add((entry.Rule.Id, context.Undecided));
                    continue;
                }

                foreach (var draft in drafts)
                {
                    var remediation = draft.RemediationOverridesRule ? Shown(draft.Remediation) : entry.ShownRemediation ?? Shown(draft.Remediation);
                    findings.Add(Finding.Shown(client, _baseline.Name, entry.Rule.Id, draft.FixedSeverity ?? entry.Rule.Severity, draft.Kind, draft.Subject,
                        $"'{client.Name}' {draft.Message}", remediation));
                }
            }

            if (matched.Count == 0 && _baseline.ReportUnmatchedClients)
            {
                findings.Add(Finding.Shown(client, _baseline.Name, NoRuleId, Severity.Info, FindingKind.NoRuleMatched, client.Name,
                    $"No rule of baseline '{_baseline.Name}' applies to '{client.Name}', so nothing about it was checked.", Shown(Remediations.WriteRule)));
            }

            foreach (var finding in findings)
            {
                var waiver = WaiverFor(finding);
                if (waiver != null)
                {
                    finding.Waive(waiver);
                }
            }

            var reason = skipped.Count == 0 ? null : string.Join("; ", skipped.Select(rule => $"{rule.RuleId} {rule.Reason}")) + ".";
            return new ClientAuditResult(client, _baseline.Name, ValueList.From(matched.Select(entry => entry.Rule.Id)), ValueList.From(findings), _context.Now,
                ValueList.From(skipped.Select(rule => rule.RuleId)), reason)
            {
                JudgedBy = _baseline,
                Context = client.Context,
            };
        }

        /// <summary>The first active waiver, in baseline order, that covers the finding; null when none does.</summary>
        private Waiver? WaiverFor(Finding finding)
        {
            if (!_activeWaivers.TryGetValue(finding.RuleId, out var waivers))
            {
                return null;
            }

            foreach (var waiver in waivers)
            {
                if (waiver.Covers(finding))
                {
                    return waiver;
                }
            }

            return null;
        }

        private string Shown(string remediation) =>
            _shownRemediations.TryGetValue(remediation, out var shown) ? shown : _shownRemediations.GetOrAdd(remediation, DisplayText.Visible(remediation)!);

        /// <summary>What this run holds for the client beyond the listing: usage when the run loaded it or the client was read with it; the change history when the run loaded it.</summary>
        private RunData Loaded(OAuthClient client) =>
            (_context.Usage != null || client.Usage != null ? RunData.Usage : RunData.None)
            | (_context.History != null ? RunData.History : RunData.None);

        private static string Describe(RunData data) =>
            string.Join(" and ", new[] { RunData.Usage, RunData.History }.Where(flag => (data & flag) != 0).Select(flag => flag == RunData.Usage ? "the clients' API usage" : "the clients' change history"));

        /// <exception cref="PatternTimeoutException">A name regular expression of the rule ran out of time on this client.</exception>
        private static bool AppliesTo(BaselineRule rule, OAuthClient client, RunData loaded)
        {
            try
            {
                return rule.AppliesTo(client, loaded);
            }
            catch (RegexMatchTimeoutException timeout)
            {
                throw new PatternTimeoutException(rule.Id, timeout.Pattern, client.Id, client.Name, ClientMatch.NamePatternTimeout, timeout);
            }
        }

        /// <summary>A rule with its checks built and its own remediation made display-safe, once per evaluator.</summary>
        private sealed class CompiledRule
        {
            public CompiledRule(BaselineRule rule, IReadOnlyList<IRuleCheck> checks)
            {
                Rule = rule;
                Checks = checks.ToArray();
                ShownRemediation = DisplayText.Visible(rule.Remediation);
            }

            public BaselineRule Rule { get; }

            public IRuleCheck[] Checks { get; }

            public string? ShownRemediation { get; }
        }
    }
}
