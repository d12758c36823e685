using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// An organization's OAuth clients, scope registry, roles and divisions, from whichever source the context
    /// was connected to. Clients stream page by page; each registry is read once per connection, roles,
    /// divisions and the permission catalogue only when a client has role grants to resolve.
    /// </summary>
    public sealed class OrganizationDirectory : IDisposable
    {
        private readonly IOrganizationSource _source;
        private AuthorizationRegistry? _authorization;

        internal OrganizationDirectory(IOrganizationSource source)
        {
            _source = source;
        }

        public Organization Organization => _source.Organization;

        public ScopeRegistry GetScopeRegistry(Operation operation) => operation.Wait(_source.GetScopeRegistryAsync(operation));

        /// <summary>The organization's roles in name order, read once per connection.</summary>
        public IEnumerable<AuthorizationRole> GetRoles(Operation operation) =>
            operation.Wait(_source.GetRolesAsync(operation)).OrderBy(role => role.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The organization's divisions in name order, read once per connection.</summary>
        public IEnumerable<AuthorizationDivision> GetDivisions(Operation operation) =>
            operation.Wait(_source.GetDivisionsAsync(operation)).OrderBy(division => division.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>Roles, divisions and the permission catalogue together, for resolving grants; all read at once the first time.</summary>
        public AuthorizationRegistry GetAuthorizationRegistry(Operation operation)
        {
            if (_authorization == null)
            {
                var roles = _source.GetRolesAsync(operation);
                var divisions = _source.GetDivisionsAsync(operation);
                var catalog = _source.GetPermissionCatalogAsync(operation);
                _authorization = new AuthorizationRegistry(operation.Wait(roles), operation.Wait(divisions), operation.Wait(catalog));
            }

            return _authorization;
        }

        /// <param name="include">Which listed clients to resolve and return; all when null.</param>
        /// <param name="listed">Called with each client the listing holds, before filtering, for progress.</param>
        public IEnumerable<OAuthClient> GetClients(Operation operation, Func<ClientIdentity, bool>? include = null, Action<int>? listed = null)
        {
            var count = 0;
            var registry = GetScopeRegistry(operation);
            var guard = new ListingGuard("OAuth client");
            string? continuation = null;
            do
            {
                var page = operation.Wait(_source.GetClientPageAsync(continuation, operation));
                foreach (var dto in page.Clients)
                {
                    RequireAuditable(dto);
                    listed?.Invoke(++count);
                    if (include == null || include(new ClientIdentity(dto.Id!, dto.Name ?? dto.Id!, dto.AuthorizedGrantType!, dto.State)))
                    {
                        yield return Build(dto, registry, operation);
                    }
                }

                continuation = page.Next;
                if (continuation != null)
                {
                    guard.Follow(continuation);
                }
            }
            while (continuation != null);
        }

        /// <returns>The client, or null when the organization has no client with that id.</returns>
        public OAuthClient? GetClient(string clientId, Operation operation)
        {
            var registry = GetScopeRegistry(operation);
            var dto = operation.Wait(_source.GetClientAsync(clientId, operation));
            return dto == null ? null : Build(dto, registry, operation);
        }

        public void Dispose() => _source.Dispose();

        private OAuthClient Build(OAuthClientDto dto, ScopeRegistry registry, Operation operation)
        {
            RequireAuditable(dto);
            var authorization = dto.RoleDivisions == null || dto.RoleDivisions.Count == 0 ? AuthorizationRegistry.Empty : GetAuthorizationRegistry(operation);
            return OAuthClientFactory.Create(dto, registry, authorization, Organization);
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
