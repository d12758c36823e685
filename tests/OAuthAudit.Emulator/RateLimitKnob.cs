using System;
using System.Threading;

namespace OAuthAudit.Emulator;

/// <summary>A fixed window over all API-host requests. Changes apply from the next request.</summary>
public sealed class RateLimitKnob
{
    public const int DefaultRequestsPerWindow = 300;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(60);

    private int _requestsPerWindow = DefaultRequestsPerWindow;
    private long _windowTicks = DefaultWindow.Ticks;
    private int _sendRetryAfter = 1;

    public int RequestsPerWindow
    {
        get => Volatile.Read(ref _requestsPerWindow);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _requestsPerWindow, value);
        }
    }

    public TimeSpan Window
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _windowTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Volatile.Write(ref _windowTicks, value.Ticks);
        }
    }

    public bool SendRetryAfter
    {
        get => Volatile.Read(ref _sendRetryAfter) != 0;
        set => Volatile.Write(ref _sendRetryAfter, value ? 1 : 0);
    }
}
