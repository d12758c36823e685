using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// The API usage of every OAuth client over the last -Days days, from the organization usage query (one job
    /// per 90 days, however many clients): one OAuthClientUsage per listed client, Requests 0 for a client without requests.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GcOAuthClientUsage")]
    [OutputType(typeof(OAuthClientUsage))]
    public sealed class GetGcOAuthClientUsageCommand : GcCmdlet
    {
        public const int DefaultDays = 90;

        [Parameter(Position = 0)]
        [ValidateRange(UsageWindow.MinDays, UsageWindow.MaxDays)]
        public int Days { get; set; } = DefaultDays;

        [Parameter]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext(Context);
            RunAgainstApi(() => WriteUsage(context), context);
        }

        private void WriteUsage(GcContext context)
        {
            var usage = UsageReader.Read(this, context, Days);
            var listed = 0;
            foreach (var client in context.Directory.GetClients(Operation))
            {
                listed++;
                WriteObject(usage.For(client));
            }

            WriteVerbose($"Usage of {listed} OAuth clients over {usage.Window}: {usage.ClientIds.Count} client ids made requests, from {usage.Jobs} query jobs.");
        }
    }
}
