using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>An API error's advice is said once, in RecommendedAction; the message states what happened.</summary>
    public class ErrorAdviceTests
    {
        private const string ClientsPath = "/api/v2/oauth/clients";

        [Fact]
        public async Task A_rate_limited_error_gives_its_advice_once()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 429, times: 10) { RetryAfter = TimeSpan.FromSeconds(1) });

            var result = org.Run(LiveOrganization.Connect.Replace("-MaxRetryWait 0.2", "-MaxRetryWait 0.1 -MaxRetryCount 1") + " | Out-Null; Get-GcOAuthClient");

            var error = result.AssertTerminating("RateLimited", ErrorCategory.LimitsExceeded);
            Assert.Contains("2 tries over", error.ToString());
            Assert.DoesNotContain("-MaxRetryCount", error.ToString());
            Assert.Contains("-MaxRetryCount", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public async Task A_missing_permission_names_the_permission_in_the_message_and_the_action()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Faults.Enqueue(new Fault(ClientsPath, 403, times: 10));

            var result = org.Run(LiveOrganization.Connect + " | Out-Null; Get-GcOAuthClient");

            var error = result.AssertTerminating("MissingPermission", ErrorCategory.PermissionDenied);
            Assert.DoesNotContain("connect again", error.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("then connect again", error.ErrorDetails.RecommendedAction);
            Assert.Equal(1, CountOf("Admin > Roles/Permissions", error.ToString() + "\n" + error.ErrorDetails.RecommendedAction));
        }

        private static int CountOf(string part, string text) =>
            Enumerable.Range(0, Math.Max(0, text.Length - part.Length + 1)).Count(at => string.CompareOrdinal(text, at, part, 0, part.Length) == 0);
    }
}
