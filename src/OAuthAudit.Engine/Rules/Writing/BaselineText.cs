namespace OAuthAudit.Engine.Rules.Writing
{
    /// <summary>A baseline written as YAML: the text and how many YAML nodes it holds (the reader refuses more than BaselineLoader.MaximumNodes).</summary>
    public sealed class BaselineText
    {
        internal BaselineText(string text, int nodes)
        {
            Text = text;
            Nodes = nodes;
        }

        public string Text { get; }

        public int Nodes { get; }

        public override string ToString() => $"{Text.Length} characters, {Nodes} YAML nodes";
    }
}
