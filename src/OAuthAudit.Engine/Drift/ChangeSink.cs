using System.Collections.Generic;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>Collects the changes of one client, each stamped with the organization and the client's id and name.</summary>
    internal sealed class ChangeSink
    {
        private readonly string _organizationId;
        private readonly string _organizationName;
        private readonly List<OAuthClientChange> _changes;

        public ChangeSink(string organizationId, string organizationName, string clientId, string clientName, List<OAuthClientChange> changes)
        {
            _organizationId = organizationId;
            _organizationName = organizationName;
            ClientId = clientId;
            ClientName = clientName;
            _changes = changes;
        }

        public string ClientId { get; }

        public string ClientName { get; }

        public void Add(ChangeKind change, string property, string? before, string? after, ChangeRisk risk, string message) =>
            _changes.Add(new OAuthClientChange(_organizationId, _organizationName, ClientId, ClientName, change, property, before, after, risk, message));
    }
}
