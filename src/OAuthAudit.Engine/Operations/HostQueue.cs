using System;
using System.Collections.Concurrent;
using System.Threading;

namespace OAuthAudit.Engine.Operations
{
    /// <summary>
    /// The messages of several pieces of work running at once, in the order they were reported, for the one thread
    /// that may write the caller's streams: it waits on <see cref="Posted"/> and takes what is there.
    /// </summary>
    public sealed class HostQueue : IDisposable
    {
        private readonly ConcurrentQueue<HostMessage> _messages = new ConcurrentQueue<HostMessage>();
        private readonly AutoResetEvent _posted = new AutoResetEvent(false);

        /// <summary>Set when a message was added or <see cref="Wake"/> was called since the last wait.</summary>
        public WaitHandle Posted => _posted;

        public void Add(HostMessage message)
        {
            _messages.Enqueue(message ?? throw new ArgumentNullException(nameof(message)));
            _posted.Set();
        }

        /// <summary>Wakes the waiting thread without a message (a piece of work has finished).</summary>
        public void Wake() => _posted.Set();

        public bool TryTake(out HostMessage message) => _messages.TryDequeue(out message!);

        public void Dispose() => _posted.Dispose();
    }
}
