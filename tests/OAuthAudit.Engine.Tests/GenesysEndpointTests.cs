using System;
using OAuthAudit.Engine.Api;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class GenesysEndpointTests
    {
        [Theory]
        [InlineData("us-east-1", "mypurecloud.com")]
        [InlineData("eu-west-1", "mypurecloud.ie")]
        [InlineData("ap-southeast-2", "mypurecloud.com.au")]
        [InlineData("us-east-2", "use2.us-gov-pure.cloud")]
        [InlineData("eusc-de-east-1", "edee1.eusc-pure.cloud")]
        [InlineData("EU-CENTRAL-2", "euc2.pure.cloud")]
        public void A_region_maps_to_its_login_and_api_hosts(string region, string domain)
        {
            var endpoint = GenesysEndpoint.ForRegion(region);

            Assert.Equal(domain, endpoint.Environment);
            Assert.Equal(new Uri($"https://login.{domain}/"), endpoint.LoginBaseUri);
            Assert.Equal(new Uri($"https://api.{domain}/"), endpoint.ApiBaseUri);
        }

        [Fact]
        public void Every_one_of_the_18_regions_is_known()
        {
            Assert.Equal(18, GenesysRegions.Names.Count);
            Assert.Contains("me-central-1", GenesysRegions.Names);
            Assert.Contains("mx-central-1", GenesysRegions.Names);
        }

        [Theory]
        [InlineData("mypurecloud.ie", "mypurecloud.ie", "eu-west-1")]
        [InlineData("https://api.mypurecloud.de/", "mypurecloud.de", "eu-central-1")]
        [InlineData("login.usw2.pure.cloud", "usw2.pure.cloud", "us-west-2")]
        [InlineData("MyPureCloud.COM.AU", "mypurecloud.com.au", "ap-southeast-2")]
        public void An_environment_is_normalised_to_its_domain(string given, string domain, string? region)
        {
            var endpoint = GenesysEndpoint.Create(given);

            Assert.Equal(domain, endpoint.Environment);
            Assert.Equal(region, endpoint.Region);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("not a domain")]
        [InlineData("localhost")]
        public void A_bad_environment_is_refused_with_the_fix(string given)
        {
            var error = Assert.Throws<ArgumentException>(() => GenesysEndpoint.Create(given));
            Assert.Contains("such as 'mypurecloud.ie', or connect by the region's name", error.Message);
        }

        [Theory]
        [InlineData("mypurecloud.iee", "Did you mean 'mypurecloud.ie'?")]
        [InlineData("api.mypurecloud.con", "Did you mean 'mypurecloud.com'?")]
        [InlineData("usw2.pure.clod", "Did you mean 'usw2.pure.cloud'?")]
        [InlineData("genesys.internal.example", "")]
        public void A_domain_that_is_not_a_genesys_cloud_domain_is_refused_naming_the_known_ones(string given, string suggestion)
        {
            var error = Assert.Throws<ArgumentException>(() => GenesysEndpoint.Create(given));

            Assert.StartsWith($"'{given}' is not a Genesys Cloud domain.", error.Message);
            Assert.Contains(suggestion, error.Message);
            Assert.Equal(suggestion.Length > 0, error.Message.Contains("Did you mean"));
            Assert.All(GenesysRegions.Domains, domain => Assert.Contains(domain, error.Message));
            Assert.Equal(18, GenesysRegions.Domains.Count);
        }

        [Fact]
        public void An_unknown_region_lists_the_valid_ones()
        {
            var error = Assert.Throws<ArgumentException>(() => GenesysEndpoint.ForRegion("eu-west-9"));
            Assert.Contains("ap-northeast-3", error.Message);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000")]
        [InlineData("http://localhost:5000/")]
        [InlineData("http://[::1]:5000/")]
        [InlineData("https://proxy.example.com/genesys/")]
        public void Loopback_http_and_any_https_base_uri_are_accepted(string uri)
        {
            var endpoint = GenesysEndpoint.Create("mypurecloud.com", new Uri(uri), new Uri(uri));
            Assert.EndsWith("/", endpoint.ApiBaseUri.AbsoluteUri);
        }

        [Theory]
        [InlineData("http://10.0.0.5:8080/")]
        [InlineData("http://api.mypurecloud.com/")]
        public void Plain_http_to_another_host_is_refused(string uri)
        {
            var error = Assert.Throws<InsecureEndpointException>(() => GenesysEndpoint.Create("mypurecloud.com", apiBaseUri: new Uri(uri)));
            Assert.Contains("plain http", error.Message);
        }
    }
}
