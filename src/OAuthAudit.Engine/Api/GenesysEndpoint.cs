using System;
using System.Net;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Where an organization's login and api hosts are: derived from a region or a known Genesys Cloud domain, or given explicitly.</summary>
    public sealed class GenesysEndpoint
    {
        private GenesysEndpoint(string environment, string? region, Uri loginBaseUri, Uri apiBaseUri)
        {
            Environment = environment;
            Region = region;
            LoginBaseUri = loginBaseUri;
            ApiBaseUri = apiBaseUri;
        }

        public string Environment { get; }

        public string? Region { get; }

        public Uri LoginBaseUri { get; }

        public Uri ApiBaseUri { get; }

        public static GenesysEndpoint Create(string environment, Uri? loginBaseUri = null, Uri? apiBaseUri = null)
        {
            var domain = NormalizeEnvironment(environment);
            return new GenesysEndpoint(
                domain,
                GenesysRegions.RegionOf(domain),
                RequireSafe(loginBaseUri ?? new Uri($"https://login.{domain}/"), "LoginBaseUri"),
                RequireSafe(apiBaseUri ?? new Uri($"https://api.{domain}/"), "ApiBaseUri"));
        }

        public static GenesysEndpoint ForRegion(string region, Uri? loginBaseUri = null, Uri? apiBaseUri = null) =>
            Create(GenesysRegions.DomainOf(region), loginBaseUri, apiBaseUri);

        /// <summary>
        /// An endpoint known only by its addresses (a proxy, the emulator): it claims no region or domain.
        /// Without a login address, the API address stands in (a supplied access token never needs one).
        /// </summary>
        public static GenesysEndpoint Custom(Uri apiBaseUri, Uri? loginBaseUri)
        {
            var api = RequireSafe(apiBaseUri, "ApiBaseUri");
            return new GenesysEndpoint(api.Authority, null, loginBaseUri == null ? api : RequireSafe(loginBaseUri, "LoginBaseUri"), api);
        }

        private static string NormalizeEnvironment(string environment)
        {
            var domain = (environment ?? string.Empty).Trim().TrimEnd('/');
            foreach (var prefix in new[] { "https://", "http://", "api.", "login." })
            {
                if (domain.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    domain = domain.Substring(prefix.Length);
                }
            }

            if (domain.Length == 0 || Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains("."))
            {
                throw new ArgumentException(
                    $"'{environment}' is not a Genesys Cloud environment. Give the domain of your region, such as 'mypurecloud.ie', or connect by the region's name.");
            }

            domain = domain.ToLowerInvariant();
            if (!GenesysRegions.IsKnownDomain(domain))
            {
                var closest = GenesysRegions.ClosestDomain(domain);
                throw new ArgumentException(
                    $"'{environment}' is not a Genesys Cloud domain.{(closest == null ? string.Empty : $" Did you mean '{closest}'?")} "
                    + $"The known domains: {string.Join(", ", GenesysRegions.Domains)}. For a proxy or another host, give its API and login addresses instead.");
            }

            return domain;
        }

        private static Uri RequireSafe(Uri uri, string name)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"{name} '{uri}' must be an absolute https:// address.");
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            {
                throw new InsecureEndpointException(name, uri);
            }

            return uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
