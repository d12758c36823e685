using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace OAuthAudit.Emulator;

public sealed class RecordedRequest
{
    private int _status;
    private int _finished;
    private long _finishedTicks;

    internal RecordedRequest(
        long sequence,
        EmulatorHost host,
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        string correlationId,
        DateTimeOffset timestamp)
    {
        Sequence = sequence;
        Host = host;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        CorrelationId = correlationId;
        Timestamp = timestamp;
        StartedTicks = Stopwatch.GetTimestamp();
    }

    public long Sequence { get; }

    public EmulatorHost Host { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The raw query string including its leading <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>Case-insensitive; <c>Authorization</c> holds only its scheme (<c>Basic</c>, <c>Bearer</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string CorrelationId { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>When the request arrived, in <see cref="Stopwatch"/> ticks of real time (the emulator's clock may be a fake one).</summary>
    public long StartedTicks { get; }

    /// <summary>When the emulator was done with the request, in <see cref="Stopwatch"/> ticks; null while in progress.</summary>
    public long? FinishedTicks
    {
        get
        {
            var ticks = Volatile.Read(ref _finishedTicks);
            return ticks == 0 ? null : ticks;
        }
    }

    /// <summary>The status code answered; null while in progress or when no response was sent (reset, hang, client gave up).</summary>
    public int? Status
    {
        get
        {
            var status = Volatile.Read(ref _status);
            return status == 0 ? null : status;
        }
    }

    /// <summary>True once the emulator is done with the request, whether it answered or not.</summary>
    public bool Finished => Volatile.Read(ref _finished) != 0;

    internal void Complete(int status) => Volatile.Write(ref _status, status);

    internal void Finish()
    {
        Volatile.Write(ref _finishedTicks, Stopwatch.GetTimestamp());
        Volatile.Write(ref _finished, 1);
    }

    public override string ToString() => $"{Host} {Method} {Path}{Query} -> {Status?.ToString() ?? "none"}";
}
