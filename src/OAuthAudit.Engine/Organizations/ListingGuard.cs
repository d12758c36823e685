using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Api;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>Watches one walk through a listing's nextUri chain and stops it if it loops back or never ends.</summary>
    internal sealed class ListingGuard
    {
        private const int MaxPages = 10000;

        private readonly string _listing;
        private readonly HashSet<string> _visited = new HashSet<string>(StringComparer.Ordinal);

        public ListingGuard(string listing)
        {
            _listing = listing;
        }

        public void Follow(string next)
        {
            if (!_visited.Add(next) || _visited.Count > MaxPages)
            {
                throw new GenesysApiException(
                    ApiFailureKind.InvalidResponse,
                    $"The {_listing} listing sent nextUri '{next}' after {_visited.Count} pages, a page it had already sent; stopped reading so the results hold no duplicates. Try again later.",
                    new ApiRequestDescription("GET", "api", next));
            }
        }
    }
}
