using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Text;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;
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

        private readonly ProgressThrottle _progressThrottle = new ProgressThrottle();
        private BaselineAudit? _audit;
        private Task<Baseline>? _builtInBaseline;
        private DateTime _builtInStartedAt;
        private ProgressRecord? _progress;
        private int _audited;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ClientArrayTransformation]
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

        internal Baseline LoadedBaseline => StartedAudit().Baseline;

        protected override void BeginProcessing()
        {
            if (Baseline == null && BaselineObject == null)
            {
                // The built-in baseline is parsed (YamlDotNet, slow when cold) while the command before this one reads
                // its listing; the first client, or the end of the command, waits for it.
                _builtInStartedAt = DateTime.UtcNow;
                _builtInBaseline = Task.Run(() => IsolatedDependencies.Baselines.BuiltIn);
                return;
            }

            Start(BaselineAudit.Start(this, Baseline, BaselineObject));
        }

        private BaselineAudit StartedAudit() =>
            _audit ?? Start(BaselineAudit.Of(this, _builtInBaseline!.GetAwaiter().GetResult(), _builtInStartedAt));

        private BaselineAudit Start(BaselineAudit audit)
        {
            _audit = audit;
            _progress = new ProgressRecord(2, DisplayText.Visible($"Auditing OAuth clients against baseline '{audit.Baseline.Name}'"), "Starting");
            return audit;
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
            StartedAudit();
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
            var audit = StartedAudit();
            if (++_audited % ProgressEvery == 0 && _progressThrottle.Due())
            {
                _progress!.StatusDescription = $"{_audited} clients audited";
                WriteProgress(_progress);
            }

            ClientAuditResult result;
            try
            {
                result = audit.Evaluate(client);
            }
            catch (PatternTimeoutException timeout)
            {
                ThrowTerminatingError(audit.PatternTimeout(timeout, client));
                throw;
            }

            OnResult(result);
        }
    }
}
