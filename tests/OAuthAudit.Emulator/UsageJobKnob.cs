using System;
using System.Threading;

namespace OAuthAudit.Emulator;

/// <summary>
/// How the organization usage query jobs behave. A job is Queued on its first poll, Running until
/// <see cref="PollsToSucceed"/> polls have been answered, then Succeeded; unless the next job is made to fail,
/// be cancelled or stay Running for ever. Changes apply to jobs started from then on.
/// </summary>
public sealed class UsageJobKnob
{
    private int _pollsToSucceed = 3;
    private int _failNext;
    private int _cancelNext;
    private int _stuck;
    private int _retryAfterPolls;

    /// <summary>The poll that first answers Succeeded (1 = the first poll). Default 3: Queued, Running, Succeeded.</summary>
    public int PollsToSucceed
    {
        get => Volatile.Read(ref _pollsToSucceed);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _pollsToSucceed, value);
        }
    }

    /// <summary>The next N jobs end Failed (with an errorBody) instead of Succeeded.</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, Math.Max(0, value));
    }

    /// <summary>The next N jobs end Cancelled (no errorBody).</summary>
    public int CancelNext
    {
        get => Volatile.Read(ref _cancelNext);
        set => Volatile.Write(ref _cancelNext, Math.Max(0, value));
    }

    /// <summary>Every job started while true stays Running whatever the polls.</summary>
    public bool StayRunning
    {
        get => Volatile.Read(ref _stuck) != 0;
        set => Volatile.Write(ref _stuck, value ? 1 : 0);
    }

    /// <summary>While above 0, that many polls of a job still running are answered 429 with Retry-After: 1 before the job's state is shown.</summary>
    public int ThrottlePolls
    {
        get => Volatile.Read(ref _retryAfterPolls);
        set => Volatile.Write(ref _retryAfterPolls, Math.Max(0, value));
    }

    internal bool TakeFail() => TakeOne(ref _failNext);

    internal bool TakeCancel() => TakeOne(ref _cancelNext);

    internal bool TakeThrottle() => TakeOne(ref _retryAfterPolls);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
