using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>
    /// Flags each role grant that lets the client widen its own or anyone's access, naming the chain:
    /// the role, the division, the permission it holds and what that permission allows. An unconditional
    /// path is named before a conditional one.
    /// </summary>
    internal sealed class PrivilegeEscalationCheck : IRuleCheck
    {
        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            foreach (var grant in client.Roles)
            {
                var paths = EscalationPermissions.All
                    .Select(escalation => (escalation.Permission, escalation.Why, Held: grant.Held.OrderBy(held => held.IsConditional).FirstOrDefault(held => escalation.Permission.IsGrantedBy(held.Text))))
                    .Where(path => path.Held != null)
                    .ToArray();
                if (paths.Length == 0)
                {
                    continue;
                }

                var chains = paths.GroupBy(path => path.Held!).Select(held => held.Count() == 1 && held.First().Permission.Text == held.Key.Text
                    ? $"{held.Key.Describe()} ({held.First().Why})"
                    : $"{held.Key.Describe()}, which includes {string.Join(", ", held.Select(path => $"'{path.Permission}' ({path.Why})"))}");
                yield return new FindingDraft(FindingKind.PrivilegeEscalation, grant.ToString(),
                    $"can widen access: role '{grant.RoleDisplayName}' ({grant.DivisionDisplayName}) grants {string.Join("; and ", chains)}"
                    + $"{PermissionChains.Reach(grant, paths.Select(path => path.Permission.Text))}.", Remediations.RemoveRole);
            }
        }
    }
}
