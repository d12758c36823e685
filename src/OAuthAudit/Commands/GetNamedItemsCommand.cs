using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Connections;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// What the registry listings share (scopes, roles, divisions): -Name with wildcards (declared by each
    /// command, with its own aliases), -Context, and an ObjectNotFound error for a literal name that matches nothing.
    /// </summary>
    public abstract class GetNamedItemsCommand<T> : GcCmdlet
    {
        [Parameter]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        /// <summary>The -Name patterns given, if any.</summary>
        private protected abstract string[]? NamePatterns { get; }

        /// <summary>The ErrorId of a literal name that matched nothing, and the noun for the item ("scope").</summary>
        private protected abstract (string ErrorId, string Noun) NotFound { get; }

        protected override void ProcessRecord()
        {
            var context = RequireContext(Context);
            RunAgainstApi(() => WriteItems(context), context);
        }

        private protected abstract IEnumerable<T> Items(GcContext context);

        private protected abstract string NameOf(T item);

        private void WriteItems(GcContext context)
        {
            var names = new NameFilter(NamePatterns);
            foreach (var item in Items(context))
            {
                if (names.Matches(NameOf(item)))
                {
                    WriteObject(item);
                }
            }

            foreach (var name in names.UnmatchedLiterals())
            {
                WriteError(Errors.ErrorRecords.Create($"{context.OrganizationName} has no {NotFound.Noun} named '{name}'.", NotFound.ErrorId, ErrorCategory.ObjectNotFound, name,
                    $"Check the name, or use wildcards such as '*{name.Split(' ')[0]}*'."));
            }
        }
    }
}
