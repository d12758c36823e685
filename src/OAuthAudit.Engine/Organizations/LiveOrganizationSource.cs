using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Snapshots;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// Reads an organization from the Genesys Cloud API. The scope registry, roles, divisions and permission catalogue
    /// are each fetched once and kept; the registry and divisions are started when connecting, beside
    /// organizations/me, as reads of the connection (not of the command that connected): a caller that needs one
    /// waits for it under its own cancellation, and reads it again itself if it failed. Roles that clients reference
    /// are read by id (<see cref="RoleLookup"/>), apart from the full listing.
    /// The client listing is read ahead too, when connecting, and given to the first caller that reads the whole
    /// listing within <see cref="ListingFreshFor"/> (<see cref="FreshReadAhead{T}"/>); as soon as its bytes are in, the
    /// roles it references and the permission catalogue are started, so that caller finds them read or on the way.
    /// </summary>
    internal sealed class LiveOrganizationSource : IOrganizationSource
    {
        private const string OrganizationPath = "/api/v2/organizations/me";
        private const string ClientsPath = "/api/v2/oauth/clients";
        private const string ScopesPath = "/api/v2/oauth/scopes";
        private const string RolesPath = "/api/v2/authorization/roles";
        private const string DivisionsPath = "/api/v2/authorization/divisions";
        private const string PermissionsPath = "/api/v2/authorization/permissions";
        private const string ClientViewPermission = "oauth:client:view";
        internal const string RoleViewPermission = "authorization:role:view";
        private const string DivisionViewPermission = "authorization:division:view";

        /// <summary>How long the listing read when connecting stays usable: a command that starts later reads the listing afresh.</summary>
        public static readonly TimeSpan ListingFreshFor = TimeSpan.FromSeconds(60);

        private readonly GenesysApiClient _api;
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private readonly RecordedHost _scopesRead = new RecordedHost();
        private readonly RecordedHost _divisionsRead = new RecordedHost();
        private readonly RecordedHost _catalogRead = new RecordedHost();
        private readonly RecordedHost _rolesRead = new RecordedHost();
        private readonly FreshReadAhead<IReadOnlyList<OAuthClientDto>> _listingAhead;
        private readonly Func<DateTime> _clock;
        private Task<IReadOnlyList<AuthorizationRole>>? _rolesAhead;
        private readonly RoleLookup _referencedRoles;
        private readonly AsyncOnce<ScopeRegistry> _scopes = new AsyncOnce<ScopeRegistry>();
        private readonly AsyncOnce<IReadOnlyList<AuthorizationRole>> _roles = new AsyncOnce<IReadOnlyList<AuthorizationRole>>();
        private readonly AsyncOnce<IReadOnlyList<AuthorizationDivision>> _divisions = new AsyncOnce<IReadOnlyList<AuthorizationDivision>>();
        private readonly HashSet<string> _clientNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly AsyncOnce<PermissionCatalog> _catalog = new AsyncOnce<PermissionCatalog>();
        private readonly ConcurrentDictionary<int, AsyncOnce<OrganizationUsage>> _usage = new ConcurrentDictionary<int, AsyncOnce<OrganizationUsage>>();

        private LiveOrganizationSource(GenesysApiClient api, TimeSpan listingFreshFor, Func<DateTime> clock)
        {
            _api = api;
            _clock = clock;
            _listingAhead = new FreshReadAhead<IReadOnlyList<OAuthClientDto>>(listingFreshFor, clock);
            _referencedRoles = new RoleLookup(api, RolesPath, GetRolesAsync);
            Organization = null!;
        }

        public Organization Organization { get; private set; }

        /// <summary>Reads organizations/me, with the scope registry, divisions and client listing started beside it in the background.</summary>
        /// <param name="listingFreshFor">How long the listing read ahead stays usable (tests shorten it); <see cref="ListingFreshFor"/> when null.</param>
        /// <param name="clock">The UTC time, for the listing's age (tests move it); DateTime.UtcNow when null.</param>
        public static async Task<LiveOrganizationSource> ConnectAsync(GenesysApiClient api, Operation operation, TimeSpan? listingFreshFor = null, Func<DateTime>? clock = null)
        {
            var source = new LiveOrganizationSource(api, listingFreshFor ?? ListingFreshFor, clock ?? (() => DateTime.UtcNow));
            try
            {
                source.StartBackgroundReads();
                var me = await api.GetAsync<OrganizationDto>(OrganizationPath, "Organization", null, operation).ConfigureAwait(false);
                source.Organization = new Organization(
                    me!.Id ?? throw new GenesysApiException(ApiFailureKind.InvalidResponse, "GET /api/v2/organizations/me answered without an organization id.", new ApiRequestDescription("GET", api.Endpoint.ApiBaseUri)),
                    me.Name ?? me.ThirdPartyOrgName ?? me.Id,
                    me.ThirdPartyOrgName ?? me.Domain);
                return source;
            }
            catch
            {
                source._lifetime.Cancel();
                throw;
            }
        }

        /// <summary>
        /// The reads every audit needs and that depend on nothing, under the connection's own lifetime: they go on
        /// after the command that connected has ended, and stop when the connection is closed. What they say is kept
        /// and written to the streams of the first command that uses the result (no command is waiting for them yet).
        /// </summary>
        private void StartBackgroundReads()
        {
            _scopes.StartAhead(() => FetchScopeRegistryAsync(new Operation(_scopesRead, _lifetime.Token)));
            _divisions.StartAhead(() => FetchDivisionsAsync(new Operation(_divisionsRead, _lifetime.Token)));
            _listingAhead.Start(ReadListingAheadAsync, _lifetime.Token);
        }

        /// <summary>
        /// The listing read when connecting. The roles its raw body seems to reference (<see cref="RoleIdScan"/>) are
        /// asked for before it is parsed; once it is parsed, the roles it does reference are read after them (found
        /// read, unless the hint missed some), all before the listing is handed over.
        /// </summary>
        private async Task<IReadOnlyList<OAuthClientDto>> ReadListingAheadAsync(Operation operation)
        {
            var clients = await ReadClientListingAsync<OAuthClientDto>(client => client.Id, operation, StartAuthorizationFromHint).ConfigureAwait(false);
            StartAuthorizationAhead(OAuthClientFactory.ReferencedRoleIds(clients));
            return clients;
        }

        private void StartAuthorizationFromHint(ApiResponse listing)
        {
            ArraySegment<byte> body;
            try
            {
                body = listing.Utf8Body();
            }
            catch (ArgumentException)
            {
                return; // Not text in its encoding: the parse says so.
            }

            if (RoleIdScan.Scan(body.Array!, body.Offset, body.Count) is IReadOnlyCollection<string> hinted)
            {
                StartAuthorizationAhead(hinted);
            }
        }

        /// <summary>
        /// The roles <paramref name="roleIds"/> name and the permission catalogue, as reads of the connection (kept for
        /// it, as a command's own reads are): a command that resolves the clients waits for them instead of asking
        /// again. A read started before (from the hint) is waited for first, so no id is asked for twice.
        /// </summary>
        private void StartAuthorizationAhead(IReadOnlyCollection<string> roleIds)
        {
            if (roleIds.Count == 0 || _lifetime.IsCancellationRequested)
            {
                return;
            }

            // The role batches first: the catalogue is one request, they may be many. When the read started before
            // failed, this one fails with it (the command then reads itself, as after any failed read ahead).
            var before = Volatile.Read(ref _rolesAhead);
            Volatile.Write(ref _rolesAhead, AsyncOnce<IReadOnlyList<AuthorizationRole>>.RunAhead(async () =>
            {
                if (before != null)
                {
                    await before.ConfigureAwait(false);
                }

                return await _referencedRoles.GetAsync(roleIds, _roles.Value, new Operation(_rolesRead, _lifetime.Token)).ConfigureAwait(false);
            }));
            _catalog.StartAheadIfIdle(() => FetchPermissionCatalogAsync(new Operation(_catalogRead, _lifetime.Token)));
        }

        /// <summary>True while the listing read when connecting is held for a command (tests: released after its window).</summary>
        internal bool HoldsListing => _listingAhead.IsHeld;

        public Task<ScopeRegistry> GetScopeRegistryAsync(Operation operation) =>
            _scopes.GetAsync(() => FetchScopeRegistryAsync(operation), operation.Cancellation, _ => _scopesRead.ReplayTo(operation.Host));

        public Task<IReadOnlyList<AuthorizationRole>> GetRolesAsync(Operation operation) =>
            _roles.GetAsync(() => FetchRolesAsync(operation), operation.Cancellation);

        public Task<IReadOnlyList<AuthorizationDivision>> GetDivisionsAsync(Operation operation) =>
            _divisions.GetAsync(() => FetchDivisionsAsync(operation), operation.Cancellation, _ => _divisionsRead.ReplayTo(operation.Host));

        /// <summary>Waits first for the roles started when the listing read ahead came in (their failure is dropped: then the caller reads itself).</summary>
        public async Task<IReadOnlyList<AuthorizationRole>> GetRolesByIdAsync(IReadOnlyCollection<string> roleIds, Operation operation)
        {
            var ahead = Volatile.Read(ref _rolesAhead);
            if (ahead != null)
            {
                try
                {
                    await AsyncOnce<IReadOnlyList<AuthorizationRole>>.WaitAsync(ahead, operation.Cancellation).ConfigureAwait(false);
                }
                catch (Exception) when (!operation.Cancellation.IsCancellationRequested)
                {
                    // Read again below, as this caller's own read.
                }

                if (Interlocked.CompareExchange(ref _rolesAhead, null, ahead) == ahead)
                {
                    _rolesRead.ReplayTo(operation.Host);
                }
            }

            return await _referencedRoles.GetAsync(roleIds, _roles.Value, operation).ConfigureAwait(false);
        }

        public async Task<PermissionCatalog?> GetPermissionCatalogAsync(Operation operation) =>
            await _catalog.GetAsync(() => FetchPermissionCatalogAsync(operation), operation.Cancellation, _ => _catalogRead.ReplayTo(operation.Host)).ConfigureAwait(false);

        /// <summary>
        /// The whole client listing: its nextUri chain followed to the end, every page and every id checked. The listing
        /// read when connecting is taken if it is fresh (once: a later caller reads afresh), else it is read now.
        /// </summary>
        public async Task<IReadOnlyList<OAuthClientDto>> GetClientsAsync(Operation operation, Action<DateTime>? readAt = null)
        {
            var aheadAt = default(DateTime?);
            var clients = await _listingAhead.TakeAsync(operation, at => aheadAt = at).ConfigureAwait(false);
            if (clients != null)
            {
                operation.Host.Verbose($"OAuth client listing: {clients.Count} clients, read when connecting, {Math.Max(0, (_clock() - aheadAt!.Value).TotalSeconds):0.0} s ago (read afresh after {_listingAhead.Window.TotalSeconds:0} s)");
                readAt?.Invoke(aheadAt.Value);
            }
            else
            {
                readAt?.Invoke(_clock());
                clients = await ReadClientListingAsync<OAuthClientDto>(client => client.Id, operation).ConfigureAwait(false);
            }

            RememberNames(clients);
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

        public SnapshotData Capture(Operation operation, Action<SnapshotPart>? reading)
        {
            var capturedAt = DateTime.UtcNow;
            var organization = operation.Wait(_api.GetAsync<JObject>(OrganizationPath, "Organization", null, operation))!;
            if (!string.Equals((organization["id"] as JValue)?.Value as string, Organization.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw new GenesysApiException(ApiFailureKind.InvalidResponse, $"GET {OrganizationPath} now answers with organization id '{organization["id"]}', where the connection was made to '{Organization.Id}'; nothing was captured.", new ApiRequestDescription("GET", _api.Endpoint.ApiBaseUri.Host, OrganizationPath));
            }

            IReadOnlyList<JObject> Read(SnapshotPart part, Func<Task<IReadOnlyList<JObject>>> read)
            {
                reading?.Invoke(part);
                return operation.Wait(read());
            }

            string? IdOf(JObject item) => (item["id"] as JValue)?.Value as string;
            var scopes = Read(SnapshotPart.Scopes, async () =>
            {
                var listing = await _api.GetAsync<EntityListingDto<JObject>>(ScopesPath, "OAuthScopeListing", null, operation).ConfigureAwait(false);
                var entities = ListingPages.EntitiesOf(listing!.Entities, ScopesPath, ScopesPath);
                ListingPages.RequireUniqueIds(entities, IdOf, ScopesPath);
                return entities;
            });
            var clients = Read(SnapshotPart.Clients, () => ReadClientListingAsync<JObject>(IdOf, operation)).Select(ClientSecrets.Drop).ToArray();
            var roles = Read(SnapshotPart.Roles, () => PagedListing.ReadAllAsync<JObject>(_api, RolesPath, "&userCount=false", "OrganizationRoleEntityListing", RoleViewPermission, operation, IdOf));
            var divisions = Read(SnapshotPart.Divisions, () => PagedListing.ReadAllAsync<JObject>(_api, DivisionsPath, string.Empty, "AuthzDivisionEntityListing", DivisionViewPermission, operation, IdOf));
            var permissions = Read(SnapshotPart.Permissions, () => PagedListing.ReadAllAsync<JObject>(_api, PermissionsPath, string.Empty, "PermissionCollectionEntityListing", null, operation));
            return new SnapshotData(capturedAt, _api.Endpoint.Environment, organization, scopes, clients, roles, divisions, permissions);
        }

        public Task<OrganizationUsage> GetUsageAsync(int days, QueryJobPolicy policy, Operation operation, Action<string>? status) =>
            _usage.GetOrAdd(days, _ => new AsyncOnce<OrganizationUsage>()).GetAsync(() => FetchUsageAsync(days, policy, operation, status), operation.Cancellation);

        public Task<OAuthClientHistory> GetClientHistoryAsync(HistoryQuery query, DateTime now, Action<string>? progress, Operation operation) =>
            OAuthClientHistoryReader.ReadAsync(_api, query, now, progress, operation);

        public CachedData Cached
        {
            get
            {
                lock (_clientNames)
                {
                    return new CachedData(_scopes.Value, _roles.Value ?? _referencedRoles.Known, _divisions.Value, _clientNames.ToArray());
                }
            }
        }

        public void Dispose()
        {
            _lifetime.Cancel();
            _listingAhead.Drop();
            _api.Dispose();
        }

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

        /// <summary>The client listing as T (the DTO, or the JSON objects themselves): every page of its nextUri chain, each id once.</summary>
        /// <param name="arrived">Called with the first page's answer before it is parsed.</param>
        private async Task<IReadOnlyList<T>> ReadClientListingAsync<T>(Func<T, string?> idOf, Operation operation, Action<ApiResponse>? arrived = null)
        {
            const string Model = "OAuthClientEntityListing";
            var first = (await _api.GetAsync<EntityListingDto<T>>(ClientsPath, Model, ClientViewPermission, operation, arrived: arrived).ConfigureAwait(false))!;
            var clients = new List<T>(ListingPages.EntitiesOf(first.Entities, ClientsPath, ClientsPath));
            clients.AddRange(await PagedListing.FollowNextUrisAsync(_api, "OAuth client", ClientsPath, ClientsPath, first, Model, ClientViewPermission, operation).ConfigureAwait(false));
            ListingPages.RequireUniqueIds(clients, idOf, ClientsPath);
            return clients;
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
            operation.Host.Verbose(Read(divisions));
            return divisions;
        }

        /// <summary>The catalogue needs no permission (the API documents GET /api/v2/authorization/permissions as requiring none).</summary>
        private async Task<PermissionCatalog> FetchPermissionCatalogAsync(Operation operation)
        {
            var catalog = PermissionCatalog.FromApi(await PagedListing.ReadAllAsync<DomainPermissionCollectionDto>(_api, PermissionsPath, string.Empty, "PermissionCollectionEntityListing", null, operation).ConfigureAwait(false));
            operation.Host.Verbose($"Permission catalogue: {catalog.Count} permissions (cached for this connection)");
            return catalog;
        }

        /// <summary>One job per 90 days of the window, one after the other: 1 POST, its polls and its result pages each, however many clients.</summary>
        private async Task<OrganizationUsage> FetchUsageAsync(int days, QueryJobPolicy policy, Operation operation, Action<string>? status)
        {
            var window = new UsageWindow(days, DateTime.UtcNow);
            var intervals = window.Intervals();
            var rows = new List<UsageRow>();
            foreach (var interval in intervals)
            {
                rows.AddRange(await UsageQueryJob.RunAsync(_api, interval, policy, operation, status).ConfigureAwait(false));
            }

            var usage = new OrganizationUsage(window, rows, intervals.Count);
            operation.Host.Verbose($"Usage: {usage.ClientIds.Count} clients with requests in {window}, {intervals.Count} query jobs (cached for this connection)");
            return usage;
        }

        private static string Read(ScopeRegistry registry) => $"Scope registry: {registry.Scopes.Count} scopes (cached for this connection)";

        private static string Read(IReadOnlyList<AuthorizationDivision> divisions) => $"Divisions: {divisions.Count} (cached for this connection)";

        private async Task<ScopeRegistry> FetchScopeRegistryAsync(Operation operation)
        {
            var listing = await _api.GetAsync<OAuthScopeListingDto>(ScopesPath, "OAuthScopeListing", null, operation).ConfigureAwait(false);
            var scopes = ListingPages.EntitiesOf(listing!.Entities, ScopesPath, ScopesPath);
            ListingPages.RequireUniqueIds(scopes, scope => scope.Id, ScopesPath);
            var registry = ScopeRegistry.FromApi(scopes);
            operation.Host.Verbose(Read(registry));
            return registry;
        }
    }
}
