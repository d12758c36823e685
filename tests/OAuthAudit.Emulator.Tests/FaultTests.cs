using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Queued_503_answers_its_times_then_the_real_response()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(new Fault("/api/v2/oauth/clients", 503, times: 2));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await session.GetAsync("/api/v2/oauth/clients", token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var body = await EmulatorSession.JsonAsync(response);
                Assert.Equal("service.unavailable", (string?)body["code"]);
                Assert.Equal(503, (int)body["status"]!);
                Assert.Equal(response.Headers.GetValues("inin-correlation-id").Single(), (string?)body["contextId"]);
            }
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(0, session.Emulator.Faults.Count);
    }

    [Fact]
    public async Task Fault_matches_by_path_prefix_only()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(new Fault("/api/v2/authorization", 500));

        using var other = await session.GetAsync("/api/v2/oauth/clients", token);
        using var faulted = await session.GetAsync("/api/v2/authorization/divisions", token);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
    }

    [Fact]
    public async Task Fault_on_the_token_endpoint()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.Faults.Enqueue(new Fault("/oauth/token", 502));

        using var failed = await session.RequestTokenAsync(session.Emulator.Auditor.ClientId, session.Emulator.Auditor.Secret);
        using var ok = await session.RequestTokenAsync(session.Emulator.Auditor.ClientId, session.Emulator.Auditor.Secret);

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, session.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task Custom_body_headers_and_retry_after()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(new Fault("/api/v2/oauth/scopes", 429)
        {
            Body = """{"message":"slow down","code":"too.many.requests","status":429}""",
            RetryAfter = TimeSpan.FromSeconds(2.5),
            Headers = new Dictionary<string, string> { ["x-test"] = "yes" },
        });

        using var response = await session.GetAsync("/api/v2/oauth/scopes", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal("yes", response.Headers.GetValues("x-test").Single());
        Assert.Equal("slow down", (string?)(await EmulatorSession.JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task Html_body_fault_is_a_proxy_page_without_inin_headers()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(Fault.HtmlBody("/api/v2/oauth/clients", 502));

        using var response = await session.GetAsync("/api/v2/oauth/clients", token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>502 Bad Gateway</title>", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("inin-correlation-id"));
    }

    [Fact]
    public async Task Truncated_json_is_the_real_answer_cut_short()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(Fault.TruncatedJson("/api/v2/oauth/clients"));

        using var response = await session.GetAsync("/api/v2/oauth/clients", token);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("{\"entities\":[", text);
        Assert.Equal(text.Length, response.Content.Headers.ContentLength);
        Assert.ThrowsAny<JsonException>(() => JObject.Parse(text));
        Assert.True(response.Headers.Contains("inin-ratelimit-count"));
    }

    [Fact]
    public async Task A_fault_with_QueryContains_answers_only_that_page()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(new Fault("/api/v2/authorization/divisions", 500) { QueryContains = "pageNumber=2" });

        using var first = await session.GetAsync("/api/v2/authorization/divisions?pageSize=1&pageNumber=1", token);
        using var second = await session.GetAsync("/api/v2/authorization/divisions?pageSize=1&pageNumber=2", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(0, session.Emulator.Faults.Count);
    }

    [Fact]
    public async Task Chunked_sends_the_normal_answer_without_a_content_length()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(Fault.Chunked("/api/v2/oauth/clients"));

        using var response = await session.GetAsync("/api/v2/oauth/clients", token);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(session.Emulator.Organization.Clients.Count, ((JArray)body["entities"]!).Count);
    }

    [Fact]
    public async Task RewriteTokenAnswer_changes_the_token_answer_of_a_real_token()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.Knobs.RewriteTokenAnswer = answer => answer.Remove("expires_in");

        var token = await session.TokenAsync();
        using var answer = await session.RequestTokenAsync(session.Emulator.Auditor.ClientId, session.Emulator.Auditor.Secret);
        var body = await EmulatorSession.JsonAsync(answer);
        using var listing = await session.GetAsync("/api/v2/oauth/clients", token);

        Assert.Null(body["expires_in"]);
        Assert.Equal("bearer", (string?)body["token_type"]);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }

    [Fact]
    public async Task Reset_connection_fails_the_request()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(Fault.ResetConnection("/api/v2/oauth/clients"));

        await Assert.ThrowsAsync<HttpRequestException>(() => session.GetAsync("/api/v2/oauth/clients", token));
        using var after = await session.GetAsync("/api/v2/oauth/clients", token);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var statuses = session.Emulator.Requests.Where(r => r.Path == "/api/v2/oauth/clients").Select(r => r.Status);
        Assert.Equal([null, 200], statuses);
    }

    [Fact]
    public async Task Hang_lasts_until_the_client_gives_up()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Faults.Enqueue(Fault.Hang("/api/v2/oauth/clients"));
        using var giveUp = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Emulator.ApiBaseUri, "api/v2/oauth/clients"));
        request.Headers.Authorization = new("Bearer", token);

        var sending = session.Http.SendAsync(request, giveUp.Token);
        var arrived = DateTime.UtcNow.AddSeconds(10);
        while (session.Emulator.InFlightRequestCount == 0 && DateTime.UtcNow < arrived)
        {
            await Task.Delay(10);
        }

        // The request has reached the emulator: it must still be unanswered a while later, until the client gives up.
        await Task.Delay(300);
        Assert.False(sending.IsCompleted);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (session.Emulator.InFlightRequestCount != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, session.Emulator.InFlightRequestCount);
        Assert.Null(session.Emulator.Requests[^1].Status);
        using var after = await session.GetAsync("/api/v2/oauth/clients", token);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
