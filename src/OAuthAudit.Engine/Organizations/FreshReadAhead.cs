using System;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// A read started before anyone asks (a connection's read of the client listing), given whole to the first caller
    /// that takes it while it is fresh: started no more than <see cref="Window"/> before. A second caller, or one that
    /// comes later, reads afresh; when the window passes untaken the read is cancelled and dropped, so nothing is held
    /// for the session. The taker waits under its own cancellation, is told what the read said, and gets its outcome
    /// as its own: a failure is the taker's failure; only a read cancelled or closed underneath is read anew.
    /// </summary>
    internal sealed class FreshReadAhead<T>
        where T : class
    {
        private readonly TimeSpan _window;
        private readonly Func<DateTime> _clock;
        private Started? _held;

        public FreshReadAhead(TimeSpan window, Func<DateTime> clock)
        {
            _window = window;
            _clock = clock;
        }

        public TimeSpan Window => _window;

        /// <summary>True while a read is held for a taker (for tests: released after the window).</summary>
        internal bool IsHeld => Volatile.Read(ref _held) != null;

        /// <summary>Starts <paramref name="read"/> on the thread pool, under <paramref name="lifetime"/> and its own cancellation; what it says is kept for the taker.</summary>
        public void Start(Func<Operation, Task<T>> read, CancellationToken lifetime)
        {
            var started = new Started(_clock(), lifetime);
            started.Run(read);
            Interlocked.Exchange(ref _held, started)?.Cancel();
            started.ReleaseAfter(_window, () =>
            {
                if (Interlocked.CompareExchange(ref _held, null, started) == started)
                {
                    started.Cancel();
                }
            });
        }

        /// <summary>Cancels and drops the read held, if any (the connection is closed).</summary>
        public void Drop() => Interlocked.Exchange(ref _held, null)?.Cancel();

        /// <summary>
        /// The read started ahead, if it is fresh: waited for under <paramref name="operation"/>'s cancellation, its
        /// messages written to the operation's host. Null when there is none to take (never started, already taken,
        /// stale, or cancelled or closed underneath): then the caller reads itself.
        /// </summary>
        /// <param name="readAt">When the read was started (its first request), for a taken read.</param>
        /// <exception cref="OperationCanceledException">The caller cancelled; the read is cancelled too (no one else can take it).</exception>
        public async Task<T?> TakeAsync(Operation operation, Action<DateTime>? readAt = null)
        {
            var started = Interlocked.Exchange(ref _held, null);
            if (started == null)
            {
                return null;
            }

            started.StopTimer();
            if (_clock() - started.At > _window)
            {
                started.Cancel();
                return null;
            }

            try
            {
                var value = await AsyncOnce<T>.WaitAsync(started.Task!, operation.Cancellation).ConfigureAwait(false);
                started.Messages.ReplayTo(operation.Host);
                readAt?.Invoke(started.At);
                return value;
            }
            catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
            {
                started.Cancel();
                throw;
            }
            catch (Exception underneath) when (underneath is OperationCanceledException || underneath is ConnectionClosedException)
            {
                return null;
            }
            catch
            {
                started.Messages.ReplayTo(operation.Host);
                throw;
            }
        }

        private sealed class Started
        {
            private readonly CancellationTokenSource _cancel;
            private Timer? _timer;

            public Started(DateTime at, CancellationToken lifetime)
            {
                At = at;
                _cancel = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
            }

            public DateTime At { get; }

            public RecordedHost Messages { get; } = new RecordedHost();

            public Task<T>? Task { get; private set; }

            public void Run(Func<Operation, Task<T>> read)
            {
                var operation = new Operation(Messages, _cancel.Token);
                Task = AsyncOnce<T>.RunAhead(() => read(operation));
            }

            public void ReleaseAfter(TimeSpan window, Action release)
            {
                var timer = new Timer(_ => release(), null, Timeout.Infinite, Timeout.Infinite);
                Volatile.Write(ref _timer, timer);
                timer.Change(window, Timeout.InfiniteTimeSpan);
            }

            public void StopTimer() => Interlocked.Exchange(ref _timer, null)?.Dispose();

            public void Cancel()
            {
                StopTimer();
                try
                {
                    _cancel.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The connection's lifetime source was disposed with it: the read is over already.
                }
            }
        }
    }
}
