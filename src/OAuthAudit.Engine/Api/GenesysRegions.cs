using System;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Api
{
    /// <summary>Genesys Cloud regions and the domain each one's login and api hosts live under.</summary>
    public static class GenesysRegions
    {
        public const string DefaultEnvironment = "mypurecloud.com";

        private static readonly IReadOnlyDictionary<string, string> DomainByRegion = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["us-east-1"] = "mypurecloud.com",
            ["us-east-2"] = "use2.us-gov-pure.cloud",
            ["us-west-2"] = "usw2.pure.cloud",
            ["ca-central-1"] = "cac1.pure.cloud",
            ["sa-east-1"] = "sae1.pure.cloud",
            ["mx-central-1"] = "mxc1.pure.cloud",
            ["eu-west-1"] = "mypurecloud.ie",
            ["eu-west-2"] = "euw2.pure.cloud",
            ["eu-central-1"] = "mypurecloud.de",
            ["eu-central-2"] = "euc2.pure.cloud",
            ["eusc-de-east-1"] = "edee1.eusc-pure.cloud",
            ["me-central-1"] = "mec1.pure.cloud",
            ["ap-south-1"] = "aps1.pure.cloud",
            ["ap-southeast-1"] = "apse1.pure.cloud",
            ["ap-southeast-2"] = "mypurecloud.com.au",
            ["ap-northeast-1"] = "mypurecloud.jp",
            ["ap-northeast-2"] = "apne2.pure.cloud",
            ["ap-northeast-3"] = "apne3.pure.cloud",
        };

        public static IReadOnlyList<string> Names { get; } = DomainByRegion.Keys.OrderBy(name => name, StringComparer.Ordinal).ToArray();

        /// <summary>Every region's domain, sorted.</summary>
        public static IReadOnlyList<string> Domains { get; } = DomainByRegion.Values.OrderBy(domain => domain, StringComparer.Ordinal).ToArray();

        public static bool IsKnownDomain(string domain) => Domains.Contains(domain, StringComparer.OrdinalIgnoreCase);

        /// <summary>The known domain a mistyped one most likely meant (at most two letters off), or null.</summary>
        public static string? ClosestDomain(string domain) =>
            Domains.Select(known => (Domain: known, Distance: EditDistance(known, domain.ToLowerInvariant())))
                .Where(candidate => candidate.Distance <= 2)
                .OrderBy(candidate => candidate.Distance)
                .Select(candidate => candidate.Domain)
                .FirstOrDefault();

        public static string DomainOf(string region) =>
            DomainByRegion.TryGetValue(region, out var domain)
                ? domain
                : throw new ArgumentException($"'{region}' is not a Genesys Cloud region. Valid regions: {string.Join(", ", Names)}.");

        public static string? RegionOf(string environment) =>
            DomainByRegion.FirstOrDefault(pair => string.Equals(pair.Value, environment, StringComparison.OrdinalIgnoreCase)).Key;

        /// <summary>Levenshtein distance: letters inserted, removed or changed to turn one text into the other.</summary>
        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                previous = current;
            }

            return previous[b.Length];
        }
    }
}
