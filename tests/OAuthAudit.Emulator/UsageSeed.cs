using System;

namespace OAuthAudit.Emulator;

/// <summary>
/// How one client used the API, as days before "today" (the emulator clock's UTC date): a row a day from
/// <see cref="FirstDaysAgo"/> to <see cref="LastDaysAgo"/> with <see cref="RequestsPerDay"/> requests, of which
/// <see cref="ThrottledPerDay"/> were answered 429 and the rest 200.
/// </summary>
public sealed record UsageSeed(int FirstDaysAgo, int LastDaysAgo, int RequestsPerDay, int ThrottledPerDay = 0)
{
    /// <summary>A client that made no request at all.</summary>
    public static UsageSeed Never { get; } = new(-1, -1, 0);

    public bool IsNever => RequestsPerDay == 0;

    /// <summary>
    /// A fixed, spread-out usage for a client without an explicit seed, from a stable hash of its id: a tenth never
    /// used, a tenth idle for four months, a tenth throttled (a fifth of its requests 429), the rest used lately.
    /// </summary>
    public static UsageSeed Derived(string clientId)
    {
        var hash = 2166136261u;
        foreach (var c in clientId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % 10) switch
        {
            0 => Never,
            1 => new UsageSeed(300, 120, 40),
            2 => new UsageSeed(60, 0, 500, 100),
            _ => new UsageSeed(200, (int)(hash / 10 % 4), 10 + (int)(hash / 40 % 90)),
        };
    }

    public bool UsedOn(int daysAgo) => !IsNever && daysAgo <= FirstDaysAgo && daysAgo >= LastDaysAgo;

    internal static void Check(UsageSeed seed)
    {
        if (!seed.IsNever && (seed.LastDaysAgo < 0 || seed.FirstDaysAgo < seed.LastDaysAgo || seed.ThrottledPerDay < 0 || seed.ThrottledPerDay > seed.RequestsPerDay))
        {
            throw new ArgumentException($"A usage seed runs from FirstDaysAgo down to LastDaysAgo (>= 0), with ThrottledPerDay at most RequestsPerDay: {seed}.");
        }
    }
}
