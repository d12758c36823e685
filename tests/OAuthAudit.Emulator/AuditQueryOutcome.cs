namespace OAuthAudit.Emulator;

/// <summary>How an audit query transaction created from now on ends.</summary>
public enum AuditQueryOutcome
{
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>Stays Running however often it is polled.</summary>
    NeverFinishes,
}
