using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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

        [ThreadStatic]
        private static string[]? _matchedBuffer;

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
            _activeWaivers = baseline.Waivers.Where(waiver => !waiver.IsExpired(context.Now))
                .GroupBy(waiver => waiver.RuleId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(rule => rule.Key, rule => rule.ToArray(), StringComparer.OrdinalIgnoreCase);
            _rules = baseline.Rules.Select(rule => new CompiledRule(rule, RuleChecks.For(rule), WaiversOf(rule.Id))).ToArray();
        }

        /// <summary>
        /// Judges the client by every rule that applies. A rule whose demands need data the run lacks (usage not
        /// loaded), or that cannot judge the client on the data there is, is not checked: it is listed in
        /// SkippedRules, and a client whose every applying rule was skipped is Skipped, never a pass.
        /// </summary>
        public ClientAuditResult Evaluate(OAuthClient client)
        {
            var loaded = Loaded(client);
            var found = new ClientFindings(this, client);
            var context = new CheckContext(client, _context, found);
            var matched = MatchedBuffer(_rules.Length);
            var matchedCount = 0;
            List<(string RuleId, string Reason)>? skipped = null;
            foreach (var entry in _rules)
            {
                if (!AppliesTo(entry.Rule, client, loaded))
                {
                    continue;
                }

                matched[matchedCount++] = entry.Rule.Id;
                var missing = entry.Rule.Needs & ~loaded;
                if (missing != RunData.None)
                {
                    (skipped ??= new List<(string, string)>()).Add((entry.Rule.Id, $"needs {Describe(missing)}, which this run did not load"));
                    continue;
                }

                context.NextRule();
                found.StartRule(entry);
                foreach (var check in entry.Checks)
                {
                    check.Check(context);
                }

                if (context.Undecided != null)
                {
                    found.DropRule();
                    (skipped ??= new List<(string, string)>()).Add((entry.Rule.Id, context.Undecided));
                }
            }

            if (matchedCount == 0 && _baseline.ReportUnmatchedClients)
            {
                var finding = Finding.Shown(client, _baseline.Name, NoRuleId, Severity.Info, FindingKind.NoRuleMatched, client.Name,
                    $"No rule of baseline '{_baseline.Name}' applies to '{client.Name}', so nothing about it was checked.", Shown(Remediations.WriteRule));
                found.Add(finding, WaiversOf(NoRuleId));
            }

            var matchedIds = new string[matchedCount];
            Array.Copy(matched, matchedIds, matchedCount);
            return new ClientAuditResult(client, _baseline.Name, ValueList<string>.Of(matchedIds), found.ToList(), _context.Now,
                skipped == null ? null : SkippedIds(skipped), skipped == null ? null : SkippedReason(skipped))
            {
                JudgedBy = _baseline,
                Context = client.Context,
                FactsReadAt = client.ReadAt,
            };
        }

        /// <summary>This thread's buffer for the ids of the rules a client matches (one per thread: evaluators judge clients on several at once).</summary>
        private static string[] MatchedBuffer(int rules)
        {
            var buffer = _matchedBuffer;
            if (buffer == null || buffer.Length < rules)
            {
                _matchedBuffer = buffer = new string[rules];
            }

            return buffer;
        }

        private static ValueList<string> SkippedIds(List<(string RuleId, string Reason)> skipped)
        {
            var ids = new string[skipped.Count];
            for (var index = 0; index < ids.Length; index++)
            {
                ids[index] = skipped[index].RuleId;
            }

            return ValueList<string>.Of(ids);
        }

        /// <summary>"GC-010 needs ...; GC-011 needs ....": each skipped rule with why.</summary>
        private static string SkippedReason(List<(string RuleId, string Reason)> skipped)
        {
            var reason = new StringBuilder();
            foreach (var (ruleId, why) in skipped)
            {
                (reason.Length == 0 ? reason : reason.Append("; ")).Append(ruleId).Append(' ').Append(why);
            }

            return reason.Append('.').ToString();
        }

        /// <summary>The active waivers of a rule id, in baseline order; null when none.</summary>
        private Waiver[]? WaiversOf(string ruleId) => _activeWaivers.TryGetValue(ruleId, out var waivers) ? waivers : null;

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

        /// <summary>A rule with its checks built, its own remediation made display-safe and its active waivers found, once per evaluator.</summary>
        private sealed class CompiledRule
        {
            private volatile ShownText? _lastShown;

            public CompiledRule(BaselineRule rule, IReadOnlyList<IRuleCheck> checks, Waiver[]? waivers)
            {
                Rule = rule;
                Checks = checks.ToArray();
                ShownRemediation = DisplayText.Visible(rule.Remediation);
                Waivers = waivers;
            }

            public BaselineRule Rule { get; }

            public IRuleCheck[] Checks { get; }

            public string? ShownRemediation { get; }

            /// <summary>The active waivers for the rule's id, in baseline order; null when none.</summary>
            public Waiver[]? Waivers { get; }

            /// <summary>
            /// The remediation of a finding of this rule as shown. A rule's checks give one or two fixed texts, the same
            /// string object every time: the last one asked is kept, so most findings need no look-up.
            /// </summary>
            public string Remediation(BaselineEvaluator evaluator, string remediation, bool overridesRule)
            {
                if (!overridesRule && ShownRemediation != null)
                {
                    return ShownRemediation;
                }

                var last = _lastShown;
                if (last != null && ReferenceEquals(last.Raw, remediation))
                {
                    return last.Shown;
                }

                var shown = evaluator.Shown(remediation);
                _lastShown = new ShownText(remediation, shown);
                return shown;
            }
        }

        private sealed class ShownText
        {
            public ShownText(string raw, string shown)
            {
                Raw = raw;
                Shown = shown;
            }

            public string Raw { get; }

            public string Shown { get; }
        }

        /// <summary>The findings of one client as its rules' checks report them: each made a Finding at once, with its rule's id, severity, remediation and waiver.</summary>
        private sealed class ClientFindings : IFindingSink
        {
            private readonly BaselineEvaluator _evaluator;
            private readonly OAuthClient _client;
            private List<Finding>? _findings;
            private CompiledRule? _rule;
            private int _ruleStart;

            public ClientFindings(BaselineEvaluator evaluator, OAuthClient client)
            {
                _evaluator = evaluator;
                _client = client;
            }

            public void StartRule(CompiledRule rule)
            {
                _rule = rule;
                _ruleStart = _findings?.Count ?? 0;
            }

            /// <summary>The rule being checked could not judge the client: what it found so far goes.</summary>
            public void DropRule()
            {
                _findings?.RemoveRange(_ruleStart, _findings.Count - _ruleStart);
            }

            public void Found(FindingKind kind, string subject, string message, string remediation, Severity? fixedSeverity, bool remediationOverridesRule)
            {
                var rule = _rule!;
                Add(Finding.Shown(_client, _evaluator._baseline.Name, rule.Rule.Id, fixedSeverity ?? rule.Rule.Severity, kind, subject, message,
                    rule.Remediation(_evaluator, remediation, remediationOverridesRule)), rule.Waivers);
            }

            /// <summary>Adds the finding, waived by the first of the waivers (baseline order) that covers it.</summary>
            public void Add(Finding finding, Waiver[]? waivers)
            {
                if (waivers != null)
                {
                    foreach (var waiver in waivers)
                    {
                        if (waiver.Covers(finding))
                        {
                            finding.Waive(waiver);
                            break;
                        }
                    }
                }

                (_findings ??= new List<Finding>()).Add(finding);
            }

            public ValueList<Finding> ToList() => _findings == null ? ValueList<Finding>.Empty : ValueList<Finding>.Of(_findings.ToArray());
        }
    }
}
