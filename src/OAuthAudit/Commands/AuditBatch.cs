using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Engine.Text;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// Audits several organizations at once for Invoke-GcOAuthAudit, at most a throttle limit at a time, each on a
    /// thread of its own with its own connection (and so its own rate limit). PowerShell lets a cmdlet write only on
    /// the pipeline thread, so that thread waits here: it writes what the organizations report (verbose lines
    /// prefixed with the organization's name, one progress record for the batch and a child per organization in
    /// flight), each organization's errors and reports as it finishes, and the runs in the order of the contexts.
    /// Ctrl+C cancels every organization at once and returns when all have stopped.
    /// </summary>
    internal sealed class AuditBatch
    {
        public const int DefaultThrottleLimit = 4;
        public const int MaxThrottleLimit = 64;

        private const int BatchProgressId = 1;
        private const int FirstOrganizationProgressId = 10;

        private readonly GcCmdlet _cmdlet;
        private readonly BaselineAudit _audit;
        private readonly IReadOnlyList<GcContext> _contexts;
        private readonly int _throttleLimit;
        private readonly string _activity;
        private readonly Task<OrganizationAuditResult>?[] _tasks;
        private readonly OrganizationAuditResult?[] _results;
        private int _finished;

        public AuditBatch(GcCmdlet cmdlet, BaselineAudit audit, IReadOnlyList<GcContext> contexts, int throttleLimit)
        {
            _cmdlet = cmdlet;
            _audit = audit;
            _contexts = contexts;
            _throttleLimit = Math.Max(1, throttleLimit);
            _activity = DisplayText.Visible($"Auditing {contexts.Count} organization(s) against baseline '{audit.Baseline.Name}', {_throttleLimit} at a time")!;
            _tasks = new Task<OrganizationAuditResult>?[contexts.Count];
            _results = new OrganizationAuditResult?[contexts.Count];
        }

        /// <summary>Runs every organization; <paramref name="finished"/> (its index and run: reports) as each one ends, <paramref name="output"/> for each run in the order of the contexts.</summary>
        /// <exception cref="PipelineStoppedException">Ctrl+C: every organization was stopped.</exception>
        public void Run(Action<int, AuditRun> finished, Action<AuditRun> output)
        {
            var stopping = _cmdlet.Operation.Cancellation;
            using var queue = new HostQueue();
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var commandName = _cmdlet.MyInvocation.MyCommand.Name;
            var lanes = _contexts.Select((context, index) => new OrganizationLane(context, index, commandName, queue, cancel.Token)).ToArray();
            var started = 0;
            var written = 0;
            try
            {
                WriteBatchProgress();
                while (written < _contexts.Count)
                {
                    while (started < _contexts.Count && started - _finished < _throttleLimit)
                    {
                        Start(lanes[started], queue);
                        WriteStatus(lanes[started], "Starting");
                        started++;
                    }

                    WaitHandle.WaitAny(new[] { queue.Posted, cancel.Token.WaitHandle }, 250);

                    // Everything a finished organization reported was queued before it finished: write that first.
                    var done = Enumerable.Range(0, started).Where(index => _results[index] == null && _tasks[index]!.IsCompleted).ToArray();
                    Pump(queue, lanes);
                    if (stopping.IsCancellationRequested)
                    {
                        break;
                    }

                    foreach (var index in done)
                    {
                        Finish(lanes[index], cancel, finished);
                    }

                    for (; written < _contexts.Count && _results[written] != null; written++)
                    {
                        output(_results[written]!.Run);
                    }
                }
            }
            finally
            {
                cancel.Cancel();
                WaitForAll();
            }

            if (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            _cmdlet.WriteProgress(new ProgressRecord(BatchProgressId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void Start(OrganizationLane lane, HostQueue queue)
        {
            _tasks[lane.Lane] = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        return OrganizationAudit.Run(lane, _audit);
                    }
                    finally
                    {
                        queue.Wake();
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        /// <summary>An organization that ended: its errors, its progress completed, its reports. A failure that is not an organization's (a defect) stops the batch.</summary>
        private void Finish(OrganizationLane lane, CancellationTokenSource cancel, Action<int, AuditRun> finished)
        {
            var task = _tasks[lane.Lane]!;
            if (task.IsFaulted || task.IsCanceled)
            {
                cancel.Cancel();
                WaitForAll();
                var failure = task.Exception?.InnerException;
                if (failure == null || (failure is OperationCanceledException && _cmdlet.Stopping))
                {
                    throw new PipelineStoppedException();
                }

                ExceptionDispatchInfo.Capture(failure).Throw();
            }

            var result = task.Result;
            _cmdlet.WriteProgress(new ProgressRecord(FirstOrganizationProgressId + lane.Lane, ActivityOf(lane), "Done")
            {
                ParentActivityId = BatchProgressId,
                RecordType = ProgressRecordType.Completed,
            });
            foreach (var error in result.Errors)
            {
                _cmdlet.WriteError(error);
            }

            _finished++;
            finished(lane.Lane, result.Run);
            _results[lane.Lane] = result;
            WriteBatchProgress();
        }

        private void Pump(HostQueue queue, OrganizationLane[] lanes)
        {
            while (queue.TryTake(out var message))
            {
                var name = lanes[message.Lane].Context.OrganizationName;
                switch (message.Kind)
                {
                    case HostMessageKind.Verbose:
                        _cmdlet.WriteVerbose($"{name}: {message.Text}");
                        break;
                    case HostMessageKind.Debug:
                        _cmdlet.WriteDebug(DisplayText.Visible($"{name}: {message.Text}"));
                        break;
                    case HostMessageKind.Warning:
                        _cmdlet.WriteWarning($"{name}: {message.Text}");
                        break;
                    case HostMessageKind.Progress:
                        WriteStatus(lanes[message.Lane], message.Text);
                        break;
                }
            }
        }

        /// <summary>Every status an organization reports is written (each stage shows; the lanes report every 25 clients at most).</summary>
        private void WriteStatus(OrganizationLane lane, string status) =>
            _cmdlet.WriteProgress(new ProgressRecord(FirstOrganizationProgressId + lane.Lane, ActivityOf(lane), DisplayText.Visible(status))
            {
                ParentActivityId = BatchProgressId,
            });

        private void WriteBatchProgress() =>
            _cmdlet.WriteProgress(new ProgressRecord(BatchProgressId, _activity, $"{_finished} of {_contexts.Count} organization(s) audited")
            {
                PercentComplete = _finished * 100 / _contexts.Count,
            });

        private static string ActivityOf(OrganizationLane lane) => DisplayText.Visible($"Auditing {lane.Context.OrganizationName}")!;

        /// <summary>Waits for every organization started to end (they observe the cancellation at once); their failures were or will be reported.</summary>
        private void WaitForAll()
        {
            foreach (var task in _tasks.Where(task => task != null))
            {
                try
                {
                    task!.Wait();
                }
                catch (AggregateException)
                {
                }
            }
        }
    }
}
