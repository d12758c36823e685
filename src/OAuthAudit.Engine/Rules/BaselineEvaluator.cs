using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.Evaluation;

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
        private readonly IReadOnlyList<(BaselineRule Rule, IReadOnlyList<IRuleCheck> Checks)> _rules;
        private readonly Waiver[] _activeWaivers;

        public BaselineEvaluator(Baseline baseline, DateTime now)
            : this(baseline, new EvaluationContext(now))
        {
        }

        public BaselineEvaluator(Baseline baseline, EvaluationContext context)
        {
            _baseline = baseline;
            _context = context;
            _rules = baseline.Rules.Select(rule => (rule, RuleChecks.For(rule))).ToArray();
            _activeWaivers = baseline.Waivers.Where(waiver => !waiver.IsExpired(context.Now)).ToArray();
        }

        public ClientAuditResult Evaluate(OAuthClient client)
        {
            var context = new CheckContext(client, _context);
            var matched = _rules.Where(entry => AppliesTo(entry.Rule, client)).ToArray();
            var findings = matched.SelectMany(entry => entry.Checks
                    .SelectMany(check => check.Check(context))
                    .Select(draft => new Finding(client, _baseline.Name, entry.Rule.Id, draft.FixedSeverity ?? entry.Rule.Severity, draft.Kind, draft.Subject,
                        $"'{client.Name}' {draft.Message}", draft.RemediationOverridesRule ? draft.Remediation : entry.Rule.Remediation ?? draft.Remediation)))
                .ToList();
            if (matched.Length == 0 && _baseline.ReportUnmatchedClients)
            {
                findings.Add(new Finding(client, _baseline.Name, NoRuleId, Severity.Info, FindingKind.NoRuleMatched, client.Name,
                    $"No rule of baseline '{_baseline.Name}' applies to '{client.Name}', so nothing about it was checked.", Remediations.WriteRule));
            }

            foreach (var finding in findings)
            {
                var waiver = _activeWaivers.FirstOrDefault(candidate => candidate.Covers(finding));
                if (waiver != null)
                {
                    finding.Waive(waiver);
                }
            }

            return new ClientAuditResult(client, _baseline.Name, ValueList.From(matched.Select(entry => entry.Rule.Id)), ValueList.From(findings), _context.Now)
            {
                JudgedBy = _baseline,
                Context = client.Context,
            };
        }

        /// <exception cref="PatternTimeoutException">A name regular expression of the rule ran out of time on this client.</exception>
        private static bool AppliesTo(BaselineRule rule, OAuthClient client)
        {
            try
            {
                return rule.AppliesTo(client);
            }
            catch (RegexMatchTimeoutException timeout)
            {
                throw new PatternTimeoutException(rule.Id, timeout.Pattern, client.Id, client.Name, ClientMatch.NamePatternTimeout, timeout);
            }
        }
    }
}
