using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Snapshots;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Where an organization's data comes from: the live API or a snapshot file.</summary>
    internal interface IOrganizationSource : IDisposable
    {
        Organization Organization { get; }

        Task<ScopeRegistry> GetScopeRegistryAsync(Operation operation);

        Task<IReadOnlyList<AuthorizationRole>> GetRolesAsync(Operation operation);

        /// <summary>The organization's roles with these ids (an id without a role is left out), read once per id and kept apart from the full listing.</summary>
        Task<IReadOnlyList<AuthorizationRole>> GetRolesByIdAsync(IReadOnlyCollection<string> roleIds, Operation operation);

        Task<IReadOnlyList<AuthorizationDivision>> GetDivisionsAsync(Operation operation);

        /// <returns>The permission catalogue, or null when the source has none (a snapshot written without it).</returns>
        Task<PermissionCatalog?> GetPermissionCatalogAsync(Operation operation);

        /// <summary>
        /// The whole client listing, already checked as a listing (every page read, no loop, no id twice): a source
        /// hands over all of it or throws, never part of it. Paging, if the source has any, stays inside it.
        /// </summary>
        /// <param name="readAt">Called with when a live source read the listing from the API (its first request); a snapshot does not call it.</param>
        Task<IReadOnlyList<OAuthClientDto>> GetClientsAsync(Operation operation, Action<DateTime>? readAt = null);

        /// <returns>The client, or null when the organization has no client with that id.</returns>
        Task<OAuthClientDto?> GetClientAsync(string clientId, Operation operation);

        /// <summary>
        /// The organization's data as the API returned it, for a snapshot: read afresh from the API (every part, each
        /// listing checked as a listing), or the loaded snapshot's own objects. Runs on the caller's thread, which
        /// waits for each part; <paramref name="reading"/> is called there before each part is read.
        /// </summary>
        SnapshotData Capture(Operation operation, Action<SnapshotPart>? reading);

        /// <summary>
        /// The organization's API usage per client over the last <paramref name="days"/> UTC days (organization usage
        /// query jobs, at most 90 days each), read once per context and window length.
        /// </summary>
        /// <param name="status">Called, from any thread, with what the wait for a job is at (for progress).</param>
        /// <exception cref="UsageUnavailableException">The source holds no usage (a snapshot).</exception>
        Task<OrganizationUsage> GetUsageAsync(int days, QueryJobPolicy policy, Operation operation, Action<string>? status);

        /// <summary>
        /// The audited changes of the organization's OAuth clients over the query's window ending now: all of them or
        /// an error, never part. Only a live source has an audit trail; a snapshot throws InvalidOperationException.
        /// </summary>
        /// <param name="progress">Called (on any thread) with each state of the audit query, for progress.</param>
        Task<OAuthClientHistory> GetClientHistoryAsync(HistoryQuery query, DateTime now, Action<string>? progress, Operation operation);

        /// <summary>What is already in memory, read without any request: whatever has not been read yet is null or empty.</summary>
        CachedData Cached { get; }
    }
}
