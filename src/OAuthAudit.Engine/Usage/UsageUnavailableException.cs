using System;

namespace OAuthAudit.Engine.Usage
{
    /// <summary>The context's source has no usage data: a snapshot records clients, not the API's usage of them.</summary>
    public sealed class UsageUnavailableException : Exception
    {
        public UsageUnavailableException(string organizationName)
            : base($"Usage needs a live connection: the snapshot of {organizationName} holds the clients, not their API usage.")
        {
        }
    }
}
