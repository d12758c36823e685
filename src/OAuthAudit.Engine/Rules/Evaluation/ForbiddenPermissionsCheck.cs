using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// No role of the client may hold a permission a forbidden pattern overlaps: "oauth:client:*" forbids any
    /// action on OAuth clients, however the role lists it; "*:*:*" held overlaps every pattern.
    /// </summary>
    internal sealed class ForbiddenPermissionsCheck : IRuleCheck
    {
        private readonly PermissionPattern[] _forbidden;

        // Per role, for each pattern text (any rule's): what the role grants of it and how far that reaches; null where it grants none of it.
        private static readonly RoleFacts<ConcurrentDictionary<string, RoleOverlap?>> Overlaps =
            new RoleFacts<ConcurrentDictionary<string, RoleOverlap?>>(_ => new ConcurrentDictionary<string, RoleOverlap?>(StringComparer.Ordinal));

        public ForbiddenPermissionsCheck(IReadOnlyList<PermissionPattern> forbidden)
        {
            _forbidden = forbidden.ToArray();
        }

        public void Check(CheckContext context)
        {
            var roles = context.Client.Roles;
            if (roles.Count == 0)
            {
                return;
            }

            var overlaps = new ConcurrentDictionary<string, RoleOverlap?>[roles.Count];
            for (var index = 0; index < overlaps.Length; index++)
            {
                overlaps[index] = Overlaps.For(roles[index]);
            }

            foreach (var pattern in _forbidden)
            {
                // The parts of the message, begun at the first overlap and joined once: "'name' holds the forbidden permission 'x': role 'r' (d) grants ...; role ...".
                List<string>? message = null;
                for (var index = 0; index < overlaps.Length; index++)
                {
                    var grant = roles[index];
                    var overlap = OverlapOf(grant, overlaps[index], pattern);
                    if (overlap == null)
                    {
                        continue;
                    }

                    if (message == null)
                    {
                        message = new List<string>(16) { context.Named, "holds the forbidden permission '", pattern.Text, "': " };
                    }
                    else
                    {
                        message.Add("; ");
                    }

                    PermissionChains.AppendGrant(message, grant, overlap.Grants, overlap.Reach);
                }

                if (message != null)
                {
                    message.Add(".");
                    context.Found(FindingKind.ForbiddenPermission, pattern.Text, string.Concat(message.ToArray()), Remediations.RemoveRole);
                }
            }
        }

        private static RoleOverlap? OverlapOf(RoleGrant grant, ConcurrentDictionary<string, RoleOverlap?> known, PermissionPattern pattern) =>
            known.TryGetValue(pattern.Text, out var overlap) ? overlap : known.GetOrAdd(pattern.Text, Overlap(grant, pattern));

        /// <summary>What the grant's role holds that overlaps the pattern ("'a:b:*', which includes ..."), or null.</summary>
        private static RoleOverlap? Overlap(RoleGrant grant, PermissionPattern pattern)
        {
            var held = grant.Held.Where(permission => pattern.Overlaps(permission.Text)).ToArray();
            if (held.Length == 0)
            {
                return null;
            }

            var named = held.Select(permission => (Held: permission, Includes: PermissionChains.Includes(grant, permission, pattern))).ToArray();
            var separator = named.Any(entry => entry.Includes.Count > 0) ? " and " : ", ";
            return new RoleOverlap(
                string.Join(separator, named.Select(entry => PermissionChains.Describe(entry.Held, entry.Includes))),
                PermissionChains.ReachOf(grant.Catalog, named.SelectMany(entry => PermissionChains.Concrete(entry.Held, entry.Includes))));
        }

        private sealed class RoleOverlap
        {
            public RoleOverlap(string grants, PermissionReach reach)
            {
                Grants = grants;
                Reach = reach;
            }

            public string Grants { get; }

            public PermissionReach Reach { get; }
        }
    }
}
