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
    /// <summary>Lists the organization's roles with their permissions spelled out (read once per connection).</summary>
    [Cmdlet(VerbsCommon.Get, "GcAuthorizationRole")]
    [OutputType(typeof(AuthorizationRole))]
    public sealed class GetGcAuthorizationRoleCommand : GetNamedItemsCommand<AuthorizationRole>
    {
        /// <summary>Role names; RoleName binds the grants in a client's Roles from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleName")]
        [SupportsWildcards]
        [ValidateText(1024)]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        public string[]? Name { get; set; }

        private protected override string[]? NamePatterns => Name;

        private protected override (string ErrorId, string Noun) NotFound => (ErrorIds.RoleNotFound, "role");

        private protected override IEnumerable<AuthorizationRole> Items(GcContext context) => context.Directory.GetRoles(Operation);

        private protected override string NameOf(AuthorizationRole item) => item.Name;
    }
}
