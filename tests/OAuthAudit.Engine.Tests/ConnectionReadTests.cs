using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Reads started ahead for a connection (AsyncOnce), and the per-connection rate-limit gate, against the emulator.</summary>
    public class ConnectionReadTests
    {
        [Fact]
        public async Task A_read_started_ahead_is_waited_for_not_repeated()
        {
            var once = new AsyncOnce<string>();
            var reads = 0;
            var release = new TaskCompletionSource<bool>();
            once.StartAhead(async () =>
            {
                Interlocked.Increment(ref reads);
                await release.Task;
                return "ahead";
            });

            var waiting = once.GetAsync(() => Task.FromResult("again"), CancellationToken.None);
            Assert.Null(once.Value);
            release.SetResult(true);

            Assert.Equal("ahead", await waiting);
            Assert.Equal("ahead", once.Value);
            Assert.Equal("ahead", await once.GetAsync(() => Task.FromResult("again"), CancellationToken.None));
            Assert.Equal(1, reads);
        }

        [Fact]
        public async Task A_failed_read_started_ahead_is_dropped_and_the_caller_reads_itself()
        {
            var once = new AsyncOnce<string>();
            once.StartAhead(() => Task.FromException<string>(new GenesysApiException(ApiFailureKind.RequestFailed, "failed ahead", new ApiRequestDescription("GET", "api", "/x"))));

            Assert.Equal("own", await once.GetAsync(() => Task.FromResult("own"), CancellationToken.None));
            Assert.Equal("own", once.Value);
        }

        [Fact]
        public async Task A_caller_that_cancels_stops_waiting_at_once_and_the_read_goes_on_for_the_next()
        {
            var once = new AsyncOnce<string>();
            var release = new TaskCompletionSource<bool>();
            once.StartAhead(async () =>
            {
                await release.Task;
                return "ahead";
            });
            using var stop = new CancellationTokenSource();

            var waiting = once.GetAsync(() => Task.FromResult("own"), stop.Token);
            stop.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            release.SetResult(true);
            Assert.Equal("ahead", await once.GetAsync(() => Task.FromResult("own"), CancellationToken.None));
        }

        [Fact]
        public async Task Many_callers_at_once_stay_inside_a_small_rate_limit_window_without_a_429()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(EmulatorOrganization.FromSnapshotFile(System.IO.Path.Combine(global::OAuthAudit.Tests.Shared.RepositoryRoot.Path, "samples", "demo-org.json")));
            emulator.Knobs.RateLimit.RequestsPerWindow = 5;
            emulator.Knobs.RateLimit.Window = TimeSpan.FromSeconds(1);
            emulator.Knobs.Latency = TimeSpan.FromMilliseconds(50);
            var endpoint = GenesysEndpoint.Custom(emulator.ApiBaseUri, emulator.LoginBaseUri);
            var request = new LiveConnectionRequest(endpoint, new RetryPolicy(maxRetryCount: 0), new ClientCredential(emulator.Auditor.ClientId, SecureText.Protect(emulator.Auditor.Secret)), null);
            using var context = Connector.ConnectLive(request, Operation.Quiet);
            var ids = emulator.Organization.Clients.Take(12).Select(client => (string)client["id"]!).ToArray();

            // No retries allowed: a 429 would be an error here.
            var clients = await Task.WhenAll(ids.Select(id => Task.Run(() => context.Directory.GetClient(id, Operation.Quiet))));

            Assert.Equal(ids, clients.Select(client => client!.Id));
            Assert.DoesNotContain(emulator.Requests, recorded => recorded.Status == 429);
            Assert.True(emulator.Requests.Count(recorded => recorded.Host == EmulatorHost.Api) >= 12);
        }

        /// <summary>
        /// Connecting reads the scope registry, divisions and client listing in the background, then the roles and
        /// catalogue the listing needs: waits until those three were answered and nothing has been in flight for
        /// 200 ms (before a test counts requests).
        /// </summary>
        internal static async Task BackgroundReadsDone(GenesysCloudEmulator emulator)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            var quietSince = DateTime.MaxValue;
            while (true)
            {
                var answered = new[] { "/api/v2/oauth/scopes", "/api/v2/authorization/divisions", "/api/v2/oauth/clients" }.All(path => emulator.Requests.Any(request => request.Path == path && request.Finished));
                var quiet = answered && emulator.InFlightRequestCount == 0;
                quietSince = quiet ? (quietSince == DateTime.MaxValue ? DateTime.UtcNow : quietSince) : DateTime.MaxValue;
                if (quiet && DateTime.UtcNow - quietSince >= TimeSpan.FromMilliseconds(200))
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, "the background reads did not finish");
                await Task.Delay(20);
            }
        }

        [Fact]
        public void Rate_limit_headers_are_read_only_when_all_three_are_numbers()
        {
            Assert.Equal("3/300, window resets in 42s", RateLimitHeaders.From("300", "3", "42")!.ToString());
            Assert.Null(RateLimitHeaders.From("300", null, "42"));
            Assert.Null(RateLimitHeaders.From("0", "1", "42"));
            Assert.Null(RateLimitHeaders.From("300", "three", "42"));
            Assert.Null(RateLimitHeaders.From("300", "-1", "42"));
            Assert.Equal(3600, RateLimitHeaders.From("1", "1", "999999")!.ResetSeconds);
        }
    }
}
