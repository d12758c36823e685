using System;
using System.Management.Automation;

namespace OAuthAudit.Hosting
{
    /// <summary>One organization of a concurrent audit could not be audited: its run becomes an Error run with this record.</summary>
    internal sealed class OrganizationFailedException : Exception
    {
        public OrganizationFailedException(ErrorRecord record)
            : base(record.Exception.Message, record.Exception)
        {
            Record = record;
        }

        public ErrorRecord Record { get; }
    }
}
