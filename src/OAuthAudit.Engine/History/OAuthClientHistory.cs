using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.History
{
    /// <summary>
    /// The audited changes of an organization's OAuth clients over one window: what a run loaded, so the checks that
    /// need history know both what happened and how far back they may look.
    /// </summary>
    public sealed class OAuthClientHistory
    {
        private readonly ILookup<string, OAuthClientChangeEvent> _byClient;

        public OAuthClientHistory(DateTime start, DateTime end, IEnumerable<string>? clientIds, IEnumerable<OAuthClientChangeEvent> events)
        {
            Start = start.ToUniversalTime();
            End = end.ToUniversalTime();
            ClientIds = (clientIds ?? Enumerable.Empty<string>()).ToArray();
            Events = ValueList.From(events.OrderBy(change => change.When).ThenBy(change => change.MessageId, StringComparer.Ordinal));
            _byClient = Events.ToLookup(change => change.ClientId, StringComparer.OrdinalIgnoreCase);
        }

        public UtcTimestamp Start { get; }

        public UtcTimestamp End { get; }

        /// <summary>How many whole days the window covers.</summary>
        public int Days => (int)Math.Floor((End.UtcDateTime - Start.UtcDateTime).TotalDays + 1e-9);

        /// <summary>The clients the history was read for; empty when it covers every client.</summary>
        public IReadOnlyList<string> ClientIds { get; }

        /// <summary>Oldest first.</summary>
        public ValueList<OAuthClientChangeEvent> Events { get; }

        /// <summary>True when the history holds this client's changes (read for every client, or for this one).</summary>
        public bool Covers(string clientId) => ClientIds.Count == 0 || ClientIds.Contains(clientId, StringComparer.OrdinalIgnoreCase);

        /// <summary>The client's changes, oldest first.</summary>
        public IEnumerable<OAuthClientChangeEvent> For(string clientId) => _byClient[clientId];
    }
}
