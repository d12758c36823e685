namespace OAuthAudit.Emulator;

public enum FaultKind
{
    Status,
    ResetConnection,
    Hang,
    HtmlBody,
    TruncatedJson,
    Chunked,
}
