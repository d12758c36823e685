using System;
using System.Runtime.CompilerServices;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// A fact about a role that depends on nothing but its permissions and the catalogue (how far a grant of it
    /// reaches, which escalation paths it opens), worked out once per role for every check and evaluator that asks,
    /// and kept with the role object itself (it goes when the role goes). Safe from several threads: two may work it
    /// out at once, and either answer is the same.
    /// </summary>
    internal sealed class RoleFacts<T>
        where T : class
    {
        private readonly ConditionalWeakTable<AuthorizationRole, Slot> _slots = new ConditionalWeakTable<AuthorizationRole, Slot>();
        private readonly Func<RoleGrant, T> _compute;

        public RoleFacts(Func<RoleGrant, T> compute)
        {
            _compute = compute;
        }

        public T For(RoleGrant grant)
        {
            if (grant.Role == null)
            {
                return _compute(grant);
            }

            var slot = _slots.GetValue(grant.Role, _ => new Slot());
            var known = slot.Known;
            if (known != null && ReferenceEquals(known.Catalog, grant.Catalog))
            {
                return known.Value;
            }

            var value = _compute(grant);
            slot.Known = new Entry(grant.Catalog, value);
            return value;
        }

        private sealed class Slot
        {
            public volatile Entry? Known;
        }

        private sealed class Entry
        {
            public Entry(PermissionCatalog? catalog, T value)
            {
                Catalog = catalog;
                Value = value;
            }

            public PermissionCatalog? Catalog { get; }

            public T Value { get; }
        }
    }
}
