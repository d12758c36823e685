using System.Linq;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// One audited change of an OAuth client (one AuditLogMessage of the organization's audit trail): when, what the
    /// API calls the action, what kind of change it was, who made it and from where, and the properties it changed.
    /// No secret value is ever held.
    /// </summary>
    public sealed class OAuthClientChangeEvent
    {
        internal OAuthClientChangeEvent(
            string messageId,
            UtcTimestamp when,
            string clientId,
            string? clientName,
            string action,
            ValueList<string> kinds,
            string? changedByName,
            string? changedById,
            string? changedByType,
            ValueList<OAuthClientPropertyChange> properties,
            ValueList<string> remoteIp,
            string serviceName)
        {
            MessageId = messageId;
            When = when;
            ClientId = clientId;
            ClientName = clientName;
            Action = action;
            Kinds = kinds;
            ChangedByName = changedByName;
            ChangedById = changedById;
            ChangedByType = changedByType;
            Properties = properties;
            RemoteIp = remoteIp;
            ServiceName = serviceName;
        }

        public const string Created = "create";
        public const string Updated = "update";
        public const string Deleted = "delete";
        public const string SecretRegenerated = "secret regenerated";
        public const string RolesChanged = "roles changed";
        public const string ScopesChanged = "scopes changed";
        public const string Renamed = "renamed";
        public const string StateChanged = "state changed";
        public const string RedirectUrisChanged = "redirect URIs changed";
        public const string GrantTypeChanged = "grant type changed";

        /// <summary>The audit message's id.</summary>
        public string MessageId { get; }

        public UtcTimestamp When { get; }

        public string ClientId { get; }

        /// <summary>The client's name as the audit trail gives it; null when it gives none.</summary>
        public string? ClientName { get; }

        /// <summary>The API's action (Create, Update, Delete, ...).</summary>
        public string Action { get; }

        /// <summary>What kind of change it was, read from the action and the names of the changed properties (create, secret regenerated, roles changed, ...).</summary>
        public ValueList<string> Kinds { get; }

        /// <summary>The kinds joined: "roles changed, scopes changed".</summary>
        public string Kind => string.Join(", ", Kinds);

        /// <summary>"Name (id)" of the user or OAuth client that made the change; "(unknown)" when the audit message names neither.</summary>
        public string ChangedBy => ChangedById == null ? "(unknown)" : ChangedByName == null ? $"{ChangedByType} {ChangedById}" : $"{ChangedByName} ({ChangedById})";

        public string? ChangedByName { get; }

        public string? ChangedById { get; }

        /// <summary>User or OAuthClient; null when unknown.</summary>
        public string? ChangedByType { get; }

        public ValueList<OAuthClientPropertyChange> Properties { get; }

        /// <summary>The addresses the request came from or passed through, as the audit message lists them.</summary>
        public ValueList<string> RemoteIp { get; }

        /// <summary>The audit service that logged the change (from the service mapping).</summary>
        public string ServiceName { get; }

        /// <summary>True when the client's secret was set: at creation, or regenerated.</summary>
        public bool SetsSecret => Kinds.Contains(SecretRegenerated) || Kinds.Contains(Created);

        /// <summary>"scope +admin" for each role or scope grant the change added (none when it only removed).</summary>
        public ValueList<string> Widened => ValueList.From(Properties
            .Where(change => !change.IsWithheld && (ChangeKinds.IsRoleProperty(change.Property) || ChangeKinds.IsScopeProperty(change.Property)))
            .SelectMany(change => change.Added.Select(value => $"{change.Property} +{value}")));

        public override string ToString() => DisplayText.Visible($"{When} {ClientName ?? ClientId}: {Kind} by {ChangedBy}")!;
    }
}
