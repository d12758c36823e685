using System.Collections.Generic;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>What a source holds in memory right now (for tab completion): null for a registry not read yet.</summary>
    internal sealed class CachedData
    {
        public CachedData(ScopeRegistry? scopes, IReadOnlyList<AuthorizationRole>? roles, IReadOnlyList<AuthorizationDivision>? divisions, IReadOnlyCollection<string> clientNames)
        {
            Scopes = scopes;
            Roles = roles;
            Divisions = divisions;
            ClientNames = clientNames;
        }

        public ScopeRegistry? Scopes { get; }

        public IReadOnlyList<AuthorizationRole>? Roles { get; }

        public IReadOnlyList<AuthorizationDivision>? Divisions { get; }

        /// <summary>Names of the clients listed or read so far (a snapshot: all of them).</summary>
        public IReadOnlyCollection<string> ClientNames { get; }
    }
}
