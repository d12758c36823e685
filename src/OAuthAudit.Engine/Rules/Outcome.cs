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

        /// <summary>The client could not be judged (e.g. its roles could not be read): neither a pass nor a fail; the run's errors say why.</summary>
        Error,

        /// <summary>A rule that applies needs data the run did not load, so the client was not judged: neither a pass nor a fail.</summary>
        Skipped,
    }
}
