using OAuthAudit.Engine.Text;

namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>Something a reviewer of a generated rule should tighten: a finding the rule leaves out because a client has it today.</summary>
    public sealed class ReviewNote
    {
        internal ReviewNote(string ruleId, string text)
        {
            RuleId = ruleId;
            Text = text;
        }

        public string RuleId { get; }

        /// <summary>What was found and which demand is therefore not set, naming the client (raw text; ToString() makes it visible).</summary>
        public string Text { get; }

        public override string ToString() => DisplayText.Visible($"{RuleId}: {Text}")!;
    }
}
