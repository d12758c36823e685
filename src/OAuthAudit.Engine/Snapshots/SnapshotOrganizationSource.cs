using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>Serves an organization from a snapshot read into memory: offline, no requests.</summary>
    internal sealed class SnapshotOrganizationSource : IOrganizationSource
    {
        private readonly Snapshot _snapshot;
        private readonly ScopeRegistry _registry;
        private readonly IReadOnlyList<AuthorizationRole> _roles;
        private readonly IReadOnlyList<AuthorizationDivision> _divisions;
        private readonly PermissionCatalog? _catalog;

        public SnapshotOrganizationSource(Snapshot snapshot)
        {
            _snapshot = snapshot;
            _registry = ScopeRegistry.FromApi(snapshot.Scopes);
            _roles = AuthorizationFactory.Roles(snapshot.Roles);
            _divisions = AuthorizationFactory.Divisions(snapshot.Divisions);
            _catalog = snapshot.Permissions == null ? null : PermissionCatalog.FromApi(snapshot.Permissions);
        }

        public Organization Organization => _snapshot.Organization;

        public Task<ScopeRegistry> GetScopeRegistryAsync(Operation operation) => Task.FromResult(_registry);

        public Task<IReadOnlyList<AuthorizationRole>> GetRolesAsync(Operation operation) => Task.FromResult(_roles);

        public Task<IReadOnlyList<AuthorizationRole>> GetRolesByIdAsync(IReadOnlyCollection<string> roleIds, Operation operation)
        {
            var wanted = new HashSet<string>(roleIds, StringComparer.OrdinalIgnoreCase);
            return Task.FromResult<IReadOnlyList<AuthorizationRole>>(_roles.Where(role => wanted.Contains(role.Id)).ToArray());
        }

        public Task<IReadOnlyList<AuthorizationDivision>> GetDivisionsAsync(Operation operation) => Task.FromResult(_divisions);

        public Task<PermissionCatalog?> GetPermissionCatalogAsync(Operation operation)
        {
            operation.Host.Verbose(_catalog == null
                ? "Permission catalogue: the snapshot has none, so a '*' in a role's permissions is not expanded to actions and whether a permission is limited to a grant's division is not known."
                : $"Permission catalogue: {_catalog.Count} permissions (from the snapshot)");
            return Task.FromResult(_catalog);
        }

        public Task<IReadOnlyList<OAuthClientDto>> GetClientsAsync(Operation operation, Action<DateTime>? readAt = null) =>
            Task.FromResult(_snapshot.Clients);

        public Task<OAuthClientDto?> GetClientAsync(string clientId, Operation operation) =>
            Task.FromResult<OAuthClientDto?>(_snapshot.Clients.FirstOrDefault(client => string.Equals(client.Id, clientId, StringComparison.OrdinalIgnoreCase)));

        public SnapshotData Capture(Operation operation, Action<SnapshotPart>? reading) => _snapshot.Data;

        /// <summary>A snapshot records the clients, not their usage: always an error.</summary>
        public Task<OrganizationUsage> GetUsageAsync(int days, QueryJobPolicy policy, Operation operation, Action<string>? status) =>
            Task.FromException<OrganizationUsage>(new UsageUnavailableException(_snapshot.Organization.Name));

        /// <summary>A snapshot holds the clients as they were, not who changed them: the audit trail is read live only.</summary>
        public Task<OAuthClientHistory> GetClientHistoryAsync(HistoryQuery query, DateTime now, Action<string>? progress, Operation operation) =>
            throw new InvalidOperationException($"The snapshot {_snapshot.Path} holds no change history: the audit trail of OAuth clients is read from a live connection only.");

        public CachedData Cached => new CachedData(_registry, _roles, _divisions, _snapshot.Clients.Select(client => client.Name ?? client.Id!).ToArray());

        public void Dispose()
        {
        }
    }
}
