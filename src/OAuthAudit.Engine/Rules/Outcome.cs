namespace OAuthAudit.Engine.Rules
{
    /// <summary>The verdict on one client.</summary>
    public enum Outcome
    {
        /// <summary>Rules applied and nothing above Info is outstanding (waived findings stay listed).</summary>
        Pass,

        /// <summary>At least one outstanding finding of severity Medium or higher.</summary>
        Fail,

        /// <summary>Outstanding findings of severity Low, none higher.</summary>
        Warning,

        /// <summary>No rule of the baseline applies to this client.</summary>
        NotApplicable,
    }
}
