using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>Turns a rule's demands into the checks that test them, in the rule's demand order (DemandKinds.All).</summary>
    internal static class RuleChecks
    {
        public static IReadOnlyList<IRuleCheck> For(BaselineRule rule) =>
            rule.Demands.Select(demand => demand.Kind.CreateCheck(demand, rule)).Where(check => check != null).Select(check => check!).ToArray();
    }
}
