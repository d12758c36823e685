using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>Lists the organization's divisions (read once per connection).</summary>
    [Cmdlet(VerbsCommon.Get, "GcAuthorizationDivision")]
    [OutputType(typeof(AuthorizationDivision))]
    public sealed class GetGcAuthorizationDivisionCommand : GetNamedItemsCommand<AuthorizationDivision>
    {
        private protected override (string Collection, string Item, string ErrorId) Nouns => ("divisions", "division", ErrorIds.DivisionNotFound);

        private protected override IEnumerable<AuthorizationDivision> Items(GcContext context) => context.Directory.GetAuthorizationRegistry(Operation).Divisions;

        private protected override string NameOf(AuthorizationDivision item) => item.Name;
    }
}
