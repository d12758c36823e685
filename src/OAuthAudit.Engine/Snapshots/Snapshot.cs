using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>An organization as captured at one moment: the API's own JSON objects, read from a snapshot file.</summary>
    internal sealed class Snapshot
    {
        /// <summary>The version this module writes: 2 added kind and tool (docs/snapshot.md).</summary>
        public const int CurrentSchemaVersion = 2;

        /// <summary>The oldest version still read: 1, the format of samples/demo-org.json.</summary>
        public const int OldestSchemaVersion = 1;

        /// <summary>The largest snapshot file read: far above what a 10,000-client organization writes.</summary>
        public const long MaximumFileBytes = 512L * 1024 * 1024;

        public Snapshot(string path, DateTime capturedAt, string? environment, Organization organization, IReadOnlyList<OAuthScopeDto> scopes, IReadOnlyList<OAuthClientDto> clients,
            IReadOnlyList<DomainOrganizationRoleDto> roles, IReadOnlyList<AuthzDivisionDto> divisions, IReadOnlyList<DomainPermissionCollectionDto>? permissions, SnapshotData data)
        {
            Data = data;
            Permissions = permissions;
            Roles = roles;
            Divisions = divisions;
            Path = path;
            CapturedAt = capturedAt;
            Environment = environment;
            Organization = organization;
            Scopes = scopes;
            Clients = clients;
        }

        public string Path { get; }

        public DateTime CapturedAt { get; }

        public string? Environment { get; }

        public Organization Organization { get; }

        public IReadOnlyList<OAuthScopeDto> Scopes { get; }

        public IReadOnlyList<OAuthClientDto> Clients { get; }

        public IReadOnlyList<DomainOrganizationRoleDto> Roles { get; }

        public IReadOnlyList<AuthzDivisionDto> Divisions { get; }

        /// <summary>The permission catalogue (GET /api/v2/authorization/permissions), or null when the file has none.</summary>
        public IReadOnlyList<DomainPermissionCollectionDto>? Permissions { get; }

        /// <summary>The JSON objects as read, for saving the snapshot again.</summary>
        public SnapshotData Data { get; }
    }
}
