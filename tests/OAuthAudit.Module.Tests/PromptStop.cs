using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Ctrl+C on a running command: Stop returns promptly and the pipeline ends Stopped.</summary>
    internal static class PromptStop
    {
        /// <summary>
        /// Starts <paramref name="script"/> in <paramref name="runspace"/>, waits for <paramref name="ready"/>, stops it and
        /// asserts that Stop returned within <paramref name="within"/> and the pipeline ended Stopped; the caller disposes the shell.
        /// </summary>
        public static async Task<PowerShell> AfterAsync(Runspace runspace, string script, Func<Task> ready, TimeSpan within)
        {
            var shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);

            var running = shell.BeginInvoke();
            await ready();
            var clock = Stopwatch.StartNew();
            shell.Stop();
            clock.Stop();

            Assert.True(clock.Elapsed < within, $"Stop took {clock.Elapsed}");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.True(running.IsCompleted);
            return shell;
        }
    }
}
