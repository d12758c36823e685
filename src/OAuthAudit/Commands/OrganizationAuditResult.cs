using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Commands
{
    /// <summary>What one organization's audit ends with: its run, and the errors to write (non-terminating) before it is returned.</summary>
    internal sealed class OrganizationAuditResult
    {
        public OrganizationAuditResult(AuditRun run, IReadOnlyList<ErrorRecord> errors)
        {
            Run = run;
            Errors = errors;
        }

        public AuditRun Run { get; }

        public IReadOnlyList<ErrorRecord> Errors { get; }
    }
}
