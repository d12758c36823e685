using System.Threading.Tasks;

namespace OAuthAudit.Engine.Operations
{
    /// <summary>
    /// The caller the engine works for: where it reports what it is doing (the cmdlets route this to the verbose
    /// and debug streams) and who waits for its tasks. PowerShell lets a cmdlet write to its streams only from the
    /// pipeline thread, so the engine hands every task it must wait for to the host, which waits on that thread.
    /// </summary>
    public interface IOperationHost
    {
        void Verbose(string message);

        void Debug(string message);

        T Wait<T>(Task<T> task);
    }
}
