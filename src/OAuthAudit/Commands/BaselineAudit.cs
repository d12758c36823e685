using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Text;
using OAuthAudit.Engine.Usage;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// One baseline applied to clients, as every auditing cmdlet does it: the baseline from -Baseline, -BaselineObject
    /// or the built-in one; waivers as of one evaluation time; a warning when a client an expired waiver names is audited.
    /// The change history and usage the rules demand are read once per context, on its first client.
    /// </summary>
    internal sealed class BaselineAudit
    {
        private const int HistoryProgressId = 4;

        private readonly IReadHost _host;
        private readonly DateTime _now;
        private readonly BaselineData _data;
        private readonly BaselineEvaluator _evaluator;
        private readonly Dictionary<GcContext, ContextData> _contexts = new Dictionary<GcContext, ContextData>();
        private readonly List<Waiver> _expiredUnwarned;

        private BaselineAudit(IReadHost host, Baseline baseline, DateTime now)
        {
            _host = host;
            _now = now;
            Baseline = baseline;
            _data = BaselineData.Of(baseline);
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

        /// <summary>Audits with a baseline already loaded, as of <paramref name="now"/>.</summary>
        public static BaselineAudit Of(IReadHost host, Baseline baseline, DateTime now) => new BaselineAudit(host, baseline, now);

        /// <summary>
        /// The same baseline and evaluation time for one organization of several audited at once: its reads and
        /// warnings go to <paramref name="host"/>, and a failed read fails that organization only.
        /// </summary>
        public BaselineAudit For(IReadHost host) => new BaselineAudit(host, Baseline, _now);

        /// <exception cref="PatternTimeoutException">A name regular expression of a rule ran out of time on this client.</exception>
        public ClientAuditResult Evaluate(OAuthClient client)
        {
            WarnOfExpiredWaivers(client);
            return EvaluatorFor(client).Evaluate(client);
        }

        public ErrorRecord PatternTimeout(PatternTimeoutException timeout, OAuthClient client) =>
            ErrorRecords.Create(timeout, ErrorIds.BaselinePatternTimeout, ErrorCategory.LimitsExceeded, client,
                $"Simplify the namePatterns expression of rule {timeout.RuleId} in {Baseline.Source} (nested repetition such as (a+)+ can run for minutes), or match with names wildcards, which never run out of time.");

        /// <summary>The evaluator holding the data the rules demand from the client's organization, read on its first client.</summary>
        private BaselineEvaluator EvaluatorFor(OAuthClient client)
        {
            var context = client.Context;
            if (_data.Needs == RunData.None || context == null)
            {
                return _evaluator;
            }

            if (!_contexts.TryGetValue(context, out var data))
            {
                data = new ContextData { History = _data.HistoryDays is int historyDays ? ReadHistory(context, historyDays) : null };
                _contexts.Add(context, data);
            }

            // A client read with its usage brings its own; the organization's is read only for one that has none.
            if (_data.UsageDays is int usageDays && client.Usage == null && !data.UsageRead)
            {
                data.UsageRead = true;
                data.Usage = ReadUsage(context, usageDays);
                data.Evaluator = null;
            }

            return data.Evaluator ??= new BaselineEvaluator(Baseline, new EvaluationContext(_now, usage: data.Usage, history: data.History));
        }

        /// <summary>The whole organization's change history (one query set, whatever the number of clients); null for a snapshot, whose history rules are then Skipped.</summary>
        private OAuthClientHistory? ReadHistory(GcContext context, int days)
        {
            if (context.Source == ContextSource.Snapshot)
            {
                _host.Warn($"The rules of baseline '{Baseline.Name}' that need the change history were skipped for {context.OrganizationName}: the snapshot {context.SnapshotPath} has no audit trail. Audit a live connection to check them.");
                return null;
            }

            var activity = DisplayText.Visible($"Reading the OAuth client audit trail of {context.OrganizationName} ({days} days) for baseline '{Baseline.Name}'")!;
            void Report(string status) => _host.Progress(new ProgressRecord(HistoryProgressId, activity, DisplayText.Visible(status)));

            OAuthClientHistory? history = null;
            try
            {
                _host.Run(() => history = context.Directory.GetClientHistory(new HistoryQuery(days), _now, Report, _host.Operation), context);
            }
            catch (AuditQueryException failure)
            {
                _host.Fail(ErrorRecords.FromAuditQuery(failure, context));
            }
            finally
            {
                _host.Progress(new ProgressRecord(HistoryProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            return history;
        }

        /// <summary>The organization's usage; null for a snapshot, whose usage rules are then Skipped for clients read without usage.</summary>
        private OrganizationUsage? ReadUsage(GcContext context, int days)
        {
            if (context.Source == ContextSource.Snapshot)
            {
                _host.Warn($"The rules of baseline '{Baseline.Name}' that need API usage were skipped for {context.OrganizationName}: the snapshot {context.SnapshotPath} holds no usage. Audit a live connection to check them.");
                return null;
            }

            OrganizationUsage? usage = null;
            _host.Run(() => usage = UsageReader.Read(_host, context, days), context);
            return usage;
        }

        /// <summary>An expired waiver is worth a warning only when a client it names is audited; once per waiver.</summary>
        private void WarnOfExpiredWaivers(OAuthClient client)
        {
            if (_expiredUnwarned.Count == 0)
            {
                return;
            }

            foreach (var expired in _expiredUnwarned.Where(waiver => waiver.Names(client.Id, client.Name)).ToArray())
            {
                _expiredUnwarned.Remove(expired);
                _host.Warn($"The waiver of {expired.RuleId} for '{expired.Client}' expired on {expired.ExpiresOn:yyyy-MM-dd} and no longer applies ({Baseline.Source}).");
            }
        }

        /// <summary>What was read from one context for this audit.</summary>
        private sealed class ContextData
        {
            public OAuthClientHistory? History { get; set; }

            public OrganizationUsage? Usage { get; set; }

            public bool UsageRead { get; set; }

            public BaselineEvaluator? Evaluator { get; set; }
        }
    }
}
