using System;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Usage;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>
    /// What one evaluation of a baseline holds for every client: the evaluation time (UTC; waivers, deprecation
    /// dates) and the organization's registries, usage and the clients' change history when the run has loaded them (null when not).
    /// </summary>
    public sealed class EvaluationContext
    {
        public EvaluationContext(DateTime now, ScopeRegistry? scopes = null, PermissionCatalog? permissions = null, OrganizationUsage? usage = null, OAuthClientHistory? history = null)
        {
            Now = now.ToUniversalTime();
            Scopes = scopes;
            Permissions = permissions;
            Usage = usage;
            History = history;
        }

        public DateTime Now { get; }

        public ScopeRegistry? Scopes { get; }

        public PermissionCatalog? Permissions { get; }

        /// <summary>The organization's usage per client; null when the run did not load it (a client read with its usage still brings its own).</summary>
        public OrganizationUsage? Usage { get; }

        /// <summary>The change history of the organization's OAuth clients; null when the run did not load it.</summary>
        public OAuthClientHistory? History { get; }
    }
}
