namespace OAuthAudit.Engine.Rules
{
    /// <summary>How much a finding matters, from a fixed set; comparisons follow the order (Info lowest).</summary>
    public enum Severity
    {
        Info = 0,
        Low = 1,
        Medium = 2,
        High = 3,
        Critical = 4,
    }
}
