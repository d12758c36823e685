using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>The client must hold a role matching each required name, in some division.</summary>
    internal sealed class RequiredRolesCheck : IRuleCheck
    {
        private readonly (string Name, WildcardNames Pattern)[] _required;

        // The same for every client: built once.
        private readonly string[] _messages;

        public RequiredRolesCheck(IReadOnlyList<string> required)
        {
            _required = required.Select(name => (name, new WildcardNames(new[] { name }, remember: true))).ToArray();
            _messages = required.Select(name => $"requires role '{name}' and holds no role of that name.").ToArray();
        }

        public void Check(CheckContext context)
        {
            var roles = context.Client.Roles;
            for (var index = 0; index < _required.Length; index++)
            {
                var pattern = _required[index].Pattern;
                var held = false;
                for (var role = 0; role < roles.Count; role++)
                {
                    var grant = roles[role];
                    if (grant.IsKnownRole && pattern.Matches(grant.RoleName!))
                    {
                        held = true;
                        break;
                    }
                }

                if (!held)
                {
                    context.Found(FindingKind.MissingRole, _required[index].Name, context.Named + _messages[index], Remediations.AddRole);
                }
            }
        }
    }
}
