using System;
using System.Management.Automation;
using System.Threading;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Text;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    /// <summary>What every OAuthAudit cmdlet shares: Ctrl+C cancels in-flight requests; engine activity reaches the streams.</summary>
    public abstract class GcCmdlet : PSCmdlet, IDisposable, IReadHost
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private Operation? _operation;

        /// <summary>The work of this invocation, created on first use: always on the pipeline thread, which waits on it.</summary>
        internal Operation Operation => _operation ??= new Operation(new CmdletHost(this, _stopping.Token), _stopping.Token);

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs a write (such as WriteProgress) on the pipeline thread, from whichever thread engine work reports on.</summary>
        internal void OnPipelineThread(Action write) => ((CmdletHost)Operation.Host).Post(write);

        // Messages embed org-supplied names: every one reaches the console with control characters made visible.
        public new void WriteVerbose(string text) => base.WriteVerbose(DisplayText.Visible(text)!);

        public new void WriteWarning(string text) => base.WriteWarning(DisplayText.Visible(text)!);

        /// <summary>The -Context given, else this runspace's current context; without either the command cannot go on.</summary>
        internal GcContext RequireContext(GcContext? given)
        {
            var context = given ?? SessionContexts.Current;
            if (context == null || !context.IsConnected)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected(MyInvocation.MyCommand.Name, context));
            }

            return context!;
        }

        /// <summary>Runs engine work; an API failure stops the command with an ErrorRecord that says what to do.</summary>
        internal void RunAgainstApi(Action work, object? target) => ((IReadHost)this).Run(work, target);

        Operation IReadHost.Operation => Operation;

        string IReadHost.CommandName => MyInvocation.MyCommand.Name;

        void IReadHost.Warn(string text) => OnPipelineThread(() => WriteWarning(text));

        void IReadHost.Progress(ProgressRecord record) => OnPipelineThread(() => WriteProgress(record));

        void IReadHost.Fail(ErrorRecord record) => ThrowTerminatingError(record);
    }
}
