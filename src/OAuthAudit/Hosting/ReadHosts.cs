using System;
using OAuthAudit.Engine.Api;
using OAuthAudit.Errors;

namespace OAuthAudit.Hosting
{
    internal static class ReadHosts
    {
        /// <summary>Runs engine work; an API failure or a closed connection fails the host with an ErrorRecord that says what to do.</summary>
        public static void Run(this IReadHost host, Action work, object? target)
        {
            try
            {
                work();
            }
            catch (GenesysApiException failure)
            {
                host.Fail(ErrorRecords.FromApi(failure, target));
            }
            catch (ConnectionClosedException closed)
            {
                host.Fail(ErrorRecords.ConnectionClosed(host.CommandName, closed, target));
            }
        }
    }
}
