using System;
using System.Collections.Generic;
using System.Threading;

namespace OAuthAudit.Emulator;

/// <summary>
/// A fault answered instead of the normal response for requests whose path starts with <see cref="PathPrefix"/>,
/// <see cref="Times"/> times, then removed from the queue.
/// </summary>
public sealed class Fault
{
    private int _remaining;

    public Fault(string pathPrefix, int status, int times = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        PathPrefix = pathPrefix;
        Status = status;
        Times = times;
        _remaining = times;
    }

    public string PathPrefix { get; }

    /// <summary>Ignored by <see cref="FaultKind.ResetConnection"/>, <see cref="FaultKind.Hang"/>, <see cref="FaultKind.TruncatedJson"/> and <see cref="FaultKind.Chunked"/>.</summary>
    public int Status { get; }

    public int Times { get; }

    public FaultKind Kind { get; init; } = FaultKind.Status;

    /// <summary>The body to send; null sends the default for the kind (an <c>ErrorBody</c> for the status, or an HTML error page).</summary>
    public string? Body { get; init; }

    /// <summary>Null picks <c>application/json</c> for <see cref="FaultKind.Status"/> and <c>text/html</c> for <see cref="FaultKind.HtmlBody"/>.</summary>
    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Sent as a <c>Retry-After</c> header in whole seconds, rounded up.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>When set, only requests whose raw query (e.g. <c>?pageNumber=2</c>) contains it (ordinal) match: a fault for one page of a listing.</summary>
    public string? QueryContains { get; init; }

    public int Remaining => Volatile.Read(ref _remaining);

    public static Fault ResetConnection(string pathPrefix, int times = 1) =>
        new(pathPrefix, 500, times) { Kind = FaultKind.ResetConnection };

    public static Fault Hang(string pathPrefix, int times = 1) =>
        new(pathPrefix, 504, times) { Kind = FaultKind.Hang };

    public static Fault HtmlBody(string pathPrefix, int status = 502, int times = 1) =>
        new(pathPrefix, status, times) { Kind = FaultKind.HtmlBody };

    public static Fault TruncatedJson(string pathPrefix, int times = 1) =>
        new(pathPrefix, 200, times) { Kind = FaultKind.TruncatedJson };

    /// <summary>The normal answer, sent without <c>Content-Length</c> (chunked), as a stream of unknown length arrives.</summary>
    public static Fault Chunked(string pathPrefix, int times = 1) =>
        new(pathPrefix, 200, times) { Kind = FaultKind.Chunked };

    internal bool Matches(string path, string query) =>
        path.StartsWith(PathPrefix, StringComparison.Ordinal) && (QueryContains is null || query.Contains(QueryContains, StringComparison.Ordinal));

    internal bool TryConsume()
    {
        while (true)
        {
            var current = Volatile.Read(ref _remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
