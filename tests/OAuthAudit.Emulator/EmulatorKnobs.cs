using System;
using System.Threading;

namespace OAuthAudit.Emulator;

/// <summary>Behaviour that tests may change while the emulator runs; each request reads the current values.</summary>
public sealed class EmulatorKnobs
{
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(24);

    private long _latencyTicks;
    private long _tokenLifetimeTicks = DefaultTokenLifetime.Ticks;
    private int _clientsPageSize;
    private int _refuseRoleIdFilter;
    private Action<Newtonsoft.Json.Linq.JObject>? _rewriteTokenAnswer;

    /// <summary>Delay before every answer, on both hosts.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _latencyTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Volatile.Write(ref _latencyTicks, value.Ticks);
        }
    }

    public RateLimitKnob RateLimit { get; } = new();

    /// <summary>The organization usage query jobs: how many polls until Succeeded, failed, cancelled or stuck jobs, throttled polls.</summary>
    public UsageJobKnob UsageJobs { get; } = new();

    /// <summary>How audit query transactions (POST /api/v2/audits/query) behave.</summary>
    public AuditQueryKnob AuditQuery { get; } = new();

    /// <summary>Lifetime of tokens issued from now on, sent as <c>expires_in</c> in whole seconds.</summary>
    public TimeSpan TokenLifetime
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _tokenLifetimeTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Volatile.Write(ref _tokenLifetimeTicks, value.Ticks);
        }
    }

    /// <summary>
    /// Null (the default) sends the login service's token answer as it is. Otherwise called with each successful
    /// token answer (a real, issued token) before it is sent, to remove or change members: a missing or huge
    /// <c>expires_in</c>, a token with a line break appended.
    /// </summary>
    public Action<Newtonsoft.Json.Linq.JObject>? RewriteTokenAnswer
    {
        get => Volatile.Read(ref _rewriteTokenAnswer);
        set => Volatile.Write(ref _rewriteTokenAnswer, value);
    }

    /// <summary>Null (the default) answers every client in one page, as the real API does.</summary>
    public int? ClientsPageSize
    {
        get
        {
            var size = Volatile.Read(ref _clientsPageSize);
            return size == 0 ? null : size;
        }
        set
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The page size must be at least 1.");
            }

            Volatile.Write(ref _clientsPageSize, value ?? 0);
        }
    }

    /// <summary>
    /// False (the default) applies <c>id</c> filters on GET /api/v2/authorization/roles; true answers a request that
    /// has one 400 <c>bad.request</c>, as an API that does not take the filter would, to test a caller's fallback.
    /// </summary>
    public bool RefuseRoleIdFilter
    {
        get => Volatile.Read(ref _refuseRoleIdFilter) != 0;
        set => Volatile.Write(ref _refuseRoleIdFilter, value ? 1 : 0);
    }
}
