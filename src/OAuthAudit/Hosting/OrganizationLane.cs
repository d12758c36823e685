using System.Management.Automation;
using System.Threading;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// The host of one organization's audit running beside others on its own thread: verbose, debug, warnings and
    /// progress queue under its lane for the pipeline thread to write, and a failure ends this organization only.
    /// </summary>
    internal sealed class OrganizationLane : IReadHost
    {
        private readonly QueuedHost _host;

        public OrganizationLane(GcContext context, int lane, string commandName, HostQueue queue, CancellationToken cancellation)
        {
            Context = context;
            CommandName = commandName;
            _host = new QueuedHost(queue, lane, cancellation);
            Operation = new Operation(_host, cancellation);
        }

        public GcContext Context { get; }

        public int Lane => _host.Lane;

        public Operation Operation { get; }

        public string CommandName { get; }

        public void Warn(string text) => _host.Warning(text);

        public void Verbose(string text) => _host.Verbose(text);

        /// <summary>What this organization's audit is doing now (its child progress record).</summary>
        public void Status(string status) => _host.Progress(status);

        /// <summary>A read's own progress record becomes this organization's status; its completion says nothing.</summary>
        public void Progress(ProgressRecord record)
        {
            if (record.RecordType != ProgressRecordType.Completed)
            {
                _host.Progress($"{record.Activity}: {record.StatusDescription}");
            }
        }

        public void Fail(ErrorRecord record) => throw new OrganizationFailedException(record);
    }
}
