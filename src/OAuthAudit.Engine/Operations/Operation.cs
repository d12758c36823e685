using System.Threading;
using System.Threading.Tasks;

namespace OAuthAudit.Engine.Operations
{
    /// <summary>What one caller's work runs under: its host (streams, waiting) and its cancellation (Ctrl+C).</summary>
    public sealed class Operation
    {
        private sealed class QuietHost : IOperationHost
        {
            public void Verbose(string message)
            {
            }

            public void Debug(string message)
            {
            }

            public T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
        }

        public Operation(IOperationHost host, CancellationToken cancellation)
        {
            Host = host;
            Cancellation = cancellation;
        }

        public static Operation Quiet { get; } = new Operation(new QuietHost(), CancellationToken.None);

        public IOperationHost Host { get; }

        public CancellationToken Cancellation { get; }

        public T Wait<T>(Task<T> task) => Host.Wait(task);
    }
}
