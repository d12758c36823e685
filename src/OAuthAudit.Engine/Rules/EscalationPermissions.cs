using System.Collections.Generic;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// The permissions that let a holder widen its own or anyone's access, and why: the one table of them.
    /// Each entry is what the API documents the permission for ("Requires ANY permissions" in the official SDKs'
    /// API docs). oauth:client:authorize is not here: the API documents it only for reading the clients a user
    /// has authorized (GET /api/v2/oauth/authorizations), which changes nobody's access.
    /// </summary>
    public static class EscalationPermissions
    {
        public static IReadOnlyList<(PermissionPattern Permission, string Why)> All { get; } = new[]
        {
            // POST /api/v2/oauth/clients
            (new PermissionPattern("oauth:client:add"), "can create an OAuth client and give it roles"),

            // PUT /api/v2/oauth/clients/{clientId}, POST /api/v2/oauth/clients/{clientId}/secret
            (new PermissionPattern("oauth:client:edit"), "can add roles and scopes to any OAuth client, itself included"),

            // POST /api/v2/authorization/roles
            (new PermissionPattern("authorization:role:add"), "can create a role with any permission"),

            // PUT /api/v2/authorization/roles/{roleId}
            (new PermissionPattern("authorization:role:edit"), "can add permissions to any role, its own included"),

            // POST /api/v2/authorization/subjects/{subjectId}/bulkadd, PUT /api/v2/users/{subjectId}/roles
            (new PermissionPattern("authorization:grant:add"), "can grant any role to users and OAuth clients"),

            // PATCH /api/v2/users/{userId}, POST /api/v2/users/{userId}/invite, PATCH /api/v2/organizations/authentication/settings,
            // PATCH /api/v2/authorization/settings: the API accepts it in place of the directory:user:* permissions
            (new PermissionPattern("directory:organization:admin"), "can update any user, send them activation emails and change the organization's authentication and authorization settings"),
        };
    }
}
