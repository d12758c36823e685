using System;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>
    /// A value read once and kept. A read may be started ahead, before anyone asks (a connection's background
    /// reads): a caller then waits for it under its own cancellation; if it failed, it is dropped and the caller
    /// reads again itself, so the error a caller sees is always that of its own read.
    /// </summary>
    internal sealed class AsyncOnce<T>
        where T : class
    {
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private T? _value;
        private Task<T>? _ahead;

        /// <summary>The value if it was fetched already; null otherwise (never starts a fetch).</summary>
        public T? Value
        {
            get
            {
                var ahead = Volatile.Read(ref _ahead);
                return Volatile.Read(ref _value) ?? (ahead != null && ahead.Status == TaskStatus.RanToCompletion ? ahead.Result : null);
            }
        }

        /// <summary>Starts <paramref name="fetch"/> now, on the thread pool; its failure is never seen by anyone.</summary>
        public void StartAhead(Func<Task<T>> fetch)
        {
            Volatile.Write(ref _ahead, RunAhead(fetch));
        }

        /// <summary>Starts <paramref name="fetch"/> ahead unless the value is known or a read of it is under way already (ahead, or a caller's own).</summary>
        public void StartAheadIfIdle(Func<Task<T>> fetch)
        {
            if (Volatile.Read(ref _value) != null || Volatile.Read(ref _ahead) != null || !_gate.Wait(0))
            {
                return;
            }

            try
            {
                if (_value == null && Volatile.Read(ref _ahead) == null)
                {
                    StartAhead(fetch);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <param name="taken">Called once, for the first caller given the result of the read started ahead (to say what was read, as the fetch itself says it).</param>
        public async Task<T> GetAsync(Func<Task<T>> fetch, CancellationToken cancellation, Action<T>? taken = null)
        {
            var value = Volatile.Read(ref _value);
            if (value != null)
            {
                return value;
            }

            var ahead = Volatile.Read(ref _ahead);
            if (ahead != null)
            {
                try
                {
                    var result = await WaitAsync(ahead, cancellation).ConfigureAwait(false);
                    if (Interlocked.CompareExchange(ref _value, result, null) == null)
                    {
                        taken?.Invoke(result);
                    }

                    return Volatile.Read(ref _value)!;
                }
                catch (Exception) when (!cancellation.IsCancellationRequested)
                {
                    _ = Interlocked.CompareExchange(ref _ahead, null, ahead);
                }
            }

            await _gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                var late = Volatile.Read(ref _ahead);
                if (_value == null && late != null && late != ahead)
                {
                    // Started ahead while this caller waited for the gate: wait for it rather than read twice.
                    try
                    {
                        var result = await WaitAsync(late, cancellation).ConfigureAwait(false);
                        if (Interlocked.CompareExchange(ref _value, result, null) == null)
                        {
                            taken?.Invoke(result);
                        }
                    }
                    catch (Exception) when (!cancellation.IsCancellationRequested)
                    {
                        _ = Interlocked.CompareExchange(ref _ahead, null, late);
                    }
                }

                return _value ??= await fetch().ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Runs <paramref name="fetch"/> on the thread pool with its failure observed (a read nobody waits for never raises an unobserved-task exception).</summary>
        internal static Task<T> RunAhead(Func<Task<T>> fetch) => Observed(Task.Run(fetch));

        /// <summary>The task, its failure observed: a task that may end with nobody waiting never raises an unobserved-task exception.</summary>
        internal static Task<T> Observed(Task<T> task)
        {
            task.ContinueWith(failed => _ = failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }

        /// <summary>The task's result, or OperationCanceledException as soon as the caller cancels (the task goes on).</summary>
        internal static async Task<T> WaitAsync(Task<T> task, CancellationToken cancellation)
        {
            if (!task.IsCompleted && cancellation.CanBeCanceled)
            {
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellation.Register(() => cancelled.TrySetResult(true)))
                {
                    if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                    {
                        throw new OperationCanceledException(cancellation);
                    }
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
