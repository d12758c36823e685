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

        /// <summary>The usage over the last <paramref name="days"/> days (read once per connection); fails the host when the context holds none.</summary>
        public static OrganizationUsage Read(IReadHost host, GcContext context, int days)
        {
            var activity = DisplayText.Visible($"Reading the API usage of {context.OrganizationName} ({days} days)")!;
            host.Progress(new ProgressRecord(ProgressId, activity, "Starting the usage query"));
            try
            {
                return context.Directory.GetUsage(days, host.Operation, status => host.Progress(new ProgressRecord(ProgressId, activity, DisplayText.Visible(status))));
            }
            catch (UsageUnavailableException unavailable)
            {
                host.Fail(ErrorRecords.UsageUnavailable(unavailable, context));
                throw;
            }
            finally
            {
                host.Progress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
