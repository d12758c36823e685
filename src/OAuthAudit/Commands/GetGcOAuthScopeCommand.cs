using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>Lists the global OAuth scope registry as the organization sees it, with descriptions.</summary>
    [Cmdlet(VerbsCommon.Get, "GcOAuthScope")]
    [OutputType(typeof(OAuthScope))]
    public sealed class GetGcOAuthScopeCommand : GetNamedItemsCommand<OAuthScope>
    {
        private protected override (string Collection, string Item, string ErrorId) Nouns => ("scope registry", "scope", ErrorIds.ScopeNotFound);

        private protected override IEnumerable<OAuthScope> Items(GcContext context) => context.Directory.GetScopeRegistry(Operation).Scopes;

        private protected override string NameOf(OAuthScope item) => item.Name;
    }
}
