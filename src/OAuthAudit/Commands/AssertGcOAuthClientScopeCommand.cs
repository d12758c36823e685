using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Like Test-GcOAuthClientScope, then fails (a terminating error: a non-zero exit in CI, a Failed job in
    /// Azure Automation) when any client has an outstanding finding at or above -FailOn.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Assert, "GcOAuthClientScope", DefaultParameterSetName = "InputObject")]
    [OutputType(typeof(ClientAuditResult))]
    public sealed class AssertGcOAuthClientScopeCommand : ClientAuditCommand
    {
        private readonly List<(ClientAuditResult Result, Finding[] Findings)> _failing = new List<(ClientAuditResult, Finding[])>();

        [Parameter]
        public Severity FailOn { get; set; } = Severity.High;

        protected override void OnResult(ClientAuditResult result)
        {
            WriteObject(result);
            var atOrAbove = result.Findings.Where(finding => finding.IsOutstanding && finding.Severity >= FailOn).ToArray();
            if (atOrAbove.Length > 0)
            {
                _failing.Add((result, atOrAbove));
            }
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (_failing.Count == 0)
            {
                return;
            }

            var clients = string.Join("; ", _failing.Select(failing =>
                $"'{failing.Result.ClientName}' ({failing.Findings.Max(finding => finding.Severity)}: {string.Join(", ", failing.Findings.Select(finding => finding.RuleId).Distinct())})"));
            ThrowTerminatingError(ErrorRecords.Create(
                $"{_failing.Count} OAuth client(s) fail baseline '{LoadedBaseline.Name}' at or above {FailOn}: {clients}.",
                ErrorIds.AuditFailed, ErrorCategory.InvalidResult, _failing.Select(failing => failing.Result).ToArray(),
                "Fix the findings (each has a Remediation), or record a waiver with a rationale and an expiry date in the baseline."));
        }
    }
}
