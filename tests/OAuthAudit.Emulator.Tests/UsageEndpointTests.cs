using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

/// <summary>The organization usage query jobs: POST a query, poll the job through its states, page its rows.</summary>
public sealed class UsageEndpointTests
{
    private const string Jobs = "/api/v2/usage/aggregates/query/jobs";

    private static readonly DateTime Today = DateTime.UtcNow.Date;

    [Fact]
    public async Task A_job_is_queued_then_running_then_succeeded_with_one_row_per_client_per_day_used()
    {
        await using var session = await Start(3);
        var token = await session.TokenAsync();

        using var started = await PostAsync(session, token, Query(Today.AddDays(-9), Today));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await EmulatorSession.JsonAsync(started);
        var id = (string)job["id"]!;
        Assert.Equal($"{Jobs}/{id}", (string?)job["resultsUri"]);

        var states = new List<string>();
        JObject page;
        do
        {
            using var poll = await session.GetAsync($"{Jobs}/{id}?pageSize=1000", token);
            Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
            page = await EmulatorSession.JsonAsync(poll);
            states.Add((string)page["queryStatus"]!);
        }
        while (states[^1] != "Succeeded" && states.Count < 10);

        Assert.Equal(["Queued", "Running", "Succeeded"], states);
        var rows = ((JArray)page["entities"]!).Cast<JObject>().ToArray();
        Assert.Null(page["nextUri"]);
        // client 1 used every day of the ten, client 2 on the three days 5..7 days ago, client 3 never.
        Assert.Equal(13, rows.Length);
        Assert.Equal(10, rows.Count(row => (string?)row["oauthClient"]!["id"] == TestOrganization.ClientId(1)));
        var two = rows.Where(row => (string?)row["oauthClient"]!["id"] == TestOrganization.ClientId(2)).ToArray();
        Assert.Equal(new[] { 7, 6, 5 }.Select(days => Today.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), two.Select(row => (string)row["date"]!));
        Assert.Equal(
            ["date", "requestCount", "status200", "status300", "status400", "status429", "status500", "oauthClient"],
            two[0].Properties().Select(property => property.Name));
        Assert.Equal((50L, 40L, 10L, 10L), ((long)two[0]["requestCount"]!, (long)two[0]["status200"]!, (long)two[0]["status400"]!, (long)two[0]["status429"]!));
    }

