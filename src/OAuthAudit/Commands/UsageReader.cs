using System.Management.Automation;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Text;
using OAuthAudit.Engine.Usage;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    /// <summary>Reads a context's usage for a cmdlet: Write-Progress while the query jobs run, and a snapshot's lack of usage as its ErrorRecord.</summary>
    internal static class UsageReader
    {
        private const int ProgressId = 3;

        /// <summary>The usage over the last <paramref name="days"/> days (read once per connection); stops the command when the context holds none.</summary>
        public static OrganizationUsage Read(GcCmdlet cmdlet, GcContext context, int days)
        {
            var progress = new ProgressRecord(ProgressId, DisplayText.Visible($"Reading the API usage of {context.OrganizationName} ({days} days)"), "Starting the usage query");
            var host = (CmdletHost)cmdlet.Operation.Host;
            void Report(string status) => host.Post(() =>
            {
                progress.StatusDescription = status;
                cmdlet.WriteProgress(progress);
            });

            try
            {
                return context.Directory.GetUsage(days, cmdlet.Operation, Report);
            }
            catch (UsageUnavailableException unavailable)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.UsageUnavailable(unavailable, context));
                throw;
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                cmdlet.WriteProgress(progress);
            }
        }
    }
}
