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
    /// <summary>Lists the global OAuth scope registry as the organization sees it, with descriptions.</summary>
    [Cmdlet(VerbsCommon.Get, "GcOAuthScope")]
    [OutputType(typeof(OAuthScope))]
    public sealed class GetGcOAuthScopeCommand : GetNamedItemsCommand<OAuthScope>
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateText(1024)]
        [ArgumentCompleter(typeof(ScopeNameCompleter))]
        public string[]? Name { get; set; }

        private protected override string[]? NamePatterns => Name;

        private protected override (string ErrorId, string Noun) NotFound => (ErrorIds.ScopeNotFound, "scope");

        private protected override IEnumerable<OAuthScope> Items(GcContext context) => context.Directory.GetScopeRegistry(Operation).Scopes;

        private protected override string NameOf(OAuthScope item) => item.Name;
    }
}
