using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>The organization's view of the global OAuth scope registry, for resolving scope names.</summary>
    public sealed class ScopeRegistry
    {
        private readonly Dictionary<string, OAuthScope> _byName;

        public ScopeRegistry(IEnumerable<OAuthScope> scopes)
        {
            _byName = new Dictionary<string, OAuthScope>(StringComparer.OrdinalIgnoreCase);
            foreach (var scope in scopes)
            {
                _byName[scope.Name] = scope;
            }

            Scopes = ValueList.From(_byName.Values.OrderBy(scope => scope.Name, StringComparer.Ordinal));
        }

        public ValueList<OAuthScope> Scopes { get; }

        /// <summary>The registry of the API's OAuthScope entries; one without an id names no scope, so it is passed over.</summary>
        internal static ScopeRegistry FromApi(IEnumerable<OAuthScopeDto> dtos) =>
            new ScopeRegistry(dtos.Where(scope => !string.IsNullOrEmpty(scope.Id)).Select(scope => new OAuthScope(scope.Id!, scope.Description)));

        /// <summary>The registry entry for a name, or an entry marked unknown: a name is never dropped.</summary>
        public OAuthScope Resolve(string name) => _byName.TryGetValue(name, out var scope) ? scope : OAuthScope.Unknown(name);
    }
}
