using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// Lets the engine's background work reach the cmdlet's streams. PowerShell accepts WriteVerbose and the
    /// like only on the pipeline thread, so messages from other threads queue here and are written while
    /// the pipeline thread waits for the work to finish.
    /// </summary>
    internal sealed class CmdletHost : IOperationHost
    {
        private readonly Cmdlet _cmdlet;
        private readonly CancellationToken _stopping;
        private readonly int _pipelineThreadId = Thread.CurrentThread.ManagedThreadId;
        private readonly ConcurrentQueue<Action> _pending = new ConcurrentQueue<Action>();
        private readonly SemaphoreSlim _posted = new SemaphoreSlim(0);

        public CmdletHost(Cmdlet cmdlet, CancellationToken stopping)
        {
            _cmdlet = cmdlet;
            _stopping = stopping;
        }

        public void Verbose(string message) => Post(() => _cmdlet.WriteVerbose(DisplayText.Visible(message)!));

        public void Debug(string message) => Post(() => _cmdlet.WriteDebug(DisplayText.Visible(message)!));

        public T Wait<T>(Task<T> task)
        {
            var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, _posted.AvailableWaitHandle };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles);
                WritePending();
            }

            WritePending();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Runs a write on the pipeline thread: at once when called there, else when the thread next waits for the work.</summary>
        internal void Post(Action write)
        {
            if (Thread.CurrentThread.ManagedThreadId == _pipelineThreadId)
            {
                write();
                return;
            }

            _pending.Enqueue(write);
            _posted.Release();
        }

        private void WritePending()
        {
            while (_posted.Wait(0))
            {
            }

            while (_pending.TryDequeue(out var write))
            {
                write();
            }
        }
    }
}
