namespace OAuthAudit.Engine.Drift
{
    /// <summary>How much a change deserves a reviewer's attention (DriftRisk decides it); comparisons follow the order (Info lowest).</summary>
    public enum ChangeRisk
    {
        Info = 0,
        Low = 1,
        Medium = 2,
        High = 3,
    }
}
