using System;

namespace OAuthAudit.Emulator;

public sealed class EmulatorOptions
{
    /// <summary>The auditing credential; null registers one with a random id and secret and <see cref="EmulatorCredential.AuditorPermissions"/>.</summary>
    public EmulatorCredential? Auditor { get; init; }

    /// <summary>The clock for token expiry, the rate-limit window and request timestamps. Latency and hangs use real time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
