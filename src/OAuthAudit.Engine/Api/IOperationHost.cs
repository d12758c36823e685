using System.Threading.Tasks;

namespace OAuthAudit.Engine.Api
{
    /// <summary>
    /// The caller the engine works for. PowerShell lets a cmdlet write to its streams only from the pipeline
    /// thread, so the engine hands every task it must wait for to the host, which waits on that thread.
    /// </summary>
    public interface IOperationHost : IActivityLog
    {
        T Wait<T>(Task<T> task);
    }
}
