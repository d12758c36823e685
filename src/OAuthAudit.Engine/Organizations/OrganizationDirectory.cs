using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// An organization's OAuth clients and scope registry, from whichever source the context was connected to.
    /// Clients stream page by page; the scope registry is read once per connection.
    /// </summary>
    public sealed class OrganizationDirectory : IDisposable
    {
        private readonly IOrganizationSource _source;

        internal OrganizationDirectory(IOrganizationSource source)
        {
            _source = source;
        }

        public Organization Organization => _source.Organization;

        public ScopeRegistry GetScopeRegistry(Operation operation) => operation.Wait(_source.GetScopeRegistryAsync(operation));

        public IEnumerable<OAuthClient> GetClients(Operation operation)
        {
            var registry = GetScopeRegistry(operation);
            var guard = new ListingGuard("OAuth client");
            string? continuation = null;
            do
            {
                var page = operation.Wait(_source.GetClientPageAsync(continuation, operation));
                foreach (var dto in page.Clients)
                {
                    yield return Build(dto, registry, operation);
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

        private OAuthClient Build(Api.Dto.OAuthClientDto dto, ScopeRegistry registry, Operation operation)
        {
            var missing = OAuthClientFactory.MissingRequiredField(dto);
            if (missing != null)
            {
                throw new GenesysApiException(
                    ApiFailureKind.InvalidResponse,
                    $"An OAuth client in the listing has no '{missing}' (client id '{dto.Id ?? "none"}', name '{dto.Name ?? "none"}'); it cannot be audited. Report this answer to Genesys Cloud support.",
                    new ApiRequestDescription("GET", "api", dto.SelfUri ?? "/api/v2/oauth/clients"));
            }

            return OAuthClientFactory.Create(dto, registry, Organization);
        }
    }
}
