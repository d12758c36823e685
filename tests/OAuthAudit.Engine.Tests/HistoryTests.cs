using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using OAuthAudit.Emulator;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The change history read live from the emulator's audit query API.</summary>
    public class HistoryTests
    {
        private const string SalesforceDataSync = "a6a37358-3843-5a5b-8a95-ef2118430742";

        /// <summary>The seeded audit trail of Salesforce Data Sync, by hand: days ago, action, kind, changed by, properties, remote IP.</summary>
        private static readonly (int DaysAgo, string Action, string Kind, string ChangedBy, string Properties, string RemoteIp)[] SalesforceTrail =
        {
            (200, "Update", "secret regenerated", "Dana Okafor (1e9c3a55-0d54-4c1f-9e0b-5d1a0e6f7a01)", "secret: (changed)", "203.0.113.10"),
            (20, "Update", "roles changed", "OAuthClient 6b272614-a7e3-528b-8fd0-d81c55812138",
                "roleDivisions: be4f6041-478a-580b-a023-7da7e6e0a5a6/b6d76dff-3f71-5f77-af88-e787a7caf44c -> be4f6041-478a-580b-a023-7da7e6e0a5a6/b6d76dff-3f71-5f77-af88-e787a7caf44c, 0643f010-ff9e-5b07-9a2e-0a340e58e36e/*", "198.51.100.7"),
            (6, "Update", "renamed", "Sam Reyes (7b2d4e66-1f65-4d20-8f1c-6e2b1f708b02)", "name: Salesforce Sync -> Salesforce Data Sync", "203.0.113.24"),
        };

        [Fact]
        public async Task The_history_of_a_client_is_its_hand_listed_events()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator);

            var history = context.Directory.GetClientHistory(Query(365, SalesforceDataSync), DateTime.UtcNow, null, Operation.Quiet);

            var now = DateTime.UtcNow;
            Assert.Equal(SalesforceTrail, history.Events.Select(change => (
                (int)Math.Round((now - change.When.UtcDateTime).TotalDays), change.Action, change.Kind, change.ChangedBy, change.Properties.ToString(), change.RemoteIp.ToString())).ToArray());
            Assert.All(history.Events, change => Assert.Equal(("Salesforce Data Sync", SalesforceDataSync, "PeoplePermissions"), (change.ClientName, change.ClientId, change.ServiceName)));
            var posts = emulator.Requests.Where(request => request.Host == EmulatorHost.Api && request.Method == "POST").ToArray();
            Assert.Equal(13, posts.Length);
            Assert.All(posts, post => Assert.Equal("/api/v2/audits/query", post.Path));
        }

        [Fact]
        public async Task A_year_of_history_is_thirteen_30_day_queries_at_a_fixed_cost_and_pages_by_cursor()
        {
            await using var emulator = await StartAsync();
            emulator.Knobs.AuditQuery.MaxPageSize = 1;
            using var context = Connect(emulator);
            await ConnectionReadTests.BackgroundReadsDone(emulator);
            emulator.ClearRequests();

            var history = context.Directory.GetClientHistory(Query(365), DateTime.UtcNow, null, Operation.Quiet);

            var api = emulator.Requests.Where(request => request.Host == EmulatorHost.Api).ToArray();
            Assert.Equal(7, history.Events.Count);
            Assert.Equal(history.Events.Count, history.Events.Select(change => change.MessageId).Distinct().Count());
            Assert.DoesNotContain(history.Events, change => change.ClientName == "Okta SCIM Provisioning" && change.Kind == "secret regenerated");
            Assert.Equal(1, api.Count(request => request.Path == "/api/v2/audits/query/servicemapping"));
            Assert.Equal(13, api.Count(request => request.Method == "POST"));
            Assert.Equal(26, api.Count(request => request.Method == "GET" && request.Path.StartsWith("/api/v2/audits/query/", StringComparison.Ordinal) && !request.Path.EndsWith("/results", StringComparison.Ordinal) && !request.Path.EndsWith("/servicemapping", StringComparison.Ordinal)));
            // One page per message (MaxPageSize 1) where a query found any, one empty page where it found none: 8 empty, 7 with one each.
            Assert.Equal(8 + 7, api.Count(request => request.Path.EndsWith("/results", StringComparison.Ordinal)));
            Assert.Contains(api, request => request.Query.Contains("cursor=", StringComparison.Ordinal));
            Assert.Equal(1 + 13 + 26 + 15, api.Length);
        }

        [Fact]
        public async Task A_transaction_that_never_finishes_ends_with_an_error_naming_it_inside_the_time_budget()
        {
            await using var emulator = await StartAsync();
            emulator.Knobs.AuditQuery.Outcome = AuditQueryOutcome.NeverFinishes;
            using var context = Connect(emulator);
            var clock = Stopwatch.StartNew();

            var error = Assert.Throws<AuditQueryException>(() => context.Directory.GetClientHistory(Query(7, budget: TimeSpan.FromSeconds(1.5)), DateTime.UtcNow, null, Operation.Quiet));

            Assert.Single(emulator.Requests, request => request.Host == EmulatorHost.Api && request.Method == "POST");
            Assert.Equal(AuditQueryProblem.TimedOut, error.Problem);
            Assert.Equal("Running", error.State);
            Assert.Contains($"transaction {error.TransactionId} was still Running after", error.Message);
            Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 4);
            Assert.DoesNotContain(emulator.Requests, request => request.Path.EndsWith("/results", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(AuditQueryOutcome.Failed, AuditQueryProblem.Failed, "as Failed")]
        [InlineData(AuditQueryOutcome.Cancelled, AuditQueryProblem.Cancelled, "as Cancelled")]
        public async Task A_failed_or_cancelled_transaction_is_an_error_not_an_empty_history(AuditQueryOutcome outcome, AuditQueryProblem problem, string said)
        {
            await using var emulator = await StartAsync();
            emulator.Knobs.AuditQuery.Outcome = outcome;
            using var context = Connect(emulator);

            var error = Assert.Throws<AuditQueryException>(() => context.Directory.GetClientHistory(Query(30), DateTime.UtcNow, null, Operation.Quiet));

            Assert.Equal(problem, error.Problem);
            Assert.Contains(said, error.Message);
            Assert.Contains(error.TransactionId, error.Message);
        }

        [Fact]
        public async Task A_rate_limited_poll_waits_as_Retry_After_says_and_goes_on()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator);
            emulator.Faults.Enqueue(new Fault("/api/v2/audits/query/", 429, times: 2) { RetryAfter = TimeSpan.FromSeconds(1) });
            var history = context.Directory.GetClientHistory(Query(30, SalesforceDataSync), DateTime.UtcNow, null, Operation.Quiet);

            Assert.Equal(2, history.Events.Count);
            Assert.Equal(2, emulator.Requests.Count(request => request.Status == 429));
        }

        [Fact]
        public async Task A_malformed_results_page_fails_the_history_rather_than_shortening_it()
        {
            await using var emulator = await StartAsync();
            emulator.Knobs.AuditQuery.MaxPageSize = 1;
            using var context = Connect(emulator);
            emulator.Faults.Enqueue(new Fault("/api/v2/audits/query/", 200) { Body = """{"pageSize":1,"entities":null}""", QueryContains = "cursor=" });

            var error = Assert.Throws<GenesysApiException>(() => context.Directory.GetClientHistory(Query(30), DateTime.UtcNow, null, Operation.Quiet));

            Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
            Assert.Contains("has no entities list", error.Message);
        }

        [Fact]
        public async Task A_message_of_another_entity_type_fails_the_history()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator);
            emulator.Faults.Enqueue(new Fault("/api/v2/audits/query/", 200) { Body = """{"entities":[{"id":"m1","eventDate":"2026-11-30T00:00:00Z","action":"Update","entity":{"id":"x"},"entityType":"Role"}]}""", QueryContains = "pageSize=500" });

            var error = Assert.Throws<GenesysApiException>(() => context.Directory.GetClientHistory(Query(30), DateTime.UtcNow, null, Operation.Quiet));

            Assert.Contains("is about a 'Role', not an OAuthClient", error.Message);
        }

        [Fact]
        public async Task No_secret_value_reaches_an_event_its_text_or_its_json()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator);

            var history = context.Directory.GetClientHistory(Query(365), DateTime.UtcNow, null, Operation.Quiet);

            var shown = string.Join("\n", history.Events.Select(change => change + " | " + change.Properties + " | " + JsonConvert.SerializeObject(change)));
            Assert.Contains("secret: (changed)", shown);
            foreach (var secret in AuditTrailSeed.SeededSecrets)
            {
                Assert.DoesNotContain(secret, shown);
            }
        }

        [Fact]
        public async Task Cancelling_stops_the_polling_promptly()
        {
            await using var emulator = await StartAsync();
            emulator.Knobs.AuditQuery.Outcome = AuditQueryOutcome.NeverFinishes;
            using var context = Connect(emulator);
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
            var clock = Stopwatch.StartNew();

            Assert.ThrowsAny<OperationCanceledException>(() => context.Directory.GetClientHistory(Query(7), DateTime.UtcNow, null, new Operation(Operation.Quiet.Host, stop.Token)));

            Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 2);
        }

        [Fact]
        public async Task Progress_reports_each_state_of_the_transaction()
        {
            await using var emulator = await StartAsync();
            using var context = Connect(emulator);
            var states = new System.Collections.Concurrent.ConcurrentQueue<string>();

            context.Directory.GetClientHistory(Query(1), DateTime.UtcNow, states.Enqueue, Operation.Quiet);

            Assert.Equal(new[] { "Queued", "Running", "Succeeded" }, states.Select(text => text.Split(':')[1].Trim().Split(' ')[0]));
        }

        [Fact]
        public void A_snapshot_has_no_history()
        {
            using var context = Connector.ConnectSnapshot(System.IO.Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json"));

            var error = Assert.Throws<InvalidOperationException>(() => context.Directory.GetClientHistory(Query(30), DateTime.UtcNow, null, Operation.Quiet));

            Assert.Contains("holds no change history", error.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(366)]
        public void The_window_is_one_to_365_days(int days) =>
            Assert.Throws<ArgumentOutOfRangeException>(() => new HistoryQuery(days));

        [Fact]
        public void A_window_is_split_into_intervals_of_at_most_30_days()
        {
            var end = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

            var intervals = AuditIntervals.Split(end.AddDays(-365), end);

            Assert.Equal(13, intervals.Count);
            Assert.All(intervals, interval => Assert.InRange((interval.End - interval.Start).TotalDays, 1, 30));
            Assert.Equal(end, intervals[^1].End);
            Assert.Equal("2025-12-01T00:00:00Z/2025-12-31T00:00:00Z", AuditIntervals.Format(intervals[0].Start, intervals[0].End));
        }

        private static HistoryQuery Query(int days, string? clientId = null, TimeSpan? budget = null) =>
            new HistoryQuery(days, clientId == null ? null : new[] { clientId }, budget, firstPollDelay: TimeSpan.FromMilliseconds(20), maxPollDelay: TimeSpan.FromMilliseconds(200));

        private static Task<GenesysCloudEmulator> StartAsync() =>
            GenesysCloudEmulator.StartAsync(EmulatorOrganization.FromSnapshotFile(System.IO.Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json")));

        private static GcContext Connect(GenesysCloudEmulator emulator)
        {
            var endpoint = GenesysEndpoint.Custom(emulator.ApiBaseUri, emulator.LoginBaseUri);
            var request = new LiveConnectionRequest(endpoint, new RetryPolicy(maxRetryCount: 3, maxRetryWait: TimeSpan.FromSeconds(2)), new ClientCredential(emulator.Auditor.ClientId, SecureText.Protect(emulator.Auditor.Secret)), null);
            return Connector.ConnectLive(request, Operation.Quiet);
        }
    }
}
