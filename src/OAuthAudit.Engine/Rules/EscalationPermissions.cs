using System.Collections.Generic;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>The permissions that let a holder widen its own or anyone's access, and why.</summary>
    public static class EscalationPermissions
    {
        public static IReadOnlyList<(PermissionPattern Permission, string Why)> All { get; } = new[]
        {
            (new PermissionPattern("oauth:client:add"), "can create an OAuth client and give it roles"),
            (new PermissionPattern("oauth:client:edit"), "can add roles and scopes to any OAuth client, itself included"),
            (new PermissionPattern("authorization:role:add"), "can create a role with any permission"),
            (new PermissionPattern("authorization:role:edit"), "can add permissions to any role, its own included"),
            (new PermissionPattern("authorization:grant:add"), "can grant any role to users and OAuth clients"),
        };
    }
}
