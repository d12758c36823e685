using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

/// <summary>The audit query transactions created so far, each with the messages it found when it was created.</summary>
internal sealed class AuditTransactions
{
    private readonly ConcurrentDictionary<string, AuditTransaction> _byId = new(StringComparer.Ordinal);

    public AuditTransaction Create(JObject request, IReadOnlyList<JObject> results, AuditQueryOutcome outcome, int pollsToFinish, DateTimeOffset now)
    {
        var transaction = new AuditTransaction(Guid.NewGuid().ToString(), request, results, outcome, pollsToFinish, now);
        _byId[transaction.Id] = transaction;
        return transaction;
    }

    public AuditTransaction? Find(string id) => _byId.TryGetValue(id, out var transaction) ? transaction : null;
}

internal sealed class AuditTransaction(string id, JObject request, IReadOnlyList<JObject> results, AuditQueryOutcome outcome, int pollsToFinish, DateTimeOffset startDate)
{
    private int _polls;

    public string Id { get; } = id;

    public JObject Request { get; } = request;

    public IReadOnlyList<JObject> Results { get; } = results;

    public DateTimeOffset StartDate { get; } = startDate;

    /// <summary>Queued until polled, Running until the last poll, then the outcome's state (NeverFinishes stays Running).</summary>
    public string State => System.Threading.Volatile.Read(ref _polls) switch
    {
        0 => "Queued",
        var polls when polls < pollsToFinish || outcome == AuditQueryOutcome.NeverFinishes => "Running",
        _ => outcome.ToString(),
    };

    public string Poll()
    {
        System.Threading.Interlocked.Increment(ref _polls);
        return State;
    }
}
