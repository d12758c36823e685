using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Organizations
{
    /// <summary>The organization's roles, divisions and permission catalogue, for resolving the role × division grants of client-credentials clients.</summary>
    public sealed class AuthorizationRegistry
    {
        private readonly Dictionary<string, AuthorizationRole> _roles;
        private readonly Dictionary<string, AuthorizationDivision> _divisions;
        private readonly AuthorizationDivision? _home;
        private readonly PermissionCatalog? _catalog;

        /// <param name="catalog">The permission catalogue, or null when there is none (an older snapshot): then "*" is not expanded and division awareness is not known.</param>
        public AuthorizationRegistry(IEnumerable<AuthorizationRole> roles, IEnumerable<AuthorizationDivision> divisions, PermissionCatalog? catalog = null)
        {
            _catalog = catalog;
            _roles = Index(roles, role => role.Id);
            _divisions = Index(divisions, division => division.Id);
            _home = _divisions.Values.FirstOrDefault(division => division.IsHomeDivision);
        }

        public static AuthorizationRegistry Empty { get; } = new AuthorizationRegistry(new AuthorizationRole[0], new AuthorizationDivision[0]);

        /// <summary>Resolves a grant: no division means the home division, "*" all of them.</summary>
        public RoleGrant Resolve(RoleDivision grant) => Resolve(grant, fromRoleIds: false);

        /// <summary>Resolves a role held only through the deprecated roleIds: a grant in the home division, marked so.</summary>
        public RoleGrant ResolveRoleId(string roleId) => Resolve(new RoleDivision(roleId, null), fromRoleIds: true);

        private RoleGrant Resolve(RoleDivision grant, bool fromRoleIds)
        {
            _roles.TryGetValue(grant.RoleId, out var role);
            var division = string.IsNullOrEmpty(grant.DivisionId) ? _home
                : _divisions.TryGetValue(grant.DivisionId!, out var named) ? named
                : null;
            return new RoleGrant(grant, role, division, _catalog, fromRoleIds);
        }

        private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string> key)
        {
            var index = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                index[key(item)] = item;
            }

            return index;
        }
    }
}
