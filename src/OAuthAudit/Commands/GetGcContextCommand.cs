using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    /// <summary>Shows the session's current context: organization, region, grant and token expiry; never a secret or token.</summary>
    [Cmdlet(VerbsCommon.Get, "GcContext")]
    [OutputType(typeof(GcContext))]
    public sealed class GetGcContextCommand : GcCmdlet
    {
        protected override void EndProcessing()
        {
            var context = SessionContexts.Current;
            if (context == null)
            {
                WriteVerbose("This session is not connected. Run Connect-GcOrganization.");
                return;
            }

            WriteObject(context);
        }
    }
}
