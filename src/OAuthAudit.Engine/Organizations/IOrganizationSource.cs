using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Where an organization's data comes from: the live API or a snapshot file.</summary>
    internal interface IOrganizationSource : IDisposable
    {
        Organization Organization { get; }

        Task<ScopeRegistry> GetScopeRegistryAsync(Operation operation);

        Task<IReadOnlyList<AuthorizationRole>> GetRolesAsync(Operation operation);

        Task<IReadOnlyList<AuthorizationDivision>> GetDivisionsAsync(Operation operation);

        /// <returns>The permission catalogue, or null when the source has none (a snapshot written without it).</returns>
        Task<PermissionCatalog?> GetPermissionCatalogAsync(Operation operation);

        /// <summary>
        /// The whole client listing, already checked as a listing (every page read, no loop, no id twice): a source
        /// hands over all of it or throws, never part of it. Paging, if the source has any, stays inside it.
        /// </summary>
        Task<IReadOnlyList<OAuthClientDto>> GetClientsAsync(Operation operation);

        /// <returns>The client, or null when the organization has no client with that id.</returns>
        Task<OAuthClientDto?> GetClientAsync(string clientId, Operation operation);

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
