using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Grants naming a role or division the organization does not have (deleted since) are findings.</summary>
    internal sealed class UnknownRolesCheck : IRuleCheck
    {
        public void Check(CheckContext context)
        {
            var roles = context.Client.Roles;
            for (var index = 0; index < roles.Count; index++)
            {
                var grant = roles[index];
                if (!grant.IsKnownRole)
                {
                    context.Found(FindingKind.UnknownRole, grant.RoleId,
                        context.Named + "is granted role id '" + grant.RoleId + "' (" + grant.DivisionDisplayName + "), which the organization has no role for.", Remediations.RemoveUnknownGrant);
                }

                if (!grant.IsKnownDivision)
                {
                    context.Found(FindingKind.UnknownDivision, grant.DivisionId ?? string.Empty,
                        context.Named + "is granted role '" + grant.RoleDisplayName + "' in division id '" + grant.DivisionId + "', which the organization has no division for.", Remediations.RemoveUnknownGrant);
                }
            }
        }
    }
}
