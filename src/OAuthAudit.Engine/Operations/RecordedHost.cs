using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace OAuthAudit.Engine.Operations
{
    /// <summary>
    /// The host of a read no command is waiting for yet (a connection's background read): it keeps what the read
    /// reports, and the first command that takes the result replays it on its own streams, so -Verbose still
    /// shows every request a command's answer rests on.
    /// </summary>
    internal sealed class RecordedHost : IOperationHost
    {
        private readonly ConcurrentQueue<HostMessage> _messages = new ConcurrentQueue<HostMessage>();

        public void Verbose(string message) => _messages.Enqueue(new HostMessage(0, HostMessageKind.Verbose, message));

        public void Debug(string message) => _messages.Enqueue(new HostMessage(0, HostMessageKind.Debug, message));

        public T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

        /// <summary>Writes what was kept to <paramref name="host"/>, once: a second call writes nothing.</summary>
        public void ReplayTo(IOperationHost host)
        {
            while (_messages.TryDequeue(out var message))
            {
                if (message.Kind == HostMessageKind.Debug)
                {
                    host.Debug(message.Text);
                }
                else
                {
                    host.Verbose(message.Text);
                }
            }
        }
    }
}
