using System;
using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;
using OAuthAudit.Errors;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Who changed which OAuth client, and when: the organization's audit trail read at a fixed cost (one audit
    /// query per 30 days of the window, whatever the number of clients). Piped clients are collected and read
    /// in one go at the end.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GcOAuthClientHistory")]
    [OutputType(typeof(OAuthClientChangeEvent))]
    public sealed class GetGcOAuthClientHistoryCommand : GcCmdlet
    {
        private const int ProgressId = 2;

        private readonly List<string> _clientIds = new List<string>();

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateText(256)]
        public string[]? ClientId { get; set; }

        [Parameter]
        [ValidateRange(HistoryQuery.MinDays, HistoryQuery.MaxDays)]
        public int Days { get; set; } = 30;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = (int)HistoryQuery.DefaultTimeBudget.TotalSeconds;

        [Parameter]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            if (ClientId != null)
            {
                _clientIds.AddRange(ClientId);
            }
        }

        protected override void EndProcessing()
        {
            var context = RequireContext(Context);
            if (context.Source == ContextSource.Snapshot)
            {
                ThrowTerminatingError(ErrorRecords.HistoryNeedsLiveConnection(MyInvocation.MyCommand.Name, context));
            }

            var query = new HistoryQuery(Days, _clientIds, TimeSpan.FromSeconds(TimeoutSec));
            var activity = DisplayText.Visible($"Reading the OAuth client audit trail of {context.OrganizationName} ({Days} days)")!;
            void Report(string status) => OnPipelineThread(() => WriteProgress(new ProgressRecord(ProgressId, activity, status)));

            OAuthClientHistory? history = null;
            try
            {
                RunAgainstApi(() => history = context.Directory.GetClientHistory(query, DateTime.UtcNow, Report, Operation), context);
            }
            catch (AuditQueryException failure)
            {
                ThrowTerminatingError(ErrorRecords.FromAuditQuery(failure, context));
            }
            finally
            {
                WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            foreach (var change in history!.Events)
            {
                WriteObject(change);
            }

            WriteVerbose($"{history.Events.Count} changes of OAuth clients of {context.OrganizationName} since {history.Start}.");
        }
    }
}
