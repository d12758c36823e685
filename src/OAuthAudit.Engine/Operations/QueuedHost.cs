using System;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthAudit.Engine.Operations
{
    /// <summary>
    /// The host of work that runs on its own thread beside other work (one organization of several audited at once):
    /// what it reports goes to a shared <see cref="HostQueue"/> under its lane, and it waits for its tasks by blocking
    /// its own thread, giving up at once when cancelled.
    /// </summary>
    public sealed class QueuedHost : IOperationHost
    {
        private readonly HostQueue _queue;
        private readonly CancellationToken _cancellation;

        public QueuedHost(HostQueue queue, int lane, CancellationToken cancellation)
        {
            _queue = queue ?? throw new ArgumentNullException(nameof(queue));
            Lane = lane;
            _cancellation = cancellation;
        }

        public int Lane { get; }

        public void Verbose(string message) => _queue.Add(new HostMessage(Lane, HostMessageKind.Verbose, message));

        public void Debug(string message) => _queue.Add(new HostMessage(Lane, HostMessageKind.Debug, message));

        public void Warning(string message) => _queue.Add(new HostMessage(Lane, HostMessageKind.Warning, message));

        public void Progress(string status) => _queue.Add(new HostMessage(Lane, HostMessageKind.Progress, status));

        /// <exception cref="OperationCanceledException">The work was cancelled before the task finished.</exception>
        public T Wait<T>(Task<T> task)
        {
            try
            {
                task.Wait(_cancellation);
            }
            catch (AggregateException)
            {
                // The task's own failure is rethrown below, unwrapped.
            }

            return task.GetAwaiter().GetResult();
        }
    }
}
