using System.Management.Automation;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    internal static class ErrorAssertions
    {
        /// <summary>The run stopped with a terminating error carrying this ErrorId and category; returns its record.</summary>
        public static ErrorRecord AssertTerminating(this ScriptResult result, string errorId, ErrorCategory category)
        {
            var record = Assert.IsType<ErrorRecord>(result.Terminating);
            Assert.StartsWith(errorId + ",", record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.False(string.IsNullOrWhiteSpace(record.ErrorDetails?.RecommendedAction), "every error says what to do");
            Assert.DoesNotContain("   at ", record.ToString());
            return record;
        }
    }
}
