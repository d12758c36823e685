using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// Reads every page of a paged listing: the first page tells the page count, the rest are read a few at a
    /// time (the transport absorbs any rate limiting). A listing without a page count is followed by nextUri.
    /// </summary>
    internal static class PagedListing
    {
        public const int PageSize = 100;
        private const int PagesInFlight = 4;
        private const int MaxPages = 10000;

        public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(GenesysApiClient api, string path, string extraQuery, string model, string? permission, Operation operation)
        {
            string PageUri(int number) => $"{path}?pageSize={PageSize}&pageNumber={number}{extraQuery}";

            var first = await api.GetAsync<EntityListingDto<T>>(PageUri(1), model, permission, operation).ConfigureAwait(false);
            var pages = new List<EntityListingDto<T>> { first! };
            if (first!.PageCount is int count && count > 1)
            {
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
                            return await api.GetAsync<EntityListingDto<T>>(PageUri(number), model, permission, operation).ConfigureAwait(false);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }).ToArray();
                    pages.AddRange((await Task.WhenAll(rest).ConfigureAwait(false))!);
                }
            }
            else if (first.PageCount == null)
            {
                var guard = new ListingGuard(path);
                for (var next = first.NextUri; !string.IsNullOrEmpty(next); next = pages[pages.Count - 1].NextUri)
                {
                    guard.Follow(next!);
                    pages.Add((await api.GetAsync<EntityListingDto<T>>(next!, model, permission, operation).ConfigureAwait(false))!);
                }
            }

            return pages.SelectMany(page => page.Entities ?? new List<T>()).ToArray();
        }
    }
}
