namespace OAuthAudit.Engine.Api
{
    /// <summary>Where the engine reports what it is doing (the cmdlets route it to the verbose and debug streams).</summary>
    public interface IActivityLog
    {
        void Verbose(string message);

        void Debug(string message);
    }
}
