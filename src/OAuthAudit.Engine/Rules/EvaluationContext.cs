using System;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// What one evaluation of a baseline holds for every client: the evaluation time (UTC; waivers, deprecation
    /// dates) and the organization's registries when the run has loaded them (null when not).
    /// </summary>
    public sealed class EvaluationContext
    {
        public EvaluationContext(DateTime now, ScopeRegistry? scopes = null, PermissionCatalog? permissions = null)
        {
            Now = now.ToUniversalTime();
            Scopes = scopes;
            Permissions = permissions;
        }

        public DateTime Now { get; }

        public ScopeRegistry? Scopes { get; }

        public PermissionCatalog? Permissions { get; }
    }
}
