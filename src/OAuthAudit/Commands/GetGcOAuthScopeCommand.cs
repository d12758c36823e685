using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>Lists the global OAuth scope registry as the organization sees it, with descriptions.</summary>
    [Cmdlet(VerbsCommon.Get, "GcOAuthScope")]
    [OutputType(typeof(OAuthScope))]
    public sealed class GetGcOAuthScopeCommand : GcCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext(Context);
            RunAgainstApi(() => WriteScopes(context), context);
        }

        private void WriteScopes(GcContext context)
        {
            var names = new NameFilter(Name);
            foreach (var scope in context.Directory.GetScopeRegistry(Operation).Scopes)
            {
                if (names.Matches(scope.Name))
                {
                    WriteObject(scope);
                }
            }

            foreach (var name in names.UnmatchedLiterals())
            {
                WriteError(ErrorRecords.Create($"The scope registry of {context.OrganizationName} has no scope '{name}'.", ErrorIds.ScopeNotFound, ErrorCategory.ObjectNotFound, name,
                    "Check the name, or use wildcards such as 'analytics*'."));
            }
        }
    }
}
