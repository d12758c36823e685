using System;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>Two runs given to a merge are of one organization, and no rule said which one counts (or both finished at once).</summary>
    public sealed class DuplicateRunException : Exception
    {
        public DuplicateRunException(MergeInput first, MergeInput second, bool tie)
            : base(Describe(first, second, tie))
        {
            OrganizationId = first.Run.Organization.Id;
            FirstOrigin = first.Origin;
            SecondOrigin = second.Origin;
            IsTie = tie;
        }

        public string OrganizationId { get; }

        public string FirstOrigin { get; }

        public string SecondOrigin { get; }

        /// <summary>Both finished at the same time, so "the latest" names neither.</summary>
        public bool IsTie { get; }

        private static string Describe(MergeInput first, MergeInput second, bool tie) => DisplayText.Visible(tie
            ? $"{first.Origin} and {second.Origin} are both runs of organization {first.Run.Organization}, and both finished at {first.Run.FinishedAt}, so neither is the latest. Nothing was merged."
            : $"{first.Origin} (finished {first.Run.FinishedAt}) and {second.Origin} (finished {second.Run.FinishedAt}) are both runs of organization {first.Run.Organization}; merging both would count it twice. Nothing was merged.")!;
    }
}