    [Fact]
    public async Task Results_are_paged_by_page_size_with_an_after_cursor_in_next_uri()
    {
        await using var session = await Start(3);
        session.Emulator.Knobs.UsageJobs.PollsToSucceed = 1;
        var token = await session.TokenAsync();
        var id = await StartJob(session, token, Query(Today.AddDays(-9), Today));

        var uri = $"{Jobs}/{id}?pageSize=5";
        var pages = new List<JObject>();
        while (uri is not null)
        {
            using var response = await session.GetAsync(uri, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await EmulatorSession.JsonAsync(response);
            pages.Add(page);
            uri = (string?)page["nextUri"];
        }

        Assert.Equal([5, 5, 3], pages.Select(page => ((JArray)page["entities"]!).Count));
        Assert.StartsWith($"{Jobs}/{id}?pageSize=5&after=", (string?)pages[0]["nextUri"]);
        Assert.Equal(13, pages.SelectMany(page => page["entities"]!).Select(row => (string)row["oauthClient"]!["id"]! + row["date"]).Distinct().Count());

        using var tooLarge = await session.GetAsync($"{Jobs}/{id}?pageSize=1001", token);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        using var forged = await session.GetAsync($"{Jobs}/{id}?pageSize=5&after=bm90LWEtY3Vyc29y", token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var unknown = await session.GetAsync($"{Jobs}/{Guid.NewGuid()}", token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(-90, 0, "cannot be more than 90 days after the start")]
    [InlineData(-400, -380, "cannot be more than a year ago")]
    public async Task An_interval_over_90_days_or_starting_over_a_year_ago_is_refused_with_the_API_s_error_body(int fromDays, int toDays, string message)
    {
        await using var session = await Start(1);
        var token = await session.TokenAsync();

        using var response = await PostAsync(session, token, Query(Today.AddDays(fromDays), Today.AddDays(toDays)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EmulatorSession.JsonAsync(response);
        Assert.Equal(("bad.request", 400), ((string?)body["code"], (int)body["status"]!));
        Assert.Contains(message, (string?)body["message"]);
    }

    [Fact]
    public async Task A_job_can_be_made_to_fail_to_be_cancelled_or_to_stay_running()
    {
        await using var session = await Start(2);
        var knobs = session.Emulator.Knobs.UsageJobs;
        knobs.PollsToSucceed = 2;
        var token = await session.TokenAsync();

        knobs.FailNext = 1;
        var failed = await PollTimes(session, token, await StartJob(session, token, Query(Today, Today)), 2);
        knobs.CancelNext = 1;
        var cancelled = await PollTimes(session, token, await StartJob(session, token, Query(Today, Today)), 2);
        knobs.StayRunning = true;
        var stuck = await PollTimes(session, token, await StartJob(session, token, Query(Today, Today)), 20);
        knobs.StayRunning = false;
        var fine = await PollTimes(session, token, await StartJob(session, token, Query(Today, Today)), 2);

        Assert.Equal(("Failed", "usage.query.failed"), ((string)failed["queryStatus"]!, (string?)failed["errorBody"]!["code"]));
        Assert.Null(failed["entities"]);
        Assert.Equal("Cancelled", (string)cancelled["queryStatus"]!);
        Assert.Equal("Running", (string)stuck["queryStatus"]!);
        Assert.Equal("Succeeded", (string)fine["queryStatus"]!);
    }

    [Fact]
    public async Task Polls_can_be_answered_429_with_Retry_After_and_the_query_needs_its_permission_and_a_POST()
    {
        await using var session = await Start(1);
        session.Emulator.Knobs.UsageJobs.ThrottlePolls = 1;
        var token = await session.TokenAsync();
        var id = await StartJob(session, token, Query(Today, Today));

        using var throttled = await session.GetAsync($"{Jobs}/{id}", token);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("1", throttled.Headers.GetValues("Retry-After").Single());
        using var next = await session.GetAsync($"{Jobs}/{id}", token);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);

        var noUsage = session.Emulator.Credentials.Add("oauth:client:view");
        using var forbidden = await PostAsync(session, await session.TokenAsync(noUsage), Query(Today, Today));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("usage:organization:view", (string?)(await EmulatorSession.JsonAsync(forbidden))["message"]);

        using var get = await session.GetAsync(Jobs, token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
    }

    private static async Task<EmulatorSession> Start(int clients)
    {
        var organization = TestOrganization.Create(clients: clients);
        organization.Usage[TestOrganization.ClientId(1)] = new UsageSeed(400, 0, 20);
        if (clients >= 2)
        {
            organization.Usage[TestOrganization.ClientId(2)] = new UsageSeed(7, 5, 50, 10);
        }

        if (clients >= 3)
        {
            organization.Usage[TestOrganization.ClientId(3)] = UsageSeed.Never;
        }

        return await EmulatorSession.StartAsync(organization);
    }

    private static JObject Query(DateTime first, DateTime last) => new()
    {
        ["interval"] = $"{first:yyyy-MM-dd}T00:00:00Z/{last:yyyy-MM-dd}T23:59:59Z",
        ["granularity"] = "Day",
        ["groupBy"] = new JArray("OauthClientId"),
        ["metrics"] = new JArray("Requests", "Status200", "Status300", "Status400", "Status429", "Status500"),
    };

    private static async Task<HttpResponseMessage> PostAsync(EmulatorSession session, string token, JObject query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.Emulator.ApiBaseUri, Jobs.TrimStart('/')))
        {
            Content = new StringContent(query.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await session.Http.SendAsync(request);
    }

    private static async Task<string> StartJob(EmulatorSession session, string token, JObject query)
    {
        using var response = await PostAsync(session, token, query);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await EmulatorSession.JsonAsync(response))["id"]!;
    }

    private static async Task<JObject> PollTimes(EmulatorSession session, string token, string id, int times)
    {
        JObject last = new();
        for (var poll = 0; poll < times; poll++)
        {
            using var response = await session.GetAsync($"{Jobs}/{id}", token);
            last = await EmulatorSession.JsonAsync(response);
        }

        return last;
    }
}
