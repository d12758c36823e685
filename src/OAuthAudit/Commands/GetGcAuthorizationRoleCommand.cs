using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>Lists the organization's roles with their permissions spelled out (read once per connection).</summary>
    [Cmdlet(VerbsCommon.Get, "GcAuthorizationRole")]
    [OutputType(typeof(AuthorizationRole))]
    public sealed class GetGcAuthorizationRoleCommand : GetNamedItemsCommand<AuthorizationRole>
    {
        private protected override (string Collection, string Item, string ErrorId) Nouns => ("roles", "role", ErrorIds.RoleNotFound);

        private protected override IEnumerable<AuthorizationRole> Items(GcContext context) => context.Directory.GetAuthorizationRegistry(Operation).Roles;

        private protected override string NameOf(AuthorizationRole item) => item.Name;
    }
}
