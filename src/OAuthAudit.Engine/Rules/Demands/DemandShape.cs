namespace OAuthAudit.Engine.Rules
{
    /// <summary>How a demand's value is written in a baseline.</summary>
    public enum DemandShape
    {
        /// <summary>A list (or a single string) of names or patterns.</summary>
        List,

        /// <summary>"true" demands it; "false" or no key demands nothing.</summary>
        Flag,

        /// <summary>A whole number.</summary>
        WholeNumber,

        /// <summary>A mapping of its own keys.</summary>
        Mapping,

        /// <summary>A list of mappings.</summary>
        MappingList,
    }
}
