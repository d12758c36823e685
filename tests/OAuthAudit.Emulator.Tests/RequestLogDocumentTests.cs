using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

public sealed class RequestLogDocumentTests
{
    [Fact]
    public async Task Writes_every_request_with_its_times_and_no_credential()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.Knobs.Latency = System.TimeSpan.FromMilliseconds(20);
        var before = Stopwatch.GetTimestamp();
        var token = await session.TokenAsync();
        using (await session.GetAsync("/api/v2/authorization/roles?pageSize=2", token))
        {
        }

        var after = Stopwatch.GetTimestamp();
        var json = RequestLogDocument.ToJson(session.Emulator.Requests);
        var document = JObject.Parse(json);

        Assert.Equal(Stopwatch.Frequency, (long)document["stopwatchFrequency"]!);
        var requests = ((JArray)document["requests"]!).Cast<JObject>().ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(["Login", "Api"], requests.Select(request => (string)request["host"]!));
        Assert.Equal(["POST", "GET"], requests.Select(request => (string)request["method"]!));
        Assert.Equal("/api/v2/authorization/roles", (string)requests[1]["path"]!);
        Assert.Equal("?pageSize=2", (string)requests[1]["query"]!);
        Assert.All(requests, request => Assert.Equal(200, (int)request["status"]!));
        var spans = requests.Select(request => (Start: (long)request["startedTicks"]!, End: (long)request["finishedTicks"]!)).ToArray();
        Assert.All(spans, span => Assert.InRange(span.Start, before, span.End));
        Assert.All(spans, span => Assert.InRange(span.End, span.Start, after));
        Assert.True(spans[0].End < spans[1].Start, "the token was answered before the roles were asked for");
        Assert.DoesNotContain(token, json);
        Assert.DoesNotContain(session.Emulator.Auditor.Secret, json);
    }
}
