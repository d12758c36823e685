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
    /// <summary>
    /// The client listing read when connecting (LiveOrganizationSource, FreshReadAhead): taken once by the first
    /// whole-listing read while fresh, read afresh otherwise, released when its window passes, its failure the
    /// taker's own, cancelled by the taker's Ctrl+C and by closing the connection. Asserted on the emulator's log.
    /// </summary>
    public class ListingReadAheadTests
    {
        private const string ClientsPath = "/api/v2/oauth/clients";

        [Fact]
        public async Task The_first_whole_listing_takes_the_listing_read_when_connecting_and_the_second_reads_afresh()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator);
            var host = new ListHost();

            var first = context.Directory.GetClients(new Operation(host, CancellationToken.None)).ToArray();
            var afterFirst = Listings(emulator);
            var second = context.Directory.GetClients(Operation.Quiet).ToArray();

            Assert.Equal(emulator.Organization.Clients.Count, first.Length);
            Assert.Equal(first.Select(client => client.Id), second.Select(client => client.Id));
            Assert.Equal(1, afterFirst);
            Assert.Equal(2, Listings(emulator));
            // What the read said is told to the command that took it: its request, and that it was read when connecting.
            Assert.Contains(host.Verbose, line => line.StartsWith("GET " + ClientsPath + " -> 200", StringComparison.Ordinal));
            Assert.Contains(host.Verbose, line => line.StartsWith("OAuth client listing: ", StringComparison.Ordinal) && line.Contains("read when connecting", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Two_callers_at_once_get_the_listing_once_each_one_of_them_from_the_read_ahead()
        {
            await using var emulator = await StartAsync();
            emulator.Knobs.Latency = TimeSpan.FromMilliseconds(80);
            using var context = Connect(emulator);

            var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => context.Directory.GetClients(Operation.Quiet).Count())));

            Assert.All(both, count => Assert.Equal(emulator.Organization.Clients.Count, count));
            Assert.Equal(2, Listings(emulator));
        }

        [Fact]
        public async Task A_listing_older_than_the_window_is_dropped_and_read_afresh()
        {
            await using var emulator = await StartAsync();
            var now = DateTime.UtcNow;
            using var context = Connect(emulator, clock: () => now);
            await WaitUntil(() => Listings(emulator) == 1 && emulator.InFlightRequestCount == 0);

            now += LiveOrganizationSource.ListingFreshFor + TimeSpan.FromSeconds(1);
            var listedAt = default(DateTime?);
            var clients = context.Directory.GetClients(Operation.Quiet, listedAt: at => listedAt = at).ToArray();

            Assert.Equal(emulator.Organization.Clients.Count, clients.Length);
            Assert.Equal(2, Listings(emulator));
            Assert.Equal(now, listedAt);
        }

        [Fact]
        public async Task A_listing_within_the_window_is_taken_and_says_when_it_was_read()
        {
            await using var emulator = await StartAsync();
            var connectedAt = DateTime.UtcNow;
            var now = connectedAt;
            using var context = Connect(emulator, clock: () => now);

            now += LiveOrganizationSource.ListingFreshFor - TimeSpan.FromSeconds(1);
            var listedAt = default(DateTime?);
            context.Directory.GetClients(Operation.Quiet, listedAt: at => listedAt = at).ToArray();

            Assert.Equal(1, Listings(emulator));
            Assert.Equal(connectedAt, listedAt);
        }

        [Fact]
        public async Task An_untaken_listing_is_released_when_its_window_passes()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator, window: TimeSpan.FromMilliseconds(300));
            var source = (LiveOrganizationSource)context.Directory.Source;
            Assert.True(source.HoldsListing);

            await WaitUntil(() => !source.HoldsListing);
            context.Directory.GetClients(Operation.Quiet).ToArray();

            Assert.Equal(2, Listings(emulator));
        }

        [Fact]
        public async Task A_listing_still_being_read_when_its_window_passes_is_cancelled()
        {
            await using var emulator = await StartAsync();
            emulator.Faults.Enqueue(Fault.Hang(ClientsPath));
            using var context = Connect(emulator, window: TimeSpan.FromSeconds(2));
            var source = (LiveOrganizationSource)context.Directory.Source;

            // The hanging listing request is in before the window passes (else the next read would meet the hang).
            await WaitUntil(() => emulator.InFlightRequestCount == 1);
            await WaitUntil(() => !source.HoldsListing && emulator.InFlightRequestCount == 0);

            Assert.Equal(emulator.Organization.Clients.Count, context.Directory.GetClients(Operation.Quiet).Count());
        }

        [Fact]
        public async Task A_failed_read_ahead_is_the_takers_own_error_not_read_again()
        {
            await using var emulator = await StartAsync();
            emulator.Faults.Enqueue(new Fault(ClientsPath, 403));
            using var context = Connect(emulator);
            var host = new ListHost();

            var failure = Assert.Throws<GenesysApiException>(() => context.Directory.GetClients(new Operation(host, CancellationToken.None)).ToArray());

            Assert.Equal(403, failure.StatusCode);
            Assert.Equal(ApiFailureKind.MissingPermission, failure.Kind);
            Assert.Equal(1, Listings(emulator));
            Assert.Contains(host.Verbose, line => line.Contains(ClientsPath + " -> 403", StringComparison.Ordinal));
            // The failure was the first command's; the next reads afresh.
            Assert.Equal(emulator.Organization.Clients.Count, context.Directory.GetClients(Operation.Quiet).Count());
        }

        [Fact]
        public async Task Cancelling_while_waiting_for_the_read_ahead_stops_at_once_and_ends_its_request()
        {
            await using var emulator = await StartAsync();
            emulator.Faults.Enqueue(Fault.Hang(ClientsPath));
            using var context = Connect(emulator);
            await WaitUntil(() => emulator.InFlightRequestCount == 1);
            using var stop = new CancellationTokenSource();

            var waiting = Task.Run(() => context.Directory.GetClients(new Operation(new ListHost(), stop.Token)).ToArray());
            await Task.Delay(200);
            Assert.False(waiting.IsCompleted);
            stop.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
            await WaitUntil(() => emulator.InFlightRequestCount == 0);
            Assert.Equal(emulator.Organization.Clients.Count, context.Directory.GetClients(Operation.Quiet).Count());
            Assert.Equal(2, Listings(emulator));
        }

        [Fact]
        public async Task Closing_the_connection_cancels_the_read_ahead()
        {
            await using var emulator = await StartAsync();
            emulator.Faults.Enqueue(Fault.Hang(ClientsPath));
            var context = Connect(emulator);
            await WaitUntil(() => emulator.InFlightRequestCount == 1);

            context.Dispose();

            await WaitUntil(() => emulator.InFlightRequestCount == 0);
            Assert.False(((LiveOrganizationSource)context.Directory.Source).HoldsListing);
        }

        [Fact]
        public async Task The_roles_the_listing_references_are_read_once_it_is_in_and_not_asked_for_again()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator);
            await WaitUntil(() => emulator.Requests.Any(request => request.Path == "/api/v2/authorization/permissions" && request.Finished)
                && emulator.Requests.Any(request => request.Path == "/api/v2/authorization/roles" && request.Finished) && emulator.InFlightRequestCount == 0);
            var before = emulator.Requests.Count;
            var host = new ListHost();

            var clients = context.Directory.GetClients(new Operation(host, CancellationToken.None)).ToArray();

            Assert.Contains(clients, client => client.Roles.Count > 0);
            Assert.Equal(before, emulator.Requests.Count);
            Assert.Contains(host.Verbose, line => line.StartsWith("Roles: ", StringComparison.Ordinal));
            Assert.Contains(host.Verbose, line => line.StartsWith("Permission catalogue: ", StringComparison.Ordinal));
        }

        private static int Listings(GenesysCloudEmulator emulator) => emulator.Requests.Count(request => request.Path == ClientsPath);

        private static Task<GenesysCloudEmulator> StartAsync() =>
            GenesysCloudEmulator.StartAsync(EmulatorOrganization.FromSnapshotFile(System.IO.Path.Combine(global::OAuthAudit.Tests.Shared.RepositoryRoot.Path, "samples", "demo-org.json")));

        private static GcContext Connect(GenesysCloudEmulator emulator, Func<DateTime>? clock = null, TimeSpan? window = null)
        {
            var endpoint = GenesysEndpoint.Custom(emulator.ApiBaseUri, emulator.LoginBaseUri);
            var request = new LiveConnectionRequest(endpoint, new RetryPolicy(maxRetryCount: 0), new ClientCredential(emulator.Auditor.ClientId, SecureText.Protect(emulator.Auditor.Secret)), null)
            {
                Clock = clock,
                ListingFreshFor = window,
            };
            return Connector.ConnectLive(request, Operation.Quiet);
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
                await Task.Delay(20);
            }
        }

        private sealed class ListHost : IOperationHost
        {
            private readonly List<string> _verbose = new List<string>();

            public IReadOnlyList<string> Verbose
            {
                get
                {
                    lock (_verbose)
                    {
                        return _verbose.ToArray();
                    }
                }
            }

            void IOperationHost.Verbose(string message)
            {
                lock (_verbose)
                {
                    _verbose.Add(message);
                }
            }

            public void Debug(string message)
            {
            }

            public T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
        }
    }
}
