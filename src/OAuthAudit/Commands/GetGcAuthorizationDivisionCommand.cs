using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Errors;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    /// <summary>Lists the organization's divisions (read once per connection).</summary>
    [Cmdlet(VerbsCommon.Get, "GcAuthorizationDivision")]
    [OutputType(typeof(AuthorizationDivision))]
    public sealed class GetGcAuthorizationDivisionCommand : GetNamedItemsCommand<AuthorizationDivision>
    {
        /// <summary>Division names; DivisionName binds the grants in a client's Roles from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DivisionName")]
        [SupportsWildcards]
        [ValidateText(1024)]
        [ArgumentCompleter(typeof(DivisionNameCompleter))]
        public string[]? Name { get; set; }

        private protected override string[]? NamePatterns => Name;

        private protected override (string ErrorId, string Noun) NotFound => (ErrorIds.DivisionNotFound, "division");

        private protected override IEnumerable<AuthorizationDivision> Items(GcContext context) => context.Directory.GetDivisions(Operation);

        private protected override string NameOf(AuthorizationDivision item) => item.Name;
    }
}
