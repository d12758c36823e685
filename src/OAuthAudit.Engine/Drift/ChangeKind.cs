namespace OAuthAudit.Engine.Drift
{
    /// <summary>
    /// What changed about one OAuth client between two readings of its organization. The order is the order changes
    /// of one client are listed in: the client itself, its own settings, then what changed under it in the registries,
    /// then (with a baseline) the findings.
    /// </summary>
    public enum ChangeKind
    {
        ClientAdded,
        ClientRemoved,
        ClientRenamed,
        DescriptionChanged,
        GrantTypeChanged,
        StateChanged,
        TokenLifetimeChanged,
        ScopeAdded,
        ScopeRemoved,
        RedirectUriAdded,
        RedirectUriRemoved,
        RoleGrantAdded,
        RoleGrantRemoved,

        /// <summary>A scope the client holds on both sides entered the organization's scope registry.</summary>
        ScopeJoinedRegistry,

        /// <summary>A scope the client holds on both sides is no longer in the scope registry.</summary>
        ScopeLeftRegistry,

        /// <summary>A role the client holds on both sides was renamed.</summary>
        RoleRenamed,

        /// <summary>A role the client holds on both sides gained or lost permissions (or was deleted: it lost them all).</summary>
        RolePermissionsChanged,

        /// <summary>A division the client holds a grant in on both sides was renamed.</summary>
        DivisionRenamed,

        /// <summary>A division the client still holds a grant in is no longer one of the organization's divisions.</summary>
        DivisionRemoved,

        /// <summary>A baseline finding about the client that the reference side did not have.</summary>
        FindingAppeared,

        /// <summary>A baseline finding about the client that the difference side no longer has.</summary>
        FindingResolved,
    }
}
