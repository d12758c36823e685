using System;
using System.Linq;
using System.Threading.Tasks;

namespace OAuthAudit.Emulator.Tests;

public sealed class RequestTimelineTests
{
    [Fact]
    public async Task Requests_sent_together_are_one_round_trip_and_one_sent_after_an_answer_is_another()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.ClearRequests();
        session.Emulator.Knobs.Latency = TimeSpan.FromMilliseconds(100);

        var together = new[] { "/api/v2/oauth/scopes", "/api/v2/oauth/clients", "/api/v2/authorization/divisions" }
            .Select(path => session.GetAsync(path, token)).ToArray();
        foreach (var response in await Task.WhenAll(together))
        {
            response.Dispose();
        }

        Assert.Equal(1, RequestTimeline.SequentialRoundTrips(session.Emulator.Requests));

        using (await session.GetAsync("/api/v2/organizations/me", token))
        {
        }

        Assert.Equal(4, session.Emulator.Requests.Count);
        Assert.Equal(2, RequestTimeline.SequentialRoundTrips(session.Emulator.Requests));
        Assert.All(session.Emulator.Requests, request => Assert.True(request.FinishedTicks > request.StartedTicks));
    }
}
