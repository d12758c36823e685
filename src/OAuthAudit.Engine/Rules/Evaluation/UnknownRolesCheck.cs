using System.Collections.Generic;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Grants naming a role or division the organization does not have (deleted since) are findings.</summary>
    internal sealed class UnknownRolesCheck : IRuleCheck
    {
        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var client = context.Client;
            foreach (var grant in client.Roles)
            {
                if (!grant.IsKnownRole)
                {
                    yield return new FindingDraft(FindingKind.UnknownRole, grant.RoleId,
                        $"is granted role id '{grant.RoleId}' ({grant.DivisionDisplayName}), which the organization has no role for.", Remediations.RemoveUnknownGrant);
                }

                if (!grant.IsKnownDivision)
                {
                    yield return new FindingDraft(FindingKind.UnknownDivision, grant.DivisionId ?? string.Empty,
                        $"is granted role '{grant.RoleDisplayName}' in division id '{grant.DivisionId}', which the organization has no division for.", Remediations.RemoveUnknownGrant);
                }
            }
        }
    }
}
