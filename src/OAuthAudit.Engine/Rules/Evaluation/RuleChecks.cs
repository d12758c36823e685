using System;
using System.Collections.Generic;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Turns a rule's declared demands into the checks that test them.</summary>
    internal static class RuleChecks
    {
        /// <param name="now">The evaluation time, for demands that change with the date (deprecated grant types).</param>
        public static IReadOnlyList<IRuleCheck> For(BaselineRule rule, DateTime now)
        {
            var checks = new List<IRuleCheck>();
            if (rule.RequiredScopes.Count > 0)
            {
                checks.Add(new RequiredScopesCheck(rule.RequiredScopes));
            }

            if (rule.AllowedScopes != null)
            {
                checks.Add(new AllowedScopesCheck(rule.AllowedScopes));
            }

            if (rule.ForbiddenScopes.Count > 0)
            {
                checks.Add(new ForbiddenScopesCheck(rule.ForbiddenScopes));
            }

            if (rule.ForbidUnknownScopes)
            {
                checks.Add(new UnknownScopesCheck());
            }

            if (rule.MaxAccessTokenValiditySeconds is int maxSeconds)
            {
                checks.Add(new TokenLifetimeCheck(maxSeconds));
            }

            if (rule.RedirectUris != null)
            {
                checks.Add(new RedirectUriCheck(rule.RedirectUris));
            }

            if (rule.AllowedStates != null)
            {
                checks.Add(new StateCheck(rule.AllowedStates));
            }

            if (rule.RequiredRoles.Count > 0)
            {
                checks.Add(new RequiredRolesCheck(rule.RequiredRoles));
            }

            if (rule.ForbiddenRoles.Count > 0)
            {
                checks.Add(new ForbiddenRolesCheck(rule.ForbiddenRoles));
            }

            if (rule.ForbiddenPermissions.Count > 0)
            {
                checks.Add(new ForbiddenPermissionsCheck(rule.ForbiddenPermissions));
            }

            if (rule.ForbidWildcardPermissions)
            {
                checks.Add(new WildcardPermissionsCheck());
            }

            if (rule.AllowedDivisions != null || rule.ForbidAllDivisions)
            {
                checks.Add(new DivisionCheck(rule.AllowedDivisions, rule.ForbidAllDivisions));
            }

            if (rule.ForbidPrivilegeEscalation)
            {
                checks.Add(new PrivilegeEscalationCheck());
            }

            if (rule.ForbidUnknownRoles)
            {
                checks.Add(new UnknownRolesCheck());
            }

            if (rule.DeprecatedGrantTypes.Count > 0)
            {
                checks.Add(new DeprecatedGrantTypeCheck(rule.DeprecatedGrantTypes, now));
            }

            if (rule.ForbidSuspiciousText)
            {
                checks.Add(new SuspiciousTextCheck());
            }

            return checks;
        }
    }
}
