using System;
using System.Collections.Generic;
using System.Text;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold no role matching a forbidden name, in any division.</summary>
    internal sealed class ForbiddenRolesCheck : IRuleCheck
    {
        private readonly WildcardNames _forbidden;

        public ForbiddenRolesCheck(IReadOnlyList<string> forbidden)
        {
            _forbidden = new WildcardNames(forbidden, remember: true);
        }

        public void Check(CheckContext context)
        {
            // Each forbidden role name held (exactly as named), in the order first held, with the divisions it is held in.
            List<(string Name, StringBuilder Divisions)>? held = null;
            var roles = context.Client.Roles;
            for (var index = 0; index < roles.Count; index++)
            {
                var grant = roles[index];
                if (!grant.IsKnownRole || !_forbidden.Matches(grant.RoleName!))
                {
                    continue;
                }

                held ??= new List<(string, StringBuilder)>();
                var known = IndexOf(held, grant.RoleName!);
                if (known < 0)
                {
                    held.Add((grant.RoleName!, new StringBuilder(grant.DivisionDisplayName)));
                }
                else
                {
                    held[known].Divisions.Append(", ").Append(grant.DivisionDisplayName);
                }
            }

            if (held == null)
            {
                return;
            }

            foreach (var (name, divisions) in held)
            {
                context.Found(FindingKind.ForbiddenRole, name, context.Named + "holds role '" + name + "' (" + divisions + "), which is forbidden.", Remediations.RemoveRole);
            }
        }

        private static int IndexOf(List<(string Name, StringBuilder Divisions)> held, string name)
        {
            for (var index = 0; index < held.Count; index++)
            {
                if (string.Equals(held[index].Name, name, StringComparison.Ordinal))
                {
                    return index;
                }
            }

            return -1;
        }
    }
}
