using System;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Emulator;

/// <summary>How requests overlapped in time: what a client made wait on what.</summary>
public static class RequestTimeline
{
    /// <summary>
    /// The longest chain of requests each of which arrived after the one before it was answered: the number of
    /// round trips the client waited through one after the other. Requests sent together overlap and count once,
    /// so measure it with some latency (<see cref="EmulatorKnobs.Latency"/>) to make "together" unambiguous.
    /// </summary>
    /// <exception cref="InvalidOperationException">A request is still in progress.</exception>
    public static int SequentialRoundTrips(IEnumerable<RecordedRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var spans = requests.Select(request => (Start: request.StartedTicks, End: request.FinishedTicks ?? throw new InvalidOperationException($"{request} is still in progress.")))
            .OrderBy(span => span.End)
            .ToArray();
        // Earliest-finish-first greedy: the largest set of requests no two of which overlap.
        var chain = 0;
        var lastEnd = long.MinValue;
        foreach (var (start, end) in spans)
        {
            if (start > lastEnd)
            {
                chain++;
                lastEnd = end;
            }
        }

        return chain;
    }
}
