using System;
using System.Threading;

namespace OAuthAudit.Emulator;

/// <summary>Audit query transactions: how many polls they take and how they end; how many messages a results page holds at most.</summary>
public sealed class AuditQueryKnob
{
    private int _pollsToFinish = 2;
    private int _outcome = (int)AuditQueryOutcome.Succeeded;
    private int _maxPageSize = 500;

    /// <summary>Polls of GET /api/v2/audits/query/{id} before the end state: Queued on the POST, Running on the first poll, ended on this one (default 2).</summary>
    public int PollsToFinish
    {
        get => Volatile.Read(ref _pollsToFinish);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _pollsToFinish, value);
        }
    }

    public AuditQueryOutcome Outcome
    {
        get => (AuditQueryOutcome)Volatile.Read(ref _outcome);
        set => Volatile.Write(ref _outcome, (int)value);
    }

    /// <summary>A results page holds at most this many messages, whatever pageSize asks (the API's maximum is 500).</summary>
    public int MaxPageSize
    {
        get => Volatile.Read(ref _maxPageSize);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _maxPageSize, value);
        }
    }
}
