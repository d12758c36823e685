using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules.Writing;

namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>A baseline generated from today's clients: its text, the baseline read back from that text, and what a reviewer should know.</summary>
    public sealed class GeneratedBaseline
    {
        internal GeneratedBaseline(BaselineText text, Baseline baseline, int clients, ValueList<ReviewNote> reviewNotes, ValueList<ClientAuditResult> stillFlagged)
        {
            Text = text;
            Baseline = baseline;
            Clients = clients;
            ReviewNotes = reviewNotes;
            StillFlagged = stillFlagged;
        }

        public BaselineText Text { get; }

        /// <summary>The baseline as the reader reads the text back (the text, not the rules built in memory).</summary>
        public Baseline Baseline { get; }

        /// <summary>How many clients the rules were generated from.</summary>
        public int Clients { get; }

        /// <summary>What a reviewer should tighten first, one note per finding the generated rules do not make (also written as comments above each rule).</summary>
        public ValueList<ReviewNote> ReviewNotes { get; }

        /// <summary>Clients that fail or warn against the baseline read back (none unless a generated demand is wrong); each with its findings.</summary>
        public ValueList<ClientAuditResult> StillFlagged { get; }
    }
}
