using System;

namespace OAuthAudit.Engine.Drift
{
    /// <summary>Two readings of different organizations were given to compare: their differences are no drift of either.</summary>
    public sealed class OrganizationMismatchException : Exception
    {
        public OrganizationMismatchException(string referenceId, string referenceName, string differenceId, string differenceName)
            : base($"The reference is organization '{referenceName}' ({referenceId}) and the difference is organization '{differenceName}' ({differenceId}); "
                + "a comparison shows how one organization changed, so both sides must be readings of the same organization.")
        {
            ReferenceId = referenceId;
            ReferenceName = referenceName;
            DifferenceId = differenceId;
            DifferenceName = differenceName;
        }

        public string ReferenceId { get; }

        public string ReferenceName { get; }

        public string DifferenceId { get; }

        public string DifferenceName { get; }
    }
}
