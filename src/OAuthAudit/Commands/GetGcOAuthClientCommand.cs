using System;
using System.Linq;
using System.Management.Automation;
using OAuthAudit.Completion;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Text;
using OAuthAudit.Engine.Usage;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;
using OAuthAudit.Validation;

namespace OAuthAudit.Commands
{
    [Cmdlet(VerbsCommon.Get, "GcOAuthClient", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(OAuthClient))]
    public sealed class GetGcOAuthClientCommand : GcCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private const int ProgressEvery = 25;

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateText(1024)]
        [ArgumentCompleter(typeof(ClientNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ClientId")]
        [ValidateText(256)]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>ValidateSet lists and completes the API's spellings; the transformation first maps SAML2BEARER to SAML2-BEARER.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [GrantTypeTransformation]
        [ValidateSet(GrantTypes.Code, GrantTypes.Token, GrantTypes.Saml2Bearer, GrantTypes.Password, GrantTypes.ClientCredentials)]
        public string[]? GrantType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet(ClientStates.Active, ClientStates.Disabled, ClientStates.Inactive)]
        public string[]? State { get; set; }

        [Parameter]
        [ValidateNotNull]
        public GcContext? Context { get; set; }

        /// <summary>Attaches each client's API usage (Usage) from the organization usage query, read once per connection.</summary>
        [Parameter]
        public SwitchParameter IncludeUsage { get; set; }

        /// <summary>The days of usage -IncludeUsage reads; giving it includes usage.</summary>
        [Parameter]
        [ValidateRange(UsageWindow.MinDays, UsageWindow.MaxDays)]
        public int UsageDays { get; set; } = GetGcOAuthClientUsageCommand.DefaultDays;

        private bool WantsUsage => IncludeUsage.IsPresent || MyInvocation.BoundParameters.ContainsKey(nameof(UsageDays));

        protected override void ProcessRecord()
        {
            var context = RequireContext(Context);
            if (ParameterSetName == IdSet)
            {
                RunAgainstApi(() => WriteClientsById(context), Id);
            }
            else
            {
                RunAgainstApi(() => WriteListedClients(context), context);
            }
        }

        private void WriteClientsById(GcContext context)
        {
            var usage = WantsUsage ? UsageReader.Read(this, context, UsageDays) : null;
            foreach (var id in Id)
            {
                var client = context.Directory.GetClient(id.Trim(), Operation);
                if (client == null)
                {
                    WriteError(ErrorRecords.ClientIdNotFound(context, id));
                    continue;
                }

                WriteObject(WithUsage(client, usage));
            }
        }

        private static OAuthClient WithUsage(OAuthClient client, OrganizationUsage? usage)
        {
            if (usage != null)
            {
                client.Usage = usage.For(client);
            }

            return client;
        }

        private void WriteListedClients(GcContext context)
        {
            var names = new NameFilter(Name);
            var progress = new ProgressRecord(1, DisplayText.Visible($"Reading OAuth clients of {context.OrganizationName}"), "Starting");
            var read = 0;
            var throttle = new ProgressThrottle();
            void Listed(int count)
            {
                read = count;
                if (count % ProgressEvery == 0 && throttle.Due())
                {
                    progress.StatusDescription = $"{count} clients read";
                    WriteProgress(progress);
                }
            }

            bool Wanted(ClientIdentity client) =>
                names.Matches(client.Name) && IsOneOf(client.GrantType, GrantType) && IsOneOf(client.State, State);

            // Without a filter every client is wanted: no per-client identity or test.
            var filtered = Name != null || GrantType != null || State != null;
            var usage = WantsUsage ? UsageReader.Read(this, context, UsageDays) : null;
            foreach (var client in context.Directory.GetClients(Operation, filtered ? Wanted : null, Listed))
            {
                WriteObject(WithUsage(client, usage));
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteVerbose($"{read} OAuth clients read from {context.OrganizationName}.");
            foreach (var name in names.UnmatchedLiterals())
            {
                WriteError(ErrorRecords.Create($"{context.OrganizationName} has no OAuth client named '{name}'.", ErrorIds.ClientNotFound, ErrorCategory.ObjectNotFound, name,
                    "Check the name, or use wildcards such as '*chat*'."));
            }
        }

        private static bool IsOneOf(string? value, string[]? allowed) =>
            allowed == null || allowed.Any(item => string.Equals(item, value, StringComparison.OrdinalIgnoreCase));
    }
}
