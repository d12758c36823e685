using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// Reads every page of a paged listing: the first page tells the page count, the rest are read a few at a
    /// time (the transport absorbs any rate limiting). A listing without a page count is followed by nextUri.
    /// Every page is checked (<see cref="ListingPages"/>) before any entity is returned.
    /// </summary>
    internal static class PagedListing
    {
        public const int PageSize = 100;
        private const int PagesInFlight = 4;
        private const int MaxPages = 10000;

        /// <param name="idOf">The entity's id, to refuse a listing that holds one twice; null skips that check.</param>
        public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(GenesysApiClient api, string path, string extraQuery, string model, string? permission, Operation operation, Func<T, string?>? idOf = null)
        {
            string PageUri(int number) => $"{path}?pageSize={PageSize}&pageNumber={number}{extraQuery}";

            var firstUri = PageUri(1);
            var first = (await api.GetAsync<EntityListingDto<T>>(firstUri, model, permission, operation).ConfigureAwait(false))!;
            var entities = new List<T>(ListingPages.EntitiesOf(first.Entities, path, firstUri));
            if (first.PageCount is int count && count > 1)
            {
                ListingPages.NextOf(first, path, firstUri, expectedPageNumber: 1);
                if (count > MaxPages)
                {
                    throw new GenesysApiException(ApiFailureKind.InvalidResponse, $"The {path} listing claims {count} pages of {PageSize}; stopped rather than read that many.", new ApiRequestDescription("GET", api.Endpoint.ApiBaseUri.Host, path));
                }

                using (var gate = new SemaphoreSlim(PagesInFlight))
                {
                    var rest = Enumerable.Range(2, count - 1).Select(async number =>
                    {
                        await gate.WaitAsync(operation.Cancellation).ConfigureAwait(false);
                        try
                        {
                            var uri = PageUri(number);
                            var page = (await api.GetAsync<EntityListingDto<T>>(uri, model, permission, operation).ConfigureAwait(false))!;
                            var items = ListingPages.EntitiesOf(page.Entities, path, uri);
                            if (page.PageCount.HasValue && page.PageCount != count)
                            {
                                throw new GenesysApiException(
                                    ApiFailureKind.InvalidResponse,
                                    $"The {path} listing page {uri} has 'pageCount' {page.PageCount} where page 1 had {count}: the listing changed while it was read, or the answer was forged. Nothing from this listing was used; try again.",
                                    new ApiRequestDescription("GET", api.Endpoint.ApiBaseUri.Host, uri));
                            }

                            ListingPages.NextOf(page, path, uri, expectedPageNumber: number);
                            return items;
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }).ToArray();
                    foreach (var page in await Task.WhenAll(rest).ConfigureAwait(false))
                    {
                        entities.AddRange(page);
                    }
                }
            }
            else
            {
                entities.AddRange(await FollowNextUrisAsync(api, path, path, firstUri, first, model, permission, operation).ConfigureAwait(false));
            }

            if (idOf != null)
            {
                ListingPages.RequireUniqueIds(entities, idOf, path);
            }

            return entities;
        }

        /// <summary>
        /// Follows a listing's nextUri chain from the page read at <paramref name="pageUri"/> to its last page,
        /// checking every page (<see cref="ListingPages"/>; <see cref="ListingGuard"/> stops a loop).
        /// </summary>
        /// <param name="listingName">How the listing is named when it loops ("OAuth client", or its path).</param>
        /// <returns>The entities of the pages after the given one.</returns>
        public static async Task<IReadOnlyList<T>> FollowNextUrisAsync<T>(GenesysApiClient api, string listingName, string path, string pageUri, EntityListingDto<T> page, string model, string? permission, Operation operation)
        {
            var entities = new List<T>();
            var guard = new ListingGuard(listingName);
            for (var next = ListingPages.NextOf(page, path, pageUri); next != null; next = ListingPages.NextOf(page, path, pageUri))
            {
                guard.Follow(next);
                pageUri = next;
                page = (await api.GetAsync<EntityListingDto<T>>(next, model, permission, operation).ConfigureAwait(false))!;
                entities.AddRange(ListingPages.EntitiesOf(page.Entities, path, next));
            }

            return entities;
        }
    }
}
