using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Text;
using OAuthAudit.Errors;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// What Test- and Assert-GcOAuthClientScope share: clients from the pipeline (objects by value, ids by
    /// property name), a baseline from a file, an object or the built-in one, and one evaluation per client.
    /// </summary>
    public abstract class ClientAuditCommand : GcCmdlet
    {
        private const string ObjectSet = "InputObject";
        private const string IdSet = "ClientId";
        private const int ProgressEvery = 10;

        private BaselineEvaluator? _evaluator;
        private ProgressRecord? _progress;
        private int _audited;
        private List<Waiver> _expiredUnwarned = new List<Waiver>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public OAuthClient[] InputObject { get; set; } = Array.Empty<OAuthClient>();

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateText(256)]
        public string[] ClientId { get; set; } = Array.Empty<string>();

        /// <summary>The baseline file; the built-in baseline applies when neither this nor -BaselineObject is given.</summary>
        [Parameter]
        [ValidateText(4096)]
        public string? Baseline { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Baseline? BaselineObject { get; set; }

        /// <summary>The organization -ClientId is read from; the session's current context when not given.</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        internal Baseline LoadedBaseline { get; private set; } = null!;

        protected override void BeginProcessing()
        {
            LoadedBaseline = BaselineInput.Load(this, Baseline, BaselineObject);
            var now = DateTime.UtcNow;
            _expiredUnwarned = LoadedBaseline.ExpiredWaivers(now).ToList();
            _evaluator = new BaselineEvaluator(LoadedBaseline, now);
            _progress = new ProgressRecord(2, DisplayText.Visible($"Auditing OAuth clients against baseline '{LoadedBaseline.Name}'"), "Starting");
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ObjectSet)
            {
                foreach (var client in InputObject)
                {
                    Audit(client);
                }

                return;
            }

            var context = RequireContext(Context);
            RunAgainstApi(() => AuditById(context), ClientId);
        }

        protected override void EndProcessing()
        {
            if (_progress != null)
            {
                _progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(_progress);
            }

            WriteVerbose($"{_audited} clients audited against baseline '{LoadedBaseline.Name}'.");
        }

        /// <summary>What the command does with each verdict.</summary>
        protected abstract void OnResult(ClientAuditResult result);

        private void AuditById(GcContext context)
        {
            foreach (var id in ClientId)
            {
                var client = context.Directory.GetClient(id.Trim(), Operation);
                if (client == null)
                {
                    WriteError(ErrorRecords.ClientIdNotFound(context, id));
                    continue;
                }

                Audit(client);
            }
        }

        private void Audit(OAuthClient client)
        {
            if (++_audited % ProgressEvery == 0)
            {
                _progress!.StatusDescription = $"{_audited} clients audited";
                WriteProgress(_progress);
            }

            WarnOfExpiredWaivers(client);
            ClientAuditResult result;
            try
            {
                result = _evaluator!.Evaluate(client);
            }
            catch (PatternTimeoutException timeout)
            {
                ThrowTerminatingError(ErrorRecords.Create(timeout, ErrorIds.BaselinePatternTimeout, ErrorCategory.LimitsExceeded, client,
                    $"Simplify the namePatterns expression of rule {timeout.RuleId} in {LoadedBaseline.Source} (nested repetition such as (a+)+ can run for minutes), or match with names wildcards, which never run out of time."));
                throw;
            }

            OnResult(result);
        }

        /// <summary>An expired waiver is worth a warning only when a client it names is audited; once per waiver.</summary>
        private void WarnOfExpiredWaivers(OAuthClient client)
        {
            foreach (var expired in _expiredUnwarned.Where(waiver => waiver.Names(client.Id, client.Name)).ToArray())
            {
                _expiredUnwarned.Remove(expired);
                WriteWarning($"The waiver of {expired.RuleId} for '{expired.Client}' expired on {expired.ExpiresOn:yyyy-MM-dd} and no longer applies ({LoadedBaseline.Source}).");
            }
        }
    }
}
