namespace OAuthAudit.Engine.Snapshots
{
    /// <summary>The listings a snapshot holds besides the organization, in the order they are read and written.</summary>
    internal enum SnapshotPart
    {
        Scopes,
        Clients,
        Roles,
        Divisions,
        Permissions,
    }
}
