using System.Management.Automation;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Commands
{
    /// <summary>Checks each OAuth client against a baseline and writes one result per client (or, with -Expand, one row per finding).</summary>
    [Cmdlet(VerbsDiagnostic.Test, "GcOAuthClientScope", DefaultParameterSetName = "InputObject")]
    [OutputType(typeof(ClientAuditResult))]
    [OutputType(typeof(Finding))]
    public sealed class TestGcOAuthClientScopeCommand : ClientAuditCommand
    {
        /// <summary>Write each finding as its own object (long format for exports) instead of one result per client.</summary>
        [Parameter]
        public SwitchParameter Expand { get; set; }

        protected override void OnResult(ClientAuditResult result)
        {
            if (Expand)
            {
                WriteObject(result.Findings, enumerateCollection: true);
            }
            else
            {
                WriteObject(result);
            }
        }
    }
}
