using System;
using System.IO;
using System.Management.Automation;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// A snapshot or baseline that exists but cannot be read has its own ErrorId (…Unreadable), not …NotFound.
    /// The tests run as root, which reads any file, so they use two Linux files that refuse even root: a write-only
    /// sysctl (open fails: access denied) and /proc/self/mem (reading offset 0 fails: an I/O error).
    /// </summary>
    public sealed class UnreadableFileTests : IDisposable
    {
        private const string AccessDenied = "/proc/sys/vm/compact_memory";
        private const string ReadFails = "/proc/self/mem";

        private readonly PowerShellSession _shell = new PowerShellSession();

        public UnreadableFileTests()
        {
            _shell.Run("Connect-GcOrganization -SnapshotPath $snapshot | Out-Null", new() { ["snapshot"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();
        }

        public void Dispose() => _shell.Dispose();

        [Theory]
        [InlineData("Connect-GcOrganization -SnapshotPath $path", AccessDenied, "SnapshotUnreadable", ErrorCategory.PermissionDenied)]
        [InlineData("Connect-GcOrganization -SnapshotPath $path", ReadFails, "SnapshotUnreadable", ErrorCategory.ReadError)]
        [InlineData("Get-GcOAuthBaseline -Path $path", AccessDenied, "BaselineUnreadable", ErrorCategory.PermissionDenied)]
        [InlineData("Get-GcOAuthBaseline -Path $path", ReadFails, "BaselineUnreadable", ErrorCategory.ReadError)]
        [InlineData("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $path", AccessDenied, "BaselineUnreadable", ErrorCategory.PermissionDenied)]
        public void A_file_that_exists_but_cannot_be_read_is_Unreadable_not_NotFound(string script, string path, string errorId, ErrorCategory category)
        {
            Assert.True(File.Exists(path), $"{path} should exist on the Linux test machine");

            var result = _shell.Run(script, new() { ["path"] = path });

            Assert.Empty(result.Output);
            var error = result.AssertTerminating(errorId, category);
            Assert.Equal(path, error.TargetObject);
            Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
            Assert.Equal("Check that the file can be read by this account.", error.ErrorDetails!.RecommendedAction);
        }
    }
}
