namespace OAuthAudit.Emulator;

public enum EmulatorHost
{
    Login,
    Api,
}
