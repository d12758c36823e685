using System;
using System.Threading.Tasks;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Waiting in tests for something the emulator or a runspace does on its own time.</summary>
    internal static class Eventually
    {
        /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="never"/> after 10 s.</summary>
        public static async Task WaitUntil(Func<bool> condition, string never = "timed out waiting")
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, never);
                await Task.Delay(20);
            }
        }
    }
}
