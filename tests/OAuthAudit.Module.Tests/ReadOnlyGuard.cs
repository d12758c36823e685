using System.Linq;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// The module only reads. Every emulator a test starts is checked when it is disposed: the API host saw
    /// nothing but GET and the documented read-only query jobs (exactly these POST paths), the login host nothing
    /// but the token POST. So the whole suite checks it.
    /// </summary>
    internal static class ReadOnlyGuard
    {
        /// <summary>The API's read-only query POSTs: their body is a query, they change nothing.</summary>
        private static readonly string[] QueryPosts = { "/api/v2/usage/aggregates/query/jobs", "/api/v2/audits/query" };

        public static void Verify(GenesysCloudEmulator emulator)
        {
            var writes = emulator.Requests
                .Where(request => request.Host == EmulatorHost.Api
                    ? request.Method != "GET" && !(request.Method == "POST" && QueryPosts.Contains(request.Path))
                    : (request.Method, request.Path) != ("POST", "/oauth/token"))
                .Select(request => request.ToString())
                .ToArray();
            Assert.True(writes.Length == 0, "The module sent requests that are not reads: " + string.Join(", ", writes));
        }
    }
}
