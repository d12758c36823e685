using System;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Connections
{
    /// <summary>
    /// A connection to one organization, live or from a snapshot. What it shows identifies the organization
    /// and how it was reached; the credentials and token it uses are not reachable from it.
    /// </summary>
    public sealed class GcContext : IDisposable
    {
        private readonly IAccessTokenSource? _tokens;

        internal GcContext(OrganizationDirectory directory, ContextSource source, IAccessTokenSource? tokens)
        {
            Directory = directory;
            directory.Context = this;
            _tokens = tokens;
            Source = source;
            ConnectedAt = DateTime.UtcNow;
        }

        public string OrganizationName => Directory.Organization.Name;

        public string OrganizationId => Directory.Organization.Id;

        public ContextSource Source { get; }

        public string? Region { get; internal set; }

        public string? Environment { get; internal set; }

        public Uri? ApiBaseUri { get; internal set; }

        /// <summary>client_credentials, access_token, or snapshot.</summary>
        public string GrantType => _tokens?.GrantType ?? "snapshot";

        public string? ClientId { get; internal set; }

        public UtcTimestamp? TokenExpiresAt => UtcTimestamp.From(_tokens?.ExpiresAt);

        public UtcTimestamp ConnectedAt { get; }

        public string? SnapshotPath { get; internal set; }

        public UtcTimestamp? CapturedAt { get; internal set; }

        /// <summary>False once Disconnect-GcOrganization closed this context.</summary>
        public bool IsConnected { get; private set; } = true;

        internal OrganizationDirectory Directory { get; }

        public void Dispose()
        {
            IsConnected = false;
            Directory.Dispose();
        }

        public override string ToString() => DisplayText.Visible($"{OrganizationName} ({Region ?? Environment ?? SnapshotPath}, {GrantType})")!;
    }
}
