using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthAudit.Emulator.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Dispose_is_quick_with_a_hanging_request()
    {
        var emulator = await GenesysCloudEmulator.StartAsync(TestOrganization.Create());
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        emulator.Faults.Enqueue(Fault.Hang("/api/v2"));
        var hanging = http.GetAsync(new Uri(emulator.ApiBaseUri, "api/v2/oauth/clients"));
        await WaitUntil(() => emulator.Requests.Count == 1);

        var stopwatch = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"Dispose took {stopwatch.Elapsed}.");
        await Assert.ThrowsAnyAsync<Exception>(() => hanging);
    }

    [Fact]
    public async Task Latency_delays_answers_and_stops_when_the_client_gives_up()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.Knobs.Latency = TimeSpan.FromMilliseconds(200);

        var stopwatch = Stopwatch.StartNew();
        using (var slow = await session.GetAsync("/api/v2/oauth/scopes", token))
        {
            Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        }

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(190), $"Answered after {stopwatch.Elapsed}.");

        session.Emulator.Knobs.Latency = TimeSpan.FromMinutes(10);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => session.Http.GetAsync(new Uri(session.Emulator.ApiBaseUri, "api/v2/oauth/scopes"), giveUp.Token));
        await WaitUntil(() => session.Emulator.Requests.Count == 3 && session.Emulator.Requests[^1].Finished);
        Assert.Null(session.Emulator.Requests[^1].Status);
        Assert.Equal(0, session.Emulator.InFlightRequestCount);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side()
    {
        await using var first = await EmulatorSession.StartAsync();
        await using var second = await EmulatorSession.StartAsync();

        using var response = await first.RequestTokenAsync(second.Emulator.Auditor.ClientId, second.Emulator.Auditor.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual(first.Emulator.ApiBaseUri, second.Emulator.ApiBaseUri);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting.");
            await Task.Delay(10);
        }
    }
}
