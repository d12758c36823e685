using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>One context used by many callers at once (runspaces in a runbook), against the emulator; and the response size limit.</summary>
    public class SharedContextTests
    {
        private const string RepositorySnapshot = "samples/demo-org.json";

        [Fact]
        public async Task Eight_callers_sharing_a_context_through_random_token_revocations_all_succeed_with_one_renewal_per_revocation()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Demo());
            using var context = Connect(emulator);
            var ids = emulator.Organization.Clients.Select(client => (string)client["id"]!).ToArray();
            var failures = new ConcurrentQueue<Exception>();
            var completed = new int[8];
            var read = 0;
            var revocations = 0;
            using var done = new CancellationTokenSource();

            // Revokes at random moments, but only once every caller has finished a call since the last revocation:
            // a call meets at most one revocation, as a real token expiry or revocation is met.
            var revoker = Task.Run(async () =>
            {
                var random = new Random(8);
                while (!done.IsCancellationRequested)
                {
                    await Task.Delay(random.Next(20, 80));
                    var before = Enumerable.Range(0, 8).Select(caller => Volatile.Read(ref completed[caller])).ToArray();
                    emulator.RevokeAllTokens();
                    Interlocked.Increment(ref revocations);
                    while (!done.IsCancellationRequested && Enumerable.Range(0, 8).Any(caller => Volatile.Read(ref completed[caller]) == before[caller] && before[caller] < 30))
                    {
                        await Task.Delay(2);
                    }
                }
            });

            var callers = Enumerable.Range(0, 8).Select(caller => Task.Run(() =>
            {
                for (var call = 0; call < 30; call++)
                {
                    try
                    {
                        var client = context.Directory.GetClient(ids[(caller * 7 + call) % ids.Length], Operation.Quiet);
                        Assert.NotNull(client);
                        Interlocked.Increment(ref read);
                    }
                    catch (Exception failure)
                    {
                        failures.Enqueue(failure);
                    }

                    Interlocked.Increment(ref completed[caller]);
                }
            })).ToArray();
            await Task.WhenAll(callers);
            done.Cancel();
            await revoker;

            Assert.Empty(failures.Select(failure => failure.GetType().Name + ": " + failure.Message));
            Assert.Equal(8 * 30, read);
            Assert.True(revocations > 0);
            Assert.InRange(emulator.IssuedTokenCount, 1, revocations + 1);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public async Task A_request_refused_with_401_renews_its_token_and_succeeds_up_to_two_times(int refusals)
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Demo());
            using var context = Connect(emulator);
            await ConnectionReadTests.BackgroundReadsDone(emulator);
            var id = (string)emulator.Organization.Clients[0]["id"]!;
            var tokens = emulator.IssuedTokenCount;
            emulator.Faults.Enqueue(new Fault("/api/v2/oauth/clients/" + id, 401, refusals));

            Assert.NotNull(context.Directory.GetClient(id, Operation.Quiet));

            Assert.Equal(tokens + refusals, emulator.IssuedTokenCount);
            Assert.Equal(refusals + 1, emulator.Requests.Count(request => request.Path == "/api/v2/oauth/clients/" + id));
        }

        [Fact]
        public async Task A_request_refused_with_401_three_times_is_an_error_after_two_renewals()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Demo());
            using var context = Connect(emulator);
            await ConnectionReadTests.BackgroundReadsDone(emulator);
            var id = (string)emulator.Organization.Clients[0]["id"]!;
            var tokens = emulator.IssuedTokenCount;
            emulator.Faults.Enqueue(new Fault("/api/v2/oauth/clients/" + id, 401, 3));

            var failure = Assert.Throws<GenesysApiException>(() => context.Directory.GetClient(id, Operation.Quiet));

            Assert.Equal(401, failure.StatusCode);
            Assert.Equal(tokens + 2, emulator.IssuedTokenCount);
            Assert.Equal(3, emulator.Requests.Count(request => request.Path == "/api/v2/oauth/clients/" + id));
        }

        [Fact]
        public async Task Disconnecting_while_others_use_the_context_stops_them_with_ConnectionClosed_not_ObjectDisposed()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Demo());
            var context = Connect(emulator);
            var id = (string)emulator.Organization.Clients[0]["id"]!;
            context.Directory.GetScopeRegistry(Operation.Quiet);
            emulator.Knobs.Latency = TimeSpan.FromMilliseconds(400);

            var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => context.Directory.GetClient(id, Operation.Quiet))).ToArray();
            await Task.Delay(150);
            context.Dispose();
            var outcomes = await Task.WhenAll(callers.Select(async caller =>
            {
                try
                {
                    await caller;
                    return null;
                }
                catch (Exception failure)
                {
                    return failure;
                }
            }));

            Assert.All(outcomes, failure => Assert.IsType<ConnectionClosedException>(failure));
            Assert.IsType<ConnectionClosedException>(Record.Exception(() => context.Directory.GetClient(id, Operation.Quiet)));
        }

        [Fact]
        public async Task An_answer_declared_larger_than_the_limit_is_refused_before_it_is_read()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Demo());
            using var context = Connect(emulator, maxResponseBytes: 4096);

            var error = Assert.Throws<GenesysApiException>(() => context.Directory.GetClients(Operation.Quiet).ToList());

            Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
            Assert.Contains("GET /api/v2/oauth/scopes declared a body of", error.Message);
            Assert.Contains("over the limit of 4096 bytes", error.Message);
        }

        [Fact]
        public async Task An_answer_of_unknown_length_is_cut_off_at_the_limit()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Demo());
            // Before connecting, for both reads of the registry: the one started when connecting, and the command's own
            // after that one failed (enqueued after Connect, the first could already have been answered in full).
            emulator.Faults.Enqueue(Fault.Chunked("/api/v2/oauth/scopes", times: 2));
            using var context = Connect(emulator, maxResponseBytes: 4096);

            var error = Assert.Throws<GenesysApiException>(() => context.Directory.GetClients(Operation.Quiet).ToList());

            Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
            Assert.Contains("sent a body that went on past the limit", error.Message);
        }

        [Fact]
        public async Task An_answer_of_unknown_length_under_the_limit_is_read_whole()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Demo());
            // Before connecting: the listing is read while connecting, so a fault enqueued after could miss it.
            emulator.Faults.Enqueue(Fault.Chunked("/api/v2/oauth/clients"));
            using var context = Connect(emulator);

            Assert.Equal(40, context.Directory.GetClients(Operation.Quiet).Count());
            Assert.Equal(256L * 1024 * 1024, HttpTransportDefault);
        }

        private static readonly long HttpTransportDefault = new LiveConnectionRequest(GenesysEndpoint.Create("mypurecloud.com"), new RetryPolicy(), null, null).MaxResponseBytes;

        private static EmulatorOrganization Demo() => EmulatorOrganization.FromSnapshotFile(FindUp(RepositorySnapshot));

        private static GcContext Connect(GenesysCloudEmulator emulator, long? maxResponseBytes = null)
        {
            var endpoint = GenesysEndpoint.Custom(emulator.ApiBaseUri, emulator.LoginBaseUri);
            var request = new LiveConnectionRequest(endpoint, new RetryPolicy(maxRetryCount: 2, maxRetryWait: TimeSpan.FromMilliseconds(200)), new ClientCredential(emulator.Auditor.ClientId, SecureText.Protect(emulator.Auditor.Secret)), null);
            if (maxResponseBytes.HasValue)
            {
                request.MaxResponseBytes = maxResponseBytes.Value;
            }

            return Connector.ConnectLive(request, Operation.Quiet);
        }

        private static string FindUp(string relative)
        {
            for (var folder = new System.IO.DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, relative);
                if (System.IO.File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new System.IO.FileNotFoundException(relative);
        }
    }
}
