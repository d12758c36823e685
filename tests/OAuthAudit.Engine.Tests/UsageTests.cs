using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Usage;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Organization usage through the query jobs, against the emulator: cost, job states, budget, cancellation, checked pages, and the usage demands.</summary>
    public class UsageTests
    {
        private const string Jobs = "/api/v2/usage/aggregates/query/jobs";

        private static readonly QueryJobPolicy Quick = new QueryJobPolicy(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(20));

        private static DateTime Today => DateTime.UtcNow.Date;

        [Fact]
        public async Task Usage_costs_one_POST_a_few_polls_and_a_page_per_thousand_rows_and_never_a_request_per_client()
        {
            var small = await CostOf(500);
            var large = await CostOf(5000);

            Assert.Equal((1, 1), (small.Posts, large.Posts));
            Assert.Equal(3, small.Polls);
            Assert.Equal(small.Polls, large.Polls);
            Assert.Equal((Pages(small.Rows), Pages(large.Rows)), (small.ResultPages, large.ResultPages));
            Assert.Equal(0, small.Other + large.Other);
            Assert.Equal((500, 5000), (small.Clients, large.Clients));
        }

        [Fact]
        public void A_window_over_90_days_is_read_as_contiguous_jobs_of_at_most_90_days_starting_at_most_a_year_ago()
        {
            var now = new DateTime(2026, 12, 1, 15, 30, 0, DateTimeKind.Utc);
            var window = new UsageWindow(365, now);
            var intervals = window.Intervals();

            Assert.Equal("2025-12-02..2026-12-01 (365 days)", window.ToString());
            Assert.Equal(new[] { 90, 90, 90, 90, 5 }, intervals.Select(interval => (int)(interval.LastDay - interval.FirstDay).TotalDays + 1));
            Assert.Equal("2025-12-02T00:00:00Z/2026-03-01T23:59:59Z", intervals[0].ToString());
            Assert.Equal("2026-11-27T00:00:00Z/2026-12-01T23:59:59Z", intervals[^1].ToString());
            Assert.All(intervals.Zip(intervals.Skip(1)), pair => Assert.Equal(pair.First.LastDay.AddDays(1), pair.Second.FirstDay));
            Assert.Single(new UsageWindow(90, now).Intervals());
            Assert.Equal(2, new UsageWindow(91, now).Intervals().Count);
            Assert.Throws<ArgumentOutOfRangeException>(() => new UsageWindow(0, now));
            Assert.Throws<ArgumentOutOfRangeException>(() => new UsageWindow(366, now));
        }

        [Fact]
        public async Task A_year_of_usage_is_five_jobs_summed_per_client_and_read_once_per_connection()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Daily", "active", new UsageSeed(400, 1, 10, 1))));
            emulator.Knobs.UsageJobs.PollsToSucceed = 1;
            using var context = Connect(emulator);

            var usage = context.Directory.GetUsage(365, Operation.Quiet);
            var again = context.Directory.GetUsage(365, Operation.Quiet);

            Assert.Same(usage, again);
            Assert.Equal(5, usage.Jobs);
            Assert.Equal(5, emulator.Requests.Count(request => request.Method == "POST" && request.Path == Jobs));
            var daily = usage.For(ClientId(0), "Daily");
            Assert.Equal((364L * 10, 364L, 364L * 9), (daily.Requests, daily.Status429, daily.Status200));
            Assert.Equal((usage.Window.End.UtcDateTime.AddDays(-1), 1), (daily.LastUsed!.Value.UtcDateTime, daily.DaysSinceLastUse));
            Assert.Equal(10.0, daily.ThrottledPercent);
            var none = usage.For("not-a-client", "Gone");
            Assert.Equal((0L, (UtcTimestamp?)null, (int?)null), (none.Requests, none.LastUsed, none.DaysSinceLastUse));
        }

        [Fact]
        public async Task A_job_that_never_finishes_ends_with_an_error_naming_the_job_and_its_state_inside_the_budget()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Daily", "active", new UsageSeed(10, 0, 5))));
            emulator.Knobs.UsageJobs.StayRunning = true;
            using var context = Connect(emulator);
            context.Directory.QueryJobs = new QueryJobPolicy(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1.5));
            var clock = Stopwatch.StartNew();

            var failure = Assert.Throws<GenesysApiException>(() => context.Directory.GetUsage(30, Operation.Quiet));

            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(4));
            var jobId = Assert.Single(emulator.Requests.Where(request => request.Path.StartsWith(Jobs + "/", StringComparison.Ordinal)).Select(request => request.Path.Substring(Jobs.Length + 1)).Distinct());
            Assert.Equal((ApiFailureKind.QueryJobTimedOut, jobId, "Running"), (failure.Kind, failure.QueryJobId, failure.QueryJobState));
            Assert.Contains($"The usage query job {jobId} was still Running after", failure.Message);
        }

        [Theory]
        [InlineData(true, "Failed", "The usage query could not be completed.")]
        [InlineData(false, "Cancelled", "without saying why")]
        public async Task A_failed_or_cancelled_job_is_an_error_naming_the_job_and_its_state(bool fail, string state, string message)
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Daily", "active", new UsageSeed(10, 0, 5))));
            if (fail)
            {
                emulator.Knobs.UsageJobs.FailNext = 1;
            }
            else
            {
                emulator.Knobs.UsageJobs.CancelNext = 1;
            }

            using var context = Connect(emulator);

            var failure = Assert.Throws<GenesysApiException>(() => context.Directory.GetUsage(30, Operation.Quiet));

            Assert.Equal((ApiFailureKind.QueryJobFailed, state), (failure.Kind, failure.QueryJobState));
            Assert.Contains($"The usage query job {failure.QueryJobId} ended {state}", failure.Message);
            Assert.Contains(message, failure.Message);
            Assert.Equal(1, context.Directory.GetUsage(30, Operation.Quiet).Jobs); // a failure is not kept: the next read starts a new job, which succeeds
        }

        [Fact]
        public async Task Cancelling_stops_the_polling_promptly()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Daily", "active", new UsageSeed(10, 0, 5))));
            emulator.Knobs.UsageJobs.StayRunning = true;
            using var context = Connect(emulator);
            context.Directory.QueryJobs = new QueryJobPolicy(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5));
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => context.Directory.GetUsage(30, new Operation(Operation.Quiet.Host, stop.Token))));

            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
            var polls = Polls(emulator);
            await Task.Delay(300);
            Assert.Equal(polls, Polls(emulator));
        }

        [Fact]
        public async Task Polls_answered_429_are_retried_after_Retry_After()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Daily", "active", new UsageSeed(10, 0, 5))));
            emulator.Knobs.UsageJobs.ThrottlePolls = 1;
            using var context = Connect(emulator);
            var clock = Stopwatch.StartNew();

            var usage = context.Directory.GetUsage(30, Operation.Quiet);

            Assert.Equal(55L, usage.For(ClientId(0), "Daily").Requests);
            Assert.Contains(emulator.Requests, request => request.Path.StartsWith(Jobs + "/", StringComparison.Ordinal) && request.Status == 429);
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
        }

        [Theory]
        [InlineData("{\"queryStatus\":\"Succeeded\"}", "has no 'entities' array")]
        [InlineData("{\"queryStatus\":\"Succeeded\",\"entities\":[{\"date\":\"{today}\",\"requestCount\":3}]}", "a row without 'oauthClient.id'")]
        [InlineData("{\"queryStatus\":\"Succeeded\",\"entities\":[{\"date\":\"2001-01-01\",\"requestCount\":3,\"oauthClient\":{\"id\":\"x\"}}]}", "dated '2001-01-01', not a day of the interval")]
        [InlineData("{\"queryStatus\":\"Succeeded\",\"entities\":[{\"date\":\"{today}\",\"requestCount\":-3,\"oauthClient\":{\"id\":\"x\"}}]}", "'requestCount' -3")]
        [InlineData("{\"queryStatus\":\"Succeeded\",\"entities\":[{\"date\":\"{today}\",\"requestCount\":3,\"oauthClient\":{\"id\":\"x\"}},{\"date\":\"{today}\",\"requestCount\":3,\"oauthClient\":{\"id\":\"X\"}}]}", "twice")]
        [InlineData("{\"queryStatus\":\"Succeeded\",\"entities\":[],\"nextUri\":\"/api/v2/oauth/clients?after=1\"}", "which leaves /api/v2/usage/aggregates/query/jobs/")]
        [InlineData("{\"queryStatus\":\"Finished\"}", "queryStatus 'Finished', which is none of")]
        [InlineData("{\"entities\":[]}", "queryStatus 'none'")]
        public async Task A_malformed_result_page_is_an_error_never_fewer_rows(string body, string problem)
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Daily", "active", new UsageSeed(10, 0, 5))));
            emulator.Faults.Enqueue(new Fault(Jobs + "/", 200) { Body = body.Replace("{today}", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) });
            using var context = Connect(emulator);

            var failure = Assert.Throws<GenesysApiException>(() => context.Directory.GetUsage(30, Operation.Quiet));

            Assert.Equal(ApiFailureKind.InvalidResponse, failure.Kind);
            Assert.Contains(problem, failure.Message);
        }

        [Fact]
        public async Task Without_usage_organization_view_the_error_names_the_permission()
        {
            var organization = Organization(("Daily", "active", new UsageSeed(10, 0, 5)));
            await using var emulator = await GenesysCloudEmulator.StartAsync(organization, new EmulatorOptions { Auditor = new EmulatorCredential { Permissions = new[] { "oauth:client:view" } } });
            using var context = Connect(emulator);

            var failure = Assert.Throws<GenesysApiException>(() => context.Directory.GetUsage(30, Operation.Quiet));

            Assert.Equal(ApiFailureKind.MissingPermission, failure.Kind);
            Assert.Equal(new[] { "usage:organization:view" }, failure.MissingPermissions);
        }

        [Fact]
        public void A_snapshot_has_no_usage()
        {
            using var context = Connector.ConnectSnapshot(Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json"));

            var failure = Assert.Throws<UsageUnavailableException>(() => context.Directory.GetUsage(30, Operation.Quiet));

            Assert.StartsWith("Usage needs a live connection", failure.Message);
        }

        /// <summary>The hand-written table: each client's usage, and what maxIdleDays 30, flagNeverUsed and maxThrottledShare 10 find.</summary>
        public static readonly TheoryData<string, string, UsageSeed, string> Table = new TheoryData<string, string, UsageSeed, string>
        {
            { "Used today", "active", new UsageSeed(200, 0, 100), "" },
            { "Used 29 days ago", "active", new UsageSeed(200, 29, 10), "" },
            { "Used 30 days ago", "active", new UsageSeed(200, 30, 10), "IdleClient 30" },
            { "Used 45 days ago", "active", new UsageSeed(200, 45, 10), "IdleClient 45" },
            { "Never used", "active", UsageSeed.Never, "IdleClient 90, NeverUsed 90" },
            { "Never used, disabled", "disabled", UsageSeed.Never, "IdleClient 90" },
            { "Throttled a fifth", "active", new UsageSeed(60, 0, 100, 20), "Throttled 20" },
            { "Throttled a tenth", "active", new UsageSeed(60, 0, 100, 10), "" },
            { "Idle before the window", "active", new UsageSeed(300, 120, 40), "IdleClient 90, NeverUsed 90" },
        };

        [Fact]
        public async Task The_usage_demands_give_the_findings_of_the_hand_written_table()
        {
            var rows = Table.Select(row => ((string)row[0], (string)row[1], (UsageSeed)row[2], (string)row[3])).ToArray();
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(rows.Select(row => (row.Item1, row.Item2, (UsageSeed?)row.Item3)).ToArray()));
            using var context = Connect(emulator);
            var usage = context.Directory.GetUsage(90, Operation.Quiet);
            var evaluator = new BaselineEvaluator(UsageBaseline(), new EvaluationContext(DateTime.UtcNow, usage: usage));

            var found = context.Directory.GetClients(Operation.Quiet).ToDictionary(client => client.Name, client => Describe(evaluator.Evaluate(client)));

            Assert.Equal(rows.ToDictionary(row => row.Item1, row => row.Item4), found);
        }

        [Fact]
        public async Task A_client_read_with_its_usage_brings_it_to_the_audit_and_without_usage_the_rules_are_skipped_never_passed()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Never used", "active", UsageSeed.Never)));
            using var context = Connect(emulator);
            var client = context.Directory.GetClients(Operation.Quiet).Single();
            var baseline = UsageBaseline();

            var without = new BaselineEvaluator(baseline, DateTime.UtcNow).Evaluate(client);
            client.Usage = context.Directory.GetUsage(90, Operation.Quiet).For(client);
            var with = new BaselineEvaluator(baseline, DateTime.UtcNow).Evaluate(client);

            Assert.Equal((Outcome.Skipped, false), (without.Outcome, without.Passed));
            Assert.Equal(new[] { "U-1" }, without.SkippedRules);
            Assert.Equal("U-1 needs the clients' API usage, which this run did not load.", without.Reason);
            Assert.Empty(without.Findings);
            Assert.Equal((Outcome.Fail, 0), (with.Outcome, with.SkippedRules.Count));

            var run = Runs.AuditRunBuilder.For(context, baseline, DateTime.UtcNow).Add(without).Build(DateTime.UtcNow);
            var json = Runs.AuditRunJson.Write(run);
            var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "audit-run.v1.schema.json")));
            Assert.Empty(schema.Validate(json));
            var written = (JObject)JObject.Parse(json)["results"]![0]!;
            Assert.Equal(("Skipped", "U-1"), ((string)written["outcome"]!, (string)written["skippedRules"]![0]!));
            Assert.Equal(1, (int)JObject.Parse(json)["summary"]!["byOutcome"]!["Skipped"]!);
        }

        [Fact]
        public async Task A_usage_window_shorter_than_maxIdleDays_cannot_judge_a_client_without_requests_so_the_rule_is_skipped()
        {
            await using var emulator = await GenesysCloudEmulator.StartAsync(Organization(("Quiet lately", "active", new UsageSeed(60, 40, 10)), ("Busy", "active", new UsageSeed(60, 0, 10))));
            using var context = Connect(emulator);
            var usage = context.Directory.GetUsage(30, Operation.Quiet);
            var baseline = Baselines.Parse(Head + Rule("U-1", "maxIdleDays: 45") + Rule("S-1", "allowedStates: [active]"));
            var evaluator = new BaselineEvaluator(baseline, new EvaluationContext(DateTime.UtcNow, usage: usage));

            var results = context.Directory.GetClients(Operation.Quiet).ToDictionary(client => client.Name, evaluator.Evaluate);

            Assert.Equal(Outcome.Pass, results["Quiet lately"].Outcome);
            Assert.Equal(new[] { "U-1" }, results["Quiet lately"].SkippedRules);
            Assert.Equal("U-1 maxIdleDays 45 needs usage over at least 45 days, and 30 were read.", results["Quiet lately"].Reason);
            Assert.Equal((Outcome.Pass, 0), (results["Busy"].Outcome, results["Busy"].SkippedRules.Count));
        }

        [Fact]
        public void A_rule_only_when_usage_is_loaded_does_not_apply_without_it_and_the_built_in_baseline_is_unchanged_without_usage()
        {
            using var context = Connector.ConnectSnapshot(Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json"));
            var clients = context.Directory.GetClients(Operation.Quiet).ToArray();
            var evaluator = new BaselineEvaluator(Baselines.Loader.BuiltIn, DateTime.UtcNow);

            var results = clients.Select(evaluator.Evaluate).ToArray();

            Assert.Equal((40, 15), (results.Length, results.Count(result => result.Outcome == Outcome.Fail)));
            Assert.All(results, result => Assert.DoesNotContain("GC-011", result.MatchedRules));
            Assert.All(results, result => Assert.Empty(result.SkippedRules));
            Assert.DoesNotContain(results, result => result.Outcome == Outcome.Skipped);
        }

        private const string Head = "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: usage-test\nspec:\n  rules:\n";

        private static string Rule(string id, params string[] demands) =>
            $"    - id: {id}\n      description: d\n      severity: Medium\n" + string.Concat(demands.Select(demand => "      " + demand + "\n"));

        private static Baseline UsageBaseline() =>
            Baselines.Parse(Head + Rule("U-1", "maxIdleDays: 30", "flagNeverUsed: true", "maxThrottledShare: 10"));

        private static string Describe(ClientAuditResult result) =>
            string.Join(", ", result.Findings.Select(finding => $"{finding.Kind} {finding.Subject}").OrderBy(text => text, StringComparer.Ordinal));

        private static int Polls(GenesysCloudEmulator emulator) =>
            emulator.Requests.Count(request => request.Method == "GET" && request.Path.StartsWith(Jobs + "/", StringComparison.Ordinal));

        private static int Pages(int rows) => Math.Max(1, (rows + UsageQueryJob.PageSize - 1) / UsageQueryJob.PageSize);

        private static async Task<(int Clients, int Posts, int Polls, int ResultPages, int Other, int Rows)> CostOf(int clients)
        {
            const int Days = 7;
            var organization = Organization(Enumerable.Range(0, clients).Select(index => ($"Client {index}", "active", (UsageSeed?)null)).ToArray());
            await using var emulator = await GenesysCloudEmulator.StartAsync(organization);
            emulator.Knobs.RateLimit.RequestsPerWindow = 1_000_000;
            using var context = Connect(emulator);
            await ConnectionReadTests.BackgroundReadsDone(emulator);
            emulator.ClearRequests();

            var usage = context.Directory.GetUsage(Days, Operation.Quiet);

            var requests = emulator.Requests.Where(request => request.Host == EmulatorHost.Api).ToArray();
            var rows = Enumerable.Range(0, clients).Select(index => UsageSeed.Derived(ClientId(index))).Sum(seed => Enumerable.Range(0, Days).Count(seed.UsedOn));
            var onJob = requests.Where(request => request.Method == "GET" && request.Path.StartsWith(Jobs + "/", StringComparison.Ordinal)).ToArray();
            var pages = onJob.Count(request => request.Query.Contains("after=", StringComparison.Ordinal)) + 1;
            Assert.Equal(Enumerable.Range(0, clients).Count(index => Enumerable.Range(0, Days).Any(UsageSeed.Derived(ClientId(index)).UsedOn)), usage.ClientIds.Count);
            return (clients, requests.Count(request => request.Method == "POST"), onJob.Length - pages + 1, pages, requests.Length - requests.Count(request => request.Method == "POST") - onJob.Length, rows);
        }

        private static string ClientId(int index) => $"00000000-0000-4000-8000-{index:D12}";

        private static EmulatorOrganization Organization(params (string Name, string State, UsageSeed? Seed)[] clients)
        {
            var organization = EmulatorOrganization.FromSnapshotFile(Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json"));
            organization.Clients = clients.Select((client, index) => new JObject
            {
                ["id"] = ClientId(index),
                ["name"] = client.Name,
                ["authorizedGrantType"] = "CODE",
                ["state"] = client.State,
                ["scope"] = new JArray(),
                ["registeredRedirectUri"] = new JArray("https://app.example.com/callback"),
            }).ToList();
            foreach (var (client, index) in clients.Select((client, index) => (client, index)))
            {
                if (client.Seed != null)
                {
                    organization.Usage[ClientId(index)] = client.Seed;
                }
            }

            return organization;
        }

        private static GcContext Connect(GenesysCloudEmulator emulator)
        {
            var endpoint = GenesysEndpoint.Custom(emulator.ApiBaseUri, emulator.LoginBaseUri);
            var request = new LiveConnectionRequest(endpoint, new RetryPolicy(maxRetryCount: 2, maxRetryWait: TimeSpan.FromSeconds(2)), new ClientCredential(emulator.Auditor.ClientId, SecureText.Protect(emulator.Auditor.Secret)), null);
            var context = Connector.ConnectLive(request, Operation.Quiet);
            context.Directory.QueryJobs = Quick;
            return context;
        }
    }
}
