using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// The roles clients reference, read by id (GET /api/v2/authorization/roles?id=…&amp;id=…) in batches sent all at
    /// once, each id asked for once per connection; an id the filter does not return has no role, as one missing
    /// from the full listing has none. When the API refuses the filter (400) or answers with roles not asked for,
    /// the full listing is read instead, and from then on.
    /// </summary>
    internal sealed class RoleLookup
    {
        /// <summary>At most this many ids per request; the page size is larger, so each batch is one page.</summary>
        public const int IdsPerRequest = 50;

        /// <summary>The ids' part of one request's query is kept under this many characters (50 GUIDs need 2,000).</summary>
        private const int MaxFilterLength = 2100;

        private readonly GenesysApiClient _api;
        private readonly string _path;
        private readonly Func<Operation, Task<IReadOnlyList<AuthorizationRole>>> _allRoles;
        private readonly ConcurrentDictionary<string, AuthorizationRole?> _known = new ConcurrentDictionary<string, AuthorizationRole?>(StringComparer.OrdinalIgnoreCase);
        private volatile bool _filterRefused;

        /// <param name="allRoles">The organization's full role listing (paged, kept by the caller).</param>
        public RoleLookup(GenesysApiClient api, string path, Func<Operation, Task<IReadOnlyList<AuthorizationRole>>> allRoles)
        {
            _api = api;
            _path = path;
            _allRoles = allRoles;
        }

        /// <summary>The roles read by id so far (for completion); never makes a request.</summary>
        public IReadOnlyList<AuthorizationRole> Known => _known.Values.Where(role => role != null).Select(role => role!).ToArray();

        /// <param name="allRead">The full listing if it was read already (then no request is made).</param>
        public async Task<IReadOnlyList<AuthorizationRole>> GetAsync(IReadOnlyCollection<string> roleIds, IReadOnlyList<AuthorizationRole>? allRead, Operation operation)
        {
            var wanted = roleIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (allRead != null)
            {
                return Pick(allRead, wanted);
            }

            var missing = wanted.Where(id => !_known.ContainsKey(id)).ToArray();
            if (missing.Length > 0)
            {
                var batches = _filterRefused ? null : Batches(missing);
                if (batches == null || !await TryReadByIdAsync(batches, operation).ConfigureAwait(false))
                {
                    return Pick(await _allRoles(operation).ConfigureAwait(false), wanted);
                }
            }

            return wanted.Select(id => _known.TryGetValue(id, out var role) ? role : null).Where(role => role != null).Select(role => role!).ToArray();
        }

        /// <returns>False when the API does not apply the filter (then nothing was kept).</returns>
        private async Task<bool> TryReadByIdAsync(IReadOnlyList<string[]> batches, Operation operation)
        {
            IReadOnlyList<DomainOrganizationRoleDto>?[] answers;
            try
            {
                answers = await Task.WhenAll(batches.Select(batch => ReadBatchAsync(batch, operation))).ConfigureAwait(false);
            }
            catch (GenesysApiException refused) when (refused.StatusCode == 400)
            {
                operation.Host.Verbose($"Roles: the API refused the id filter ({refused.ApiCode ?? "400"}); reading every role page instead");
                _filterRefused = true;
                return false;
            }

            for (var index = 0; index < batches.Count; index++)
            {
                var asked = new HashSet<string>(batches[index], StringComparer.OrdinalIgnoreCase);
                if (answers[index] == null || answers[index]!.Any(role => role == null || role.Id == null || !asked.Contains(role.Id)))
                {
                    operation.Host.Verbose("Roles: the API answered the id filter with roles not asked for; reading every role page instead");
                    _filterRefused = true;
                    return false;
                }
            }

            var read = AuthorizationFactory.Roles(answers.SelectMany(answer => answer!));
            foreach (var role in read)
            {
                _known[role.Id] = role;
            }

            foreach (var id in batches.SelectMany(batch => batch))
            {
                _known.TryAdd(id, null);
            }

            operation.Host.Verbose($"Roles: {read.Count} of {batches.Sum(batch => batch.Length)} referenced role ids read in {batches.Count} {(batches.Count == 1 ? "request" : "requests")} (cached for this connection)");
            return true;
        }

        /// <summary>One page holds the whole batch (the page size is larger than the batch).</summary>
        /// <returns>The batch's roles; null when the answer holds more than was asked for (the filter was not applied).</returns>
        private async Task<IReadOnlyList<DomainOrganizationRoleDto>?> ReadBatchAsync(string[] batch, Operation operation)
        {
            var uri = $"{_path}?pageSize={PagedListing.PageSize}&pageNumber=1&userCount=false{Filter(batch)}";
            var page = (await _api.GetAsync<EntityListingDto<DomainOrganizationRoleDto>>(uri, "OrganizationRoleEntityListing", LiveOrganizationSource.RoleViewPermission, operation).ConfigureAwait(false))!;
            var roles = ListingPages.EntitiesOf(page.Entities, _path, uri);
            if (roles.Count > batch.Length || page.Total > batch.Length || page.PageCount > 1)
            {
                return null;
            }

            ListingPages.NextOf(page, _path, uri, expectedPageNumber: 1);
            ListingPages.RequireUniqueIds(roles, role => role.Id, _path);
            return roles;
        }

        private static string Filter(IEnumerable<string> ids) => string.Concat(ids.Select(id => "&id=" + Uri.EscapeDataString(id)));

        /// <returns>The ids in batches of short queries; null when one id alone is too long for a short query (then the full listing is read).</returns>
        private static IReadOnlyList<string[]>? Batches(IEnumerable<string> ids)
        {
            var batches = new List<string[]>();
            var current = new List<string>();
            var length = 0;
            foreach (var id in ids)
            {
                var part = Filter(new[] { id }).Length;
                if (part > MaxFilterLength)
                {
                    return null;
                }

                if (current.Count == IdsPerRequest || length + part > MaxFilterLength)
                {
                    batches.Add(current.ToArray());
                    current.Clear();
                    length = 0;
                }

                current.Add(id);
                length += part;
            }

            if (current.Count > 0)
            {
                batches.Add(current.ToArray());
            }

            return batches;
        }

        private static IReadOnlyList<AuthorizationRole> Pick(IReadOnlyList<AuthorizationRole> roles, IReadOnlyCollection<string> ids)
        {
            var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
            return roles.Where(role => wanted.Contains(role.Id)).ToArray();
        }
    }
}
