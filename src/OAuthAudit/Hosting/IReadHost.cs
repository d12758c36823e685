using System.Management.Automation;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// What a read of organization data for a cmdlet reports to and how it fails: the cmdlet itself on its pipeline
    /// thread (every <see cref="Commands.GcCmdlet"/>), or one organization of several audited at once
    /// (<see cref="OrganizationLane"/>), whose failure ends that organization's audit alone.
    /// </summary>
    internal interface IReadHost
    {
        Operation Operation { get; }

        string CommandName { get; }

        /// <summary>Callable from any thread.</summary>
        void Warn(string text);

        /// <summary>Callable from any thread; a new record per call, since a host may keep the records it was given.</summary>
        void Progress(ProgressRecord record);

        /// <summary>Ends the read with this error: a terminating error of the cmdlet, or an Error run of the organization. Never returns.</summary>
        void Fail(ErrorRecord record);
    }
}
