namespace OAuthAudit.Engine.Rules
{
    /// <summary>What a finding is about.</summary>
    public enum FindingKind
    {
        MissingScope,
        ImpliedScope,
        ExcessiveScope,
        ForbiddenScope,
        UnknownScope,
        TokenLifetime,
        InsecureRedirectUri,
        WildcardRedirectUri,
        LocalhostRedirectUri,
        DisallowedState,
        MissingRole,
        ForbiddenRole,
        ForbiddenPermission,
        DisallowedDivision,
        AllDivisionsGrant,
        PrivilegeEscalation,
        UnknownRole,
        UnknownDivision,
        NoRuleMatched,
        DeprecatedGrantType,
        SuspiciousText,
        WildcardPermission,
        IdleClient,
        NeverUsed,
        Throttled,
        SecretNotRotated,
        HistoryTooShort,
        RecentWidening,
    }
}
