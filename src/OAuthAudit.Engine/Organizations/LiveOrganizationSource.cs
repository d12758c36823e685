using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Reads an organization from the Genesys Cloud API. The scope registry, roles, divisions and permission catalogue are each fetched once and kept.</summary>
    internal sealed class LiveOrganizationSource : IOrganizationSource
    {
        private const string ClientsPath = "/api/v2/oauth/clients";
        private const string ScopesPath = "/api/v2/oauth/scopes";
        private const string RolesPath = "/api/v2/authorization/roles";
        private const string DivisionsPath = "/api/v2/authorization/divisions";
        private const string PermissionsPath = "/api/v2/authorization/permissions";
        private const string ClientViewPermission = "oauth:client:view";
        private const string RoleViewPermission = "authorization:role:view";
        private const string DivisionViewPermission = "authorization:division:view";

        private readonly GenesysApiClient _api;
        private readonly AsyncOnce<ScopeRegistry> _scopes = new AsyncOnce<ScopeRegistry>();
        private readonly AsyncOnce<IReadOnlyList<AuthorizationRole>> _roles = new AsyncOnce<IReadOnlyList<AuthorizationRole>>();
        private readonly AsyncOnce<IReadOnlyList<AuthorizationDivision>> _divisions = new AsyncOnce<IReadOnlyList<AuthorizationDivision>>();
        private readonly HashSet<string> _clientNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly AsyncOnce<PermissionCatalog> _catalog = new AsyncOnce<PermissionCatalog>();

        private LiveOrganizationSource(GenesysApiClient api, Organization organization)
        {
            _api = api;
            Organization = organization;
        }

        public Organization Organization { get; }

        public static async Task<LiveOrganizationSource> ConnectAsync(GenesysApiClient api, Operation operation)
        {
            var me = await api.GetAsync<OrganizationDto>("/api/v2/organizations/me", "Organization", null, operation).ConfigureAwait(false);
            var organization = new Organization(
                me!.Id ?? throw new GenesysApiException(ApiFailureKind.InvalidResponse, "GET /api/v2/organizations/me answered without an organization id.", new ApiRequestDescription("GET", api.Endpoint.ApiBaseUri)),
                me.Name ?? me.ThirdPartyOrgName ?? me.Id,
                me.ThirdPartyOrgName ?? me.Domain);
            return new LiveOrganizationSource(api, organization);
        }

        public Task<ScopeRegistry> GetScopeRegistryAsync(Operation operation) =>
            _scopes.GetAsync(() => FetchScopeRegistryAsync(operation), operation.Cancellation);

        public Task<IReadOnlyList<AuthorizationRole>> GetRolesAsync(Operation operation) =>
            _roles.GetAsync(() => FetchRolesAsync(operation), operation.Cancellation);

        public Task<IReadOnlyList<AuthorizationDivision>> GetDivisionsAsync(Operation operation) =>
            _divisions.GetAsync(() => FetchDivisionsAsync(operation), operation.Cancellation);

        public async Task<PermissionCatalog?> GetPermissionCatalogAsync(Operation operation) =>
            await _catalog.GetAsync(() => FetchPermissionCatalogAsync(operation), operation.Cancellation).ConfigureAwait(false);

        /// <summary>The whole client listing: its nextUri chain followed to the end, every page and every id checked.</summary>
        public async Task<IReadOnlyList<OAuthClientDto>> GetClientsAsync(Operation operation)
        {
            const string Model = "OAuthClientEntityListing";
            var first = (await _api.GetAsync<EntityListingDto<OAuthClientDto>>(ClientsPath, Model, ClientViewPermission, operation).ConfigureAwait(false))!;
            var clients = new List<OAuthClientDto>(ListingPages.EntitiesOf(first.Entities, ClientsPath, ClientsPath));
            RememberNames(clients);
            var rest = await PagedListing.FollowNextUrisAsync(_api, "OAuth client", ClientsPath, ClientsPath, first, Model, ClientViewPermission, operation).ConfigureAwait(false);
            RememberNames(rest);
            clients.AddRange(rest);
            ListingPages.RequireUniqueIds(clients, client => client.Id, ClientsPath);
            return clients;
        }

        public async Task<OAuthClientDto?> GetClientAsync(string clientId, Operation operation)
        {
            var client = await _api.GetAsync<OAuthClientDto>($"{ClientsPath}/{Uri.EscapeDataString(clientId)}", "OAuthClient", ClientViewPermission, operation, notFoundIsNull: true).ConfigureAwait(false);
            if (client != null)
            {
                RememberNames(new[] { client });
            }

            return client;
        }

        public Task<OAuthClientHistory> GetClientHistoryAsync(HistoryQuery query, DateTime now, Action<string>? progress, Operation operation) =>
            OAuthClientHistoryReader.ReadAsync(_api, query, now, progress, operation);

        public CachedData Cached
        {
            get
            {
                lock (_clientNames)
                {
                    return new CachedData(_scopes.Value, _roles.Value, _divisions.Value, _clientNames.ToArray());
                }
            }
        }

        public void Dispose() => _api.Dispose();

        /// <summary>Keeps the names of clients read so far, for completion to offer without a request.</summary>
        private void RememberNames(IEnumerable<OAuthClientDto> clients)
        {
            lock (_clientNames)
            {
                foreach (var client in clients.Where(client => !string.IsNullOrEmpty(client.Name)))
                {
                    _clientNames.Add(client.Name!);
                }
            }
        }

        private async Task<IReadOnlyList<AuthorizationRole>> FetchRolesAsync(Operation operation)
        {
            var roles = AuthorizationFactory.Roles(await PagedListing.ReadAllAsync<DomainOrganizationRoleDto>(_api, RolesPath, "&userCount=false", "OrganizationRoleEntityListing", RoleViewPermission, operation, role => role.Id).ConfigureAwait(false));
            operation.Host.Verbose($"Roles: {roles.Count} (cached for this connection)");
            return roles;
        }

        private async Task<IReadOnlyList<AuthorizationDivision>> FetchDivisionsAsync(Operation operation)
        {
            var divisions = AuthorizationFactory.Divisions(await PagedListing.ReadAllAsync<AuthzDivisionDto>(_api, DivisionsPath, string.Empty, "AuthzDivisionEntityListing", DivisionViewPermission, operation, division => division.Id).ConfigureAwait(false));
            operation.Host.Verbose($"Divisions: {divisions.Count} (cached for this connection)");
            return divisions;
        }

        /// <summary>The catalogue needs no permission (the API documents GET /api/v2/authorization/permissions as requiring none).</summary>
        private async Task<PermissionCatalog> FetchPermissionCatalogAsync(Operation operation)
        {
            var catalog = PermissionCatalog.FromApi(await PagedListing.ReadAllAsync<DomainPermissionCollectionDto>(_api, PermissionsPath, string.Empty, "PermissionCollectionEntityListing", null, operation).ConfigureAwait(false));
            operation.Host.Verbose($"Permission catalogue: {catalog.Count} permissions (cached for this connection)");
            return catalog;
        }

        private async Task<ScopeRegistry> FetchScopeRegistryAsync(Operation operation)
        {
            var listing = await _api.GetAsync<OAuthScopeListingDto>(ScopesPath, "OAuthScopeListing", null, operation).ConfigureAwait(false);
            var scopes = ListingPages.EntitiesOf(listing!.Entities, ScopesPath, ScopesPath);
            ListingPages.RequireUniqueIds(scopes, scope => scope.Id, ScopesPath);
            var registry = ScopeRegistry.FromApi(scopes);
            operation.Host.Verbose($"Scope registry: {registry.Scopes.Count} scopes (cached for this connection)");
            return registry;
        }
    }
}
