using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold a role matching each required name, in some division.</summary>
    internal sealed class RequiredRolesCheck : IRuleCheck
    {
        private readonly IReadOnlyList<(string Name, WildcardNames Pattern)> _required;

        // The same for every client: built once.
        private readonly string[] _messages;

        public RequiredRolesCheck(IReadOnlyList<string> required)
        {
            _required = required.Select(name => (name, new WildcardNames(new[] { name }, remember: true))).ToArray();
            _messages = required.Select(name => $"requires role '{name}' and holds no role of that name.").ToArray();
        }

        public IEnumerable<FindingDraft> Check(CheckContext context)
        {
            var roles = context.Client.Roles;
            for (var index = 0; index < _required.Count; index++)
            {
                var pattern = _required[index].Pattern;
                var held = false;
                foreach (var grant in roles)
                {
                    if (grant.IsKnownRole && pattern.Matches(grant.RoleName!))
                    {
                        held = true;
                        break;
                    }
                }

                if (!held)
                {
                    yield return new FindingDraft(FindingKind.MissingRole, _required[index].Name, _messages[index], Remediations.AddRole);
                }
            }
        }
    }
}
