namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>How a generated baseline groups today's clients into rules.</summary>
    public enum BaselineGrouping
    {
        /// <summary>One rule per grant type and common name prefix (clients whose names share a first word); a client sharing none gets a rule by its name.</summary>
        Name,

        /// <summary>One rule per grant type.</summary>
        GrantType,

        /// <summary>One rule per client, matched by its id.</summary>
        Client,
    }
}
