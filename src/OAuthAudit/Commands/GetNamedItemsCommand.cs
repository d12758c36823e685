using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Errors;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// What the registry listings share (scopes, roles, divisions): -Name with wildcards, -Context, and an
    /// ObjectNotFound error for a literal name that matches nothing.
    /// </summary>
    public abstract class GetNamedItemsCommand<T> : GcCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateText(1024)]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        /// <summary>What the items are called in messages, e.g. "scope registry" / "scope".</summary>
        private protected abstract (string Collection, string Item, string ErrorId) Nouns { get; }

        protected override void ProcessRecord()
        {
            var context = RequireContext(Context);
            RunAgainstApi(() => WriteItems(context), context);
        }

        private protected abstract IEnumerable<T> Items(GcContext context);

        private protected abstract string NameOf(T item);

        private void WriteItems(GcContext context)
        {
            var names = new NameFilter(Name);
            foreach (var item in Items(context))
            {
                if (names.Matches(NameOf(item)))
                {
                    WriteObject(item);
                }
            }

            foreach (var name in names.UnmatchedLiterals())
            {
                WriteError(ErrorRecords.Create($"The {Nouns.Collection} of {context.OrganizationName} has no {Nouns.Item} '{name}'.", Nouns.ErrorId, ErrorCategory.ObjectNotFound, name,
                    $"Check the name, or use wildcards such as '{name.Substring(0, System.Math.Min(3, name.Length))}*'."));
            }
        }
    }
}
