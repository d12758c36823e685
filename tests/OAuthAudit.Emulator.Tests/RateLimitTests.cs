using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace OAuthAudit.Emulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Every_api_response_has_rate_limit_headers_and_a_fresh_correlation_id()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();

        var correlationIds = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            using var response = await session.GetAsync(i == 3 ? "/api/v2/nothing-here" : "/api/v2/oauth/clients", token);
            Assert.Equal("300", response.Headers.GetValues("inin-ratelimit-allowed").Single());
            Assert.Equal(i.ToString(), response.Headers.GetValues("inin-ratelimit-count").Single());
            Assert.InRange(int.Parse(response.Headers.GetValues("inin-ratelimit-reset").Single()), 1, 60);
            correlationIds.Add(response.Headers.GetValues("inin-correlation-id").Single());
        }

        Assert.All(correlationIds, id => Assert.True(Guid.TryParse(id, out _)));
        Assert.Equal(3, correlationIds.Distinct().Count());
    }

    [Fact]
    public async Task Over_the_limit_is_429_with_retry_after()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2026-11-20T06:00:00Z"));
        await using var session = await EmulatorSession.StartAsync(options: new EmulatorOptions { TimeProvider = clock });
        session.Emulator.Knobs.RateLimit.RequestsPerWindow = 2;
        session.Emulator.Knobs.RateLimit.Window = TimeSpan.FromSeconds(60);
        var token = await session.TokenAsync();

        using var first = await session.GetAsync("/api/v2/oauth/scopes", token);
        using var second = await session.GetAsync("/api/v2/oauth/scopes", token);
        clock.Advance(TimeSpan.FromSeconds(20.5));
        using var limited = await session.GetAsync("/api/v2/oauth/scopes", token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("40", limited.Headers.GetValues("inin-ratelimit-reset").Single());
        var body = await EmulatorSession.JsonAsync(limited);
        Assert.Equal("Rate limit exceeded the maximum. [2] requests for [60] seconds", (string?)body["message"]);
        Assert.Equal("too.many.requests", (string?)body["code"]);
        Assert.Equal(429, (int)body["status"]!);

        clock.Advance(TimeSpan.FromSeconds(40));
        using var nextWindow = await session.GetAsync("/api/v2/oauth/scopes", token);
        Assert.Equal(HttpStatusCode.OK, nextWindow.StatusCode);
        Assert.Equal("1", nextWindow.Headers.GetValues("inin-ratelimit-count").Single());
    }

    [Fact]
    public async Task Retry_after_can_be_withheld()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.Knobs.RateLimit.RequestsPerWindow = 1;
        session.Emulator.Knobs.RateLimit.SendRetryAfter = false;
        var token = await session.TokenAsync();

        using var first = await session.GetAsync("/api/v2/oauth/scopes", token);
        using var limited = await session.GetAsync("/api/v2/oauth/scopes", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Null(limited.Headers.RetryAfter);
        Assert.True(limited.Headers.Contains("inin-ratelimit-reset"));
    }

    [Fact]
    public async Task Login_requests_do_not_count()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.Knobs.RateLimit.RequestsPerWindow = 1;

        for (var i = 0; i < 3; i++)
        {
            await session.TokenAsync();
        }

        using var response = await session.GetAsync("/api/v2/oauth/scopes", await session.TokenAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
