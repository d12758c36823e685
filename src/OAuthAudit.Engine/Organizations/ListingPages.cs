using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// The one place a listing page's shape is checked: it has entities, its page number and count agree with each
    /// other and with its nextUri, the nextUri stays on the listing's path, and no entity id comes twice. Anything
    /// else is an InvalidResponse naming the field and page, never a shorter listing.
    /// </summary>
    internal static class ListingPages
    {
        /// <returns>The page's entities.</returns>
        public static List<T> EntitiesOf<T>(List<T>? entities, string listingPath, string pageUri)
        {
            if (entities == null)
            {
                throw Invalid(listingPath, pageUri, "has no 'entities' array (missing or null), so it is not a listing");
            }

            return entities;
        }

        /// <param name="expectedPageNumber">The page number asked for, when the page was read by number.</param>
        /// <returns>The nextUri to follow, or null on the last page.</returns>
        public static string? NextOf<T>(EntityListingDto<T> page, string listingPath, string pageUri, int? expectedPageNumber = null)
        {
            var number = page.PageNumber;
            var count = page.PageCount;
            if (number < 1 || count < 0)
            {
                throw Invalid(listingPath, pageUri, $"has 'pageNumber' {Show(number)} and 'pageCount' {Show(count)}; page numbers start at 1");
            }

            if (expectedPageNumber.HasValue && number.HasValue && number != expectedPageNumber)
            {
                throw Invalid(listingPath, pageUri, $"has 'pageNumber' {number} where page {expectedPageNumber} was asked for");
            }

            if (number.HasValue && count > 0 && number > count)
            {
                throw Invalid(listingPath, pageUri, $"has 'pageNumber' {number}, beyond its 'pageCount' {count}");
            }

            var last = number.HasValue && count.HasValue && number >= count;
            if (string.IsNullOrEmpty(page.NextUri))
            {
                if (number.HasValue && count.HasValue && number < count && !expectedPageNumber.HasValue)
                {
                    throw Invalid(listingPath, pageUri, $"has 'pageCount' {count} beyond its 'pageNumber' {number} but no 'nextUri', so the rest of the listing cannot be read");
                }

                return null;
            }

            if (last)
            {
                return null;
            }

            RequireOnPath(page.NextUri!, listingPath, pageUri);
            return page.NextUri;
        }

        /// <summary>A nextUri must name the listing's own path, as the API writes it: no dot segments, no other path or host.</summary>
        public static void RequireOnPath(string nextUri, string listingPath, string pageUri)
        {
            var path = PathOf(nextUri);
            var decoded = Uri.UnescapeDataString(path);
            if (Array.Exists(decoded.Split('/', '\\'), segment => segment == ".." || segment == "."))
            {
                throw Invalid(listingPath, pageUri, $"has 'nextUri' '{nextUri}' with dot segments; the request was not sent");
            }

            if (!string.Equals(decoded, listingPath, StringComparison.Ordinal))
            {
                throw Invalid(listingPath, pageUri, $"has 'nextUri' '{nextUri}', which leaves {listingPath}; the request was not sent");
            }
        }

        /// <summary>Each entity id once across the whole listing: a duplicate means pages overlapped or the body was forged.</summary>
        public static void RequireUniqueIds<T>(IEnumerable<T> entities, Func<T, string?> idOf, string listingPath)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entity in entities)
            {
                var id = idOf(entity);
                if (!string.IsNullOrEmpty(id) && !seen.Add(id!))
                {
                    throw new GenesysApiException(
                        ApiFailureKind.InvalidResponse,
                        $"The {listingPath} listing holds the id '{id}' twice; stopped so that no entity is audited twice or hidden behind another. Try again later.",
                        new ApiRequestDescription("GET", "api", listingPath));
                }
            }
        }

        private static string PathOf(string uri)
        {
            var end = uri.IndexOfAny(new[] { '?', '#' });
            var path = end < 0 ? uri : uri.Substring(0, end);
            var scheme = path.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 || path.StartsWith("//", StringComparison.Ordinal))
            {
                var authorityStart = scheme > 0 ? scheme + 3 : 2;
                var slash = path.IndexOf('/', authorityStart);
                return slash < 0 ? string.Empty : path.Substring(slash);
            }

            return path;
        }

        private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

        private static GenesysApiException Invalid(string listingPath, string pageUri, string what) =>
            new GenesysApiException(
                ApiFailureKind.InvalidResponse,
                $"The {listingPath} listing page {pageUri} {what}. Nothing from this listing was used. A proxy or gateway may have answered instead of Genesys Cloud; check the API address and try again.",
                new ApiRequestDescription("GET", "api", pageUri));
    }
}
