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
    /// <summary>A host name that does not resolve fails at once; other network failures are still retried.</summary>
    public class NameResolutionTests
    {
        public static TheoryData<string, Exception> Unresolvable => new TheoryData<string, Exception>
        {
            { "socket HostNotFound (.NET)", new HttpRequestException("No such host is known.", new SocketException((int)SocketError.HostNotFound)) },
            { "socket NoData", new HttpRequestException("No data.", new SocketException((int)SocketError.NoData)) },
            { "WebException NameResolutionFailure (.NET Framework)", new HttpRequestException("An error occurred while sending the request.", new WebException("The remote name could not be resolved", WebExceptionStatus.NameResolutionFailure)) },
            { "Linux resolver text", new HttpRequestException("Name or service not known (nonexistent.invalid:443)") },
        };

        [Theory]
        [MemberData(nameof(Unresolvable))]
        public async Task A_name_resolution_failure_is_not_retried(string @case, Exception failure)
        {
            var calls = 0;
            using var transport = new HttpTransport(new RetryPolicy(maxRetryCount: 3, maxRetryWait: TimeSpan.FromSeconds(5)), new AnsweringHandler(() => { calls++; throw failure; }));

            var error = await Assert.ThrowsAsync<GenesysApiException>(() => transport.SendAsync(Request, new ApiRequestDescription("GET", Uri), Operation.Quiet));

            Assert.True(calls == 1, $"{@case}: {calls} attempts");
            Assert.Equal(ApiFailureKind.NetworkFailure, error.Kind);
            Assert.Contains("the host name 'api.mypurecloud.ie' could not be resolved", error.Message);
            Assert.Contains("Not retried", error.Message);
        }

        [Fact]
        public async Task A_refused_connection_is_still_retried()
        {
            var calls = 0;
            using var transport = new HttpTransport(new RetryPolicy(maxRetryCount: 2, maxRetryWait: TimeSpan.FromMilliseconds(5), baseDelay: TimeSpan.FromMilliseconds(1)), new AnsweringHandler(() => { calls++; throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)); }));

            var error = await Assert.ThrowsAsync<GenesysApiException>(() => transport.SendAsync(Request, new ApiRequestDescription("GET", Uri), Operation.Quiet));

            Assert.Equal(3, calls);
            Assert.Contains("Tried 3 times", error.Message);
        }

        private static readonly Uri Uri = new Uri("https://api.mypurecloud.ie/api/v2/organizations/me");

        private static HttpRequestMessage Request() => new HttpRequestMessage(HttpMethod.Get, Uri);
    }
}
