using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

/// <summary>
/// The request log as the standalone emulator writes it (<c>--request-log</c>), for a process that cannot read
/// <see cref="GenesysCloudEmulator.Requests"/>: every request in arrival order with its real start and finish times,
/// so a benchmark can count requests and sequential round trips (<see cref="RequestTimeline"/>) per time window.
/// </summary>
public static class RequestLogDocument
{
    public static string ToJson(IEnumerable<RecordedRequest> requests)
    {
        var document = new JObject
        {
            // Stopwatch ticks per second; on one machine the ticks compare with another process's Stopwatch.GetTimestamp().
            ["stopwatchFrequency"] = Stopwatch.Frequency,
            ["requests"] = new JArray(requests.Select(request => new JObject
            {
                ["sequence"] = request.Sequence,
                ["host"] = request.Host.ToString(),
                ["method"] = request.Method,
                ["path"] = request.Path,
                ["query"] = request.Query,
                ["status"] = request.Status,
                ["startedTicks"] = request.StartedTicks,
                ["finishedTicks"] = request.FinishedTicks,
            })),
        };
        return document.ToString(Formatting.Indented) + "\n";
    }
}
