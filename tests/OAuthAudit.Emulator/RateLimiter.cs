using System;

namespace OAuthAudit.Emulator;

internal sealed record RateLimitDecision(int Allowed, int Count, int ResetSeconds, TimeSpan Window)
{
    public bool Limited => Count > Allowed;
}

internal sealed class RateLimiter(RateLimitKnob knob)
{
    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _count;

    public RateLimitDecision Hit(DateTimeOffset now)
    {
        var window = knob.Window;
        lock (_gate)
        {
            if (now >= _windowStart + window || now < _windowStart)
            {
                _windowStart = now;
                _count = 0;
            }

            _count++;
            var remaining = _windowStart + window - now;
            var resetSeconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
            return new RateLimitDecision(knob.RequestsPerWindow, _count, resetSeconds, window);
        }
    }
}
