using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthAudit.Engine.Operations;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The host of work running beside other work: messages queue under their lane in order, waits unwrap failures and give up on cancellation.</summary>
    public class QueuedHostTests
    {
        [Fact]
        public async Task Messages_of_several_lanes_arrive_in_the_order_each_lane_sent_them_tagged_with_their_lane()
        {
            using var queue = new HostQueue();
            var lanes = Enumerable.Range(0, 4).Select(lane => new QueuedHost(queue, lane, CancellationToken.None)).ToArray();

            await Task.WhenAll(lanes.Select(host => Task.Run(() =>
            {
                for (var index = 0; index < 200; index++)
                {
                    host.Verbose($"v{index}");
                }

                host.Debug("d");
                host.Warning("w");
                host.Progress("p");
            })));

            Assert.True(queue.Posted.WaitOne(0));
            var taken = new List<HostMessage>();
            while (queue.TryTake(out var message))
            {
                taken.Add(message);
            }

            Assert.Equal(4 * 203, taken.Count);
            foreach (var lane in Enumerable.Range(0, 4))
            {
                var own = taken.Where(message => message.Lane == lane).ToArray();
                Assert.Equal(Enumerable.Range(0, 200).Select(index => $"v{index}").Concat(new[] { "d", "w", "p" }), own.Select(message => message.Text));
                Assert.Equal(Enumerable.Repeat(HostMessageKind.Verbose, 200).Concat(new[] { HostMessageKind.Debug, HostMessageKind.Warning, HostMessageKind.Progress }), own.Select(message => message.Kind));
            }
        }

        [Fact]
        public void Wake_signals_without_a_message()
        {
            using var queue = new HostQueue();

            Assert.False(queue.Posted.WaitOne(0));
            queue.Wake();

            Assert.True(queue.Posted.WaitOne(0));
            Assert.False(queue.TryTake(out _));
        }

        [Fact]
        public async Task Wait_returns_the_result_and_rethrows_a_failure_unwrapped()
        {
            using var queue = new HostQueue();
            var host = new QueuedHost(queue, 0, CancellationToken.None);

            Assert.Equal(42, host.Wait(Task.Run(async () =>
            {
                await Task.Delay(20);
                return 42;
            })));
            var failure = Assert.Throws<InvalidOperationException>(() => host.Wait(Task.Run<int>(async () =>
            {
                await Task.Delay(20);
                throw new InvalidOperationException("the read failed");
            })));
            Assert.Equal("the read failed", failure.Message);
        }

        [Fact]
        public async Task Wait_gives_up_as_soon_as_the_work_is_cancelled_even_on_a_task_that_ignores_it()
        {
            using var queue = new HostQueue();
            using var cancellation = new CancellationTokenSource();
            var host = new QueuedHost(queue, 0, cancellation.Token);
            var never = new TaskCompletionSource<int>();

            var waiting = Task.Run(() => host.Wait(never.Task));
            await Task.Delay(50);
            Assert.False(waiting.IsCompleted);
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
    }
}
