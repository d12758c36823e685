using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>
    /// One difference about one OAuth client between a reference and a difference reading of its organization,
    /// keyed by the client's id (a renamed client is one ClientRenamed change). Property names what changed (a client
    /// property such as Scopes, a role's name for RolePermissionsChanged, a rule id for findings); Before and After are
    /// its values as plain text (null where a side has none; for RolePermissionsChanged, the permissions the role lost
    /// and gained). They keep the organization's raw text; Message and ToString() are made for display.
    /// </summary>
    public sealed class OAuthClientChange
    {
        internal OAuthClientChange(string organizationId, string organizationName, string clientId, string clientName, ChangeKind change, string property,
            string? before, string? after, ChangeRisk risk, string message)
        {
            OrganizationId = organizationId;
            OrganizationName = organizationName;
            ClientId = clientId;
            ClientName = clientName;
            Change = change;
            Property = property;
            Before = before;
            After = after;
            Risk = risk;
            Message = DisplayText.Visible(message)!;
        }

        public string ClientId { get; }

        /// <summary>The client's name on the difference side (on the reference side for a removed client).</summary>
        public string ClientName { get; }

        public ChangeKind Change { get; }

        public string Property { get; }

        public string? Before { get; }

        public string? After { get; }

        public ChangeRisk Risk { get; }

        /// <summary>The change in a sentence, the organization's text in it with control characters made visible.</summary>
        public string Message { get; }

        public string OrganizationId { get; }

        public string OrganizationName { get; }

        public override string ToString() => Message;
    }
}
