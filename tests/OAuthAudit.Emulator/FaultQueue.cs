using System.Collections.Generic;

namespace OAuthAudit.Emulator;

/// <summary>Thread-safe. The first pending fault whose prefix matches a request's path is used.</summary>
public sealed class FaultQueue
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _faults.Count;
            }
        }
    }

    public IReadOnlyList<Fault> Pending
    {
        get
        {
            lock (_gate)
            {
                return _faults.ToArray();
            }
        }
    }

    public void Enqueue(Fault fault)
    {
        System.ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    internal Fault? TryTake(string path, string query)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                if (!fault.Matches(path, query) || !fault.TryConsume())
                {
                    continue;
                }

                if (fault.Remaining == 0)
                {
                    _faults.RemoveAt(i);
                }

                return fault;
            }

            return null;
        }
    }
}
