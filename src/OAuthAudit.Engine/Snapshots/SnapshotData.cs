using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>
    /// An organization's data as the API returned it, the JSON objects themselves (fields the module does not model
    /// included; a client's <c>secret</c> already dropped): what a snapshot document holds. docs/snapshot.md is the format.
    /// </summary>
    internal sealed class SnapshotData
    {
        public SnapshotData(DateTime capturedAt, string? environment, JObject organization, IReadOnlyList<JObject> scopes, IReadOnlyList<JObject> clients,
            IReadOnlyList<JObject> roles, IReadOnlyList<JObject> divisions, IReadOnlyList<JObject>? permissions)
        {
            CapturedAt = capturedAt.ToUniversalTime();
            Environment = environment;
            Organization = organization;
            Scopes = scopes;
            Clients = clients;
            Roles = roles;
            Divisions = divisions;
            Permissions = permissions;
        }

        /// <summary>When the organization was read (UTC).</summary>
        public DateTime CapturedAt { get; }

        /// <summary>The region's domain, such as mypurecloud.ie, when known.</summary>
        public string? Environment { get; }

        /// <summary>GET /api/v2/organizations/me.</summary>
        public JObject Organization { get; }

        /// <summary>GET /api/v2/oauth/scopes (OAuthScope).</summary>
        public IReadOnlyList<JObject> Scopes { get; }

        /// <summary>GET /api/v2/oauth/clients (OAuthClient), without any secret.</summary>
        public IReadOnlyList<JObject> Clients { get; }

        /// <summary>GET /api/v2/authorization/roles (DomainOrganizationRole).</summary>
        public IReadOnlyList<JObject> Roles { get; }

        /// <summary>GET /api/v2/authorization/divisions (AuthzDivision).</summary>
        public IReadOnlyList<JObject> Divisions { get; }

        /// <summary>GET /api/v2/authorization/permissions (DomainPermissionCollection), or null when the snapshot has none.</summary>
        public IReadOnlyList<JObject>? Permissions { get; }
    }
}
