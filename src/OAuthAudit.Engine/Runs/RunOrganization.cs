using System;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>The organization a run judged, keyed by its id (names are not unique across organizations).</summary>
    public sealed class RunOrganization
    {
        public RunOrganization(string id, string name, string? region)
        {
            Id = string.IsNullOrEmpty(id) ? throw new ArgumentException("An audit run needs the organization's id: organizations are keyed by id.", nameof(id)) : id;
            Name = name ?? string.Empty;
            Region = region;
        }

        public string Id { get; }

        public string Name { get; }

        /// <summary>The region (e.g. us-east-1) when known.</summary>
        public string? Region { get; }

        public override string ToString() => DisplayText.Visible($"{Name} ({Id})")!;
    }
}
