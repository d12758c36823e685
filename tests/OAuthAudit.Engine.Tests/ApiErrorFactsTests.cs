using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Operations;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>An API failure carries its facts as properties, and its message names no cmdlet or parameter.</summary>
    public class ApiErrorFactsTests
    {
        private static readonly string[] PowerShellWords = { "Connect-Gc", "-MaxRetry", "-TimeoutSec", "-ApiBaseUri", "-LoginBaseUri", "-Region", "-Environment", "-ClientId", "-Credential", "-MaxResponse" };

        [Fact]
        public async Task Retries_used_up_carry_the_attempts_and_the_time_spent()
        {
            using var transport = new HttpTransport(Policy(2), new AnsweringHandler(() => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))));

            var error = await Assert.ThrowsAsync<GenesysApiException>(() => transport.SendAsync(Request, Description, Operation.Quiet));

            Assert.Equal(ApiFailureKind.NetworkFailure, error.Kind);
            Assert.Equal(3, error.Attempts);
            Assert.NotNull(error.Elapsed);
            Assert.False(error.HostNotResolved);
            AssertNoPowerShellWords(error.Message);
        }

        [Fact]
        public async Task An_unresolved_host_says_so_as_a_fact()
        {
            using var transport = new HttpTransport(Policy(3), new AnsweringHandler(() => throw new HttpRequestException("No such host is known.", new SocketException((int)SocketError.HostNotFound))));

            var error = await Assert.ThrowsAsync<GenesysApiException>(() => transport.SendAsync(Request, Description, Operation.Quiet));

            Assert.True(error.HostNotResolved);
            Assert.Equal(1, error.Attempts);
            AssertNoPowerShellWords(error.Message);
        }

        [Fact]
        public async Task A_refused_redirect_names_the_host_it_pointed_to()
        {
            using var transport = new HttpTransport(Policy(0), new AnsweringHandler(() =>
            {
                var answer = new HttpResponseMessage(HttpStatusCode.Found);
                answer.Headers.Location = new Uri("https://elsewhere.example:8443/steal");
                return answer;
            }));

            var error = await Assert.ThrowsAsync<GenesysApiException>(() => transport.SendAsync(Request, Description, Operation.Quiet));

            Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
            Assert.Equal(302, error.StatusCode);
            Assert.Equal("elsewhere.example:8443", error.RedirectHost);
            AssertNoPowerShellWords(error.Message);
        }

        [Theory]
        [InlineData(401, ApiFailureKind.TokenRejected)]
        [InlineData(403, ApiFailureKind.MissingPermission)]
        [InlineData(429, ApiFailureKind.RateLimited)]
        [InlineData(503, ApiFailureKind.Unavailable)]
        public void An_error_answer_keeps_its_status_attempts_and_correlation_id(int status, ApiFailureKind kind)
        {
            var answer = new HttpResponseMessage((HttpStatusCode)status);
            answer.Headers.Add("ININ-Correlation-Id", "corr-1");
            var response = ApiResponse.From(answer, "{\"message\":\"nope\",\"code\":\"some.code\",\"status\":" + status + "}");
            response.Attempts = 4;
            response.Elapsed = TimeSpan.FromSeconds(3);

            var error = ApiErrors.FromResponse(response, Description, "oauth:client:view");

            Assert.Equal(kind, error.Kind);
            Assert.Equal(status, error.StatusCode);
            Assert.Equal(4, error.Attempts);
            Assert.Equal(TimeSpan.FromSeconds(3), error.Elapsed);
            Assert.Equal("corr-1", error.CorrelationId);
            Assert.Equal("some.code", error.ApiCode);
            Assert.Equal("nope", error.ApiMessage);
            Assert.Equal(status == 403 ? new[] { "oauth:client:view" } : Array.Empty<string>(), error.MissingPermissions);
            AssertNoPowerShellWords(error.Message);
        }

        private static void AssertNoPowerShellWords(string message)
        {
            foreach (var word in PowerShellWords)
            {
                Assert.DoesNotContain(word, message);
            }
        }

        private static RetryPolicy Policy(int retries) =>
            new RetryPolicy(maxRetryCount: retries, maxRetryWait: TimeSpan.FromMilliseconds(5), baseDelay: TimeSpan.FromMilliseconds(1));

        private static readonly Uri Uri = new Uri("https://api.mypurecloud.ie/api/v2/oauth/clients");

        private static readonly ApiRequestDescription Description = new ApiRequestDescription("GET", Uri);

        private static HttpRequestMessage Request() => new HttpRequestMessage(HttpMethod.Get, Uri);
    }
}
