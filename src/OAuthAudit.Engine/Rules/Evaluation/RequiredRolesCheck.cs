using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold a role matching each required name, in some division.</summary>
    internal sealed class RequiredRolesCheck : IRuleCheck
    {
        private readonly IReadOnlyList<(string Name, WildcardNames Pattern)> _required;

        public RequiredRolesCheck(IReadOnlyList<string> required)
        {
            _required = required.Select(name => (name, new WildcardNames(new[] { name }))).ToArray();
        }

        public IEnumerable<FindingDraft> Check(CheckContext context) =>
            _required
                .Where(required => !context.Client.Roles.Any(grant => grant.IsKnownRole && required.Pattern.Matches(grant.RoleName!)))
                .Select(required => new FindingDraft(FindingKind.MissingRole, required.Name, $"requires role '{required.Name}' and holds no role of that name.", Remediations.AddRole));
    }
}
