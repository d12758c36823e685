using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// One baseline applied to clients, as every auditing cmdlet does it: the baseline from -Baseline, -BaselineObject
    /// or the built-in one; waivers as of one evaluation time; a warning when a client an expired waiver names is audited.
    /// </summary>
    internal sealed class BaselineAudit
    {
        private readonly GcCmdlet _cmdlet;
        private readonly BaselineEvaluator _evaluator;
        private readonly List<Waiver> _expiredUnwarned;

        private BaselineAudit(GcCmdlet cmdlet, Baseline baseline, DateTime now)
        {
            _cmdlet = cmdlet;
            Baseline = baseline;
            _evaluator = new BaselineEvaluator(baseline, now);
            _expiredUnwarned = baseline.ExpiredWaivers(now).ToList();
        }

        public Baseline Baseline { get; }

        /// <summary>Loads the baseline the parameters name (a bad or conflicting one stops the command) and audits as of now.</summary>
        public static BaselineAudit Start(GcCmdlet cmdlet, string? path, Baseline? given)
        {
            var baseline = BaselineInput.Load(cmdlet, path, given);
            return new BaselineAudit(cmdlet, baseline, DateTime.UtcNow);
        }

        /// <exception cref="PatternTimeoutException">A name regular expression of a rule ran out of time on this client.</exception>
        public ClientAuditResult Evaluate(OAuthClient client)
        {
            WarnOfExpiredWaivers(client);
            return _evaluator.Evaluate(client);
        }

        public ErrorRecord PatternTimeout(PatternTimeoutException timeout, OAuthClient client) =>
            ErrorRecords.Create(timeout, ErrorIds.BaselinePatternTimeout, ErrorCategory.LimitsExceeded, client,
                $"Simplify the namePatterns expression of rule {timeout.RuleId} in {Baseline.Source} (nested repetition such as (a+)+ can run for minutes), or match with names wildcards, which never run out of time.");

        /// <summary>An expired waiver is worth a warning only when a client it names is audited; once per waiver.</summary>
        private void WarnOfExpiredWaivers(OAuthClient client)
        {
            foreach (var expired in _expiredUnwarned.Where(waiver => waiver.Names(client.Id, client.Name)).ToArray())
            {
                _expiredUnwarned.Remove(expired);
                _cmdlet.WriteWarning($"The waiver of {expired.RuleId} for '{expired.Client}' expired on {expired.ExpiresOn:yyyy-MM-dd} and no longer applies ({Baseline.Source}).");
            }
        }
    }
}
