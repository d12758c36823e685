using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Listings that give only nextUri (no pageCount), as some API endpoints do, followed without loops.</summary>
    public class PagedListingTests
    {
        [Fact]
        public async Task A_listing_without_a_page_count_is_followed_by_nextUri()
        {
            var api = FakeApi(new()
            {
                ["/api/v2/authorization/divisions?pageSize=100&pageNumber=1"] = """{"entities":[{"id":"a"}],"nextUri":"/api/v2/authorization/divisions?cursor=2"}""",
                ["/api/v2/authorization/divisions?cursor=2"] = """{"entities":[{"id":"b"}],"nextUri":"/api/v2/authorization/divisions?cursor=3"}""",
                ["/api/v2/authorization/divisions?cursor=3"] = """{"entities":[{"id":"c"}]}""",
            }, out var seen);

            var divisions = await PagedListing.ReadAllAsync<AuthzDivisionDto>(api, "/api/v2/authorization/divisions", string.Empty, "AuthzDivisionEntityListing", "authorization:division:view", Operation.Quiet);

            Assert.Equal(new[] { "a", "b", "c" }, divisions.Select(division => division.Id));
            Assert.Equal(3, seen.Count);
        }

        [Fact]
        public async Task A_nextUri_that_loops_back_stops_with_an_invalid_response_error()
        {
            var api = FakeApi(new()
            {
                ["/api/v2/authorization/divisions?pageSize=100&pageNumber=1"] = """{"entities":[{"id":"a"}],"nextUri":"/api/v2/authorization/divisions?cursor=2"}""",
                ["/api/v2/authorization/divisions?cursor=2"] = """{"entities":[{"id":"b"}],"nextUri":"/api/v2/authorization/divisions?cursor=2"}""",
            }, out _);

            var error = await Assert.ThrowsAsync<GenesysApiException>(() =>
                PagedListing.ReadAllAsync<AuthzDivisionDto>(api, "/api/v2/authorization/divisions", string.Empty, "AuthzDivisionEntityListing", "authorization:division:view", Operation.Quiet));

            Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
            Assert.Contains("a page it had already sent", error.Message);
        }

        [Fact]
        public async Task A_nextUri_to_another_host_is_not_followed_so_the_token_stays_home()
        {
            var api = FakeApi(new()
            {
                ["/api/v2/authorization/divisions?pageSize=100&pageNumber=1"] = """{"entities":[{"id":"a"}],"nextUri":"https://collector.example.net/steal"}""",
            }, out var seen);

            var error = await Assert.ThrowsAsync<GenesysApiException>(() =>
                PagedListing.ReadAllAsync<AuthzDivisionDto>(api, "/api/v2/authorization/divisions", string.Empty, "AuthzDivisionEntityListing", "authorization:division:view", Operation.Quiet));

            Assert.Contains("the request was not sent", error.Message);
            Assert.Single(seen);
        }

        private static GenesysApiClient FakeApi(System.Collections.Generic.Dictionary<string, string> pages, out ConcurrentQueue<string> seen)
        {
            var requests = new ConcurrentQueue<string>();
            seen = requests;
            var handler = new AnsweringHandler(request =>
            {
                requests.Enqueue(request.RequestUri!.PathAndQuery);
                return pages.TryGetValue(request.RequestUri.PathAndQuery, out var body)
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }
                    : new HttpResponseMessage(HttpStatusCode.NotFound);
            });
            var endpoint = GenesysEndpoint.Create("mypurecloud.com");
            return new GenesysApiClient(endpoint, new HttpTransport(new RetryPolicy(maxRetryCount: 0), handler), new SuppliedTokenSource(SecureText.Protect("token")));
        }
    }
}
