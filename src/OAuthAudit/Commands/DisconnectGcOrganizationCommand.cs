using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    [Cmdlet(VerbsCommunications.Disconnect, "GcOrganization")]
    [OutputType(typeof(GcContext))]
    public sealed class DisconnectGcOrganizationCommand : GcCmdlet
    {
        /// <summary>The context to close; the session's current one when not given.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var context = Context ?? SessionContexts.Current;
            if (context == null)
            {
                WriteVerbose("No context to disconnect: this session is not connected.");
                return;
            }

            if (ReferenceEquals(context, SessionContexts.Current))
            {
                SessionContexts.Current = null;
            }

            context.Dispose();
            WriteVerbose($"Disconnected from {context}.");
            if (PassThru)
            {
                WriteObject(context);
            }
        }
    }
}
