namespace OAuthAudit.Engine.Operations
{
    /// <summary>One message that work on another thread reported, tagged with the lane (the piece of work) it came from.</summary>
    public sealed class HostMessage
    {
        public HostMessage(int lane, HostMessageKind kind, string text)
        {
            Lane = lane;
            Kind = kind;
            Text = text;
        }

        public int Lane { get; }

        public HostMessageKind Kind { get; }

        public string Text { get; }
    }
}
