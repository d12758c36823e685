using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// An organization's OAuth clients, scope registry, roles and divisions, from whichever source the context
    /// was connected to; it builds objects only (paging and listing checks belong to the source). Each registry is
    /// read once per connection; the roles clients reference, divisions and the permission catalogue only when a
    /// client has role grants. Reads that depend on nothing are started together, then waited for.
    /// </summary>
    public sealed class OrganizationDirectory : IDisposable
    {
        private readonly IOrganizationSource _source;

        internal OrganizationDirectory(IOrganizationSource source)
        {
            _source = source;
        }

        public Organization Organization => _source.Organization;

        internal IOrganizationSource Source => _source;

        /// <summary>The context this directory belongs to; every client it builds remembers it, so a run can say where its facts came from.</summary>
        internal GcContext? Context { get; set; }

        public ScopeRegistry GetScopeRegistry(Operation operation) => operation.Wait(_source.GetScopeRegistryAsync(operation));

        /// <summary>The organization's roles in name order, read once per connection.</summary>
        public IEnumerable<AuthorizationRole> GetRoles(Operation operation) =>
            operation.Wait(_source.GetRolesAsync(operation)).OrderBy(role => role.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The organization's divisions in name order, read once per connection.</summary>
        public IEnumerable<AuthorizationDivision> GetDivisions(Operation operation) =>
            operation.Wait(_source.GetDivisionsAsync(operation)).OrderBy(division => division.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The roles the clients reference (roleDivisions and the deprecated roleIds), the divisions and the permission
        /// catalogue, for resolving the clients' grants: all requested together, then waited for.
        /// </summary>
        /// <remarks>A connection is shared across runspaces, so two threads may get here at once; the source reads each part once.</remarks>
        private AuthorizationRegistry AuthorizationFor(IReadOnlyCollection<OAuthClientDto> clients, Operation operation)
        {
            var roleIds = OAuthClientFactory.ReferencedRoleIds(clients);
            if (roleIds.Length == 0)
            {
                return AuthorizationRegistry.Empty;
            }

            var roles = _source.GetRolesByIdAsync(roleIds, operation);
            var divisions = _source.GetDivisionsAsync(operation);
            var catalog = _source.GetPermissionCatalogAsync(operation);
            return new AuthorizationRegistry(operation.Wait(roles), operation.Wait(divisions), operation.Wait(catalog));
        }

        /// <summary>
        /// The listed clients. The whole listing is read and checked (every page, no duplicate ids, every client
        /// auditable, the roles and divisions it needs) before the first client is returned, so a listing that
        /// fails part-way yields nothing rather than some of the clients. The scope registry is read beside the
        /// listing; the roles, divisions and catalogue the wanted clients need, together once it is in. A live
        /// connection's listing may have been read when connecting (at most its freshness window before).
        /// </summary>
        /// <param name="include">Which listed clients to resolve and return; all when null.</param>
        /// <param name="listed">Called with each client the listing holds, before filtering, for progress.</param>
        /// <param name="listedAt">Called with when a live listing was read from the API (its first request), before the first client is returned.</param>
        public IEnumerable<OAuthClient> GetClients(Operation operation, Func<ClientIdentity, bool>? include = null, Action<int>? listed = null, Action<DateTime>? listedAt = null)
        {
            var scopes = _source.GetScopeRegistryAsync(operation);
            DateTime? readAt = null;
            var listing = _source.GetClientsAsync(operation, at =>
            {
                readAt = at;
                listedAt?.Invoke(at);
            });
            var registry = operation.Wait(scopes);
            var wanted = new List<OAuthClientDto>();
            var count = 0;
            foreach (var dto in Auditable(operation.Wait(listing)))
            {
                listed?.Invoke(++count);
                if (include == null || include(new ClientIdentity(dto.Id!, dto.Name ?? dto.Id!, dto.AuthorizedGrantType!, dto.State)))
                {
                    wanted.Add(dto);
                }
            }

            var authorization = AuthorizationFor(wanted, operation);
            return wanted.Select(dto => Build(dto, registry, authorization, readAt));
        }

        private static IReadOnlyList<OAuthClientDto> Auditable(IReadOnlyList<OAuthClientDto> clients)
        {
            foreach (var dto in clients)
            {
                RequireAuditable(dto);
            }

            return clients;
        }

        /// <returns>The client, or null when the organization has no client with that id.</returns>
        public OAuthClient? GetClient(string clientId, Operation operation)
        {
            var scopes = _source.GetScopeRegistryAsync(operation);
            var read = _source.GetClientAsync(clientId, operation);
            var registry = operation.Wait(scopes);
            var dto = operation.Wait(read);
            if (dto == null)
            {
                return null;
            }

            RequireAuditable(dto);
            return Build(dto, registry, AuthorizationFor(new[] { dto }, operation), readAt: null);
        }

        /// <summary>The organization's data as the API returned it, for a snapshot (see <see cref="IOrganizationSource.Capture"/>).</summary>
        internal SnapshotData Capture(Operation operation, Action<SnapshotPart>? reading = null) => _source.Capture(operation, reading);

        /// <summary>How usage query jobs are waited for (tests shorten the budget).</summary>
        internal QueryJobPolicy QueryJobs { get; set; } = QueryJobPolicy.Default;

        /// <summary>The organization's API usage per client over the last <paramref name="days"/> UTC days, read once per connection and window length.</summary>
        /// <param name="status">Called, from any thread, with where the wait for a query job is (for progress).</param>
        /// <exception cref="UsageUnavailableException">The context is a snapshot, which holds no usage.</exception>
        public OrganizationUsage GetUsage(int days, Operation operation, Action<string>? status = null) =>
            operation.Wait(_source.GetUsageAsync(days, QueryJobs, operation, status));

        /// <summary>
        /// The audited changes of the organization's OAuth clients (the query's clients, or all) over the query's
        /// window ending at <paramref name="now"/>; read anew on every call (the audit trail grows).
        /// </summary>
        /// <param name="progress">Called on any thread with each state of the audit query.</param>
        /// <exception cref="AuditQueryException">An audit query failed, was cancelled or ran out of time.</exception>
        /// <exception cref="InvalidOperationException">The source is a snapshot, which has no audit trail.</exception>
        public OAuthClientHistory GetClientHistory(HistoryQuery query, DateTime now, Action<string>? progress, Operation operation) =>
            operation.Wait(_source.GetClientHistoryAsync(query, now, progress, operation));

        /// <summary>Client names read so far (every one in a snapshot), sorted; never makes a request.</summary>
        public IReadOnlyList<string> CachedClientNames() => Sorted(_source.Cached.ClientNames);

        /// <summary>Scope names if the scope registry was read already, else none; never makes a request.</summary>
        public IReadOnlyList<string> CachedScopeNames() => Sorted(_source.Cached.Scopes?.Scopes.Select(scope => scope.Name));

        /// <summary>Role names if the roles were read already, else none; never makes a request.</summary>
        public IReadOnlyList<string> CachedRoleNames() => Sorted(_source.Cached.Roles?.Select(role => role.Name));

        /// <summary>Division names if the divisions were read already, else none; never makes a request.</summary>
        public IReadOnlyList<string> CachedDivisionNames() => Sorted(_source.Cached.Divisions?.Select(division => division.Name));

        public void Dispose() => _source.Dispose();

        private static IReadOnlyList<string> Sorted(IEnumerable<string?>? names) =>
            (names ?? Enumerable.Empty<string?>()).Where(name => !string.IsNullOrEmpty(name)).Select(name => name!)
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(name => name, StringComparer.OrdinalIgnoreCase).ToArray();

        /// <param name="dto">A client already checked with RequireAuditable.</param>
        private OAuthClient Build(OAuthClientDto dto, ScopeRegistry registry, AuthorizationRegistry authorization, DateTime? readAt)
        {
            var client = OAuthClientFactory.Create(dto, registry, authorization, Organization);
            client.Context = Context;
            client.ReadAt = readAt;
            return client;
        }

        private static void RequireAuditable(OAuthClientDto dto)
        {
            var missing = OAuthClientFactory.MissingRequiredField(dto);
            if (missing != null)
            {
                throw new GenesysApiException(
                    ApiFailureKind.InvalidResponse,
                    $"An OAuth client in the listing has no '{missing}' (client id '{dto.Id ?? "none"}', name '{dto.Name ?? "none"}'); it cannot be audited. Report this answer to Genesys Cloud support.",
                    new ApiRequestDescription("GET", "api", dto.SelfUri ?? "/api/v2/oauth/clients"));
            }
        }
    }
}
