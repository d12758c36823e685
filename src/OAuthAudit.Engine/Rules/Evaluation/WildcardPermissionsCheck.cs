using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>No role of the client may hold a permission with "*" in a part: it grants actions nobody listed, including ones added later.</summary>
    internal sealed class WildcardPermissionsCheck : IRuleCheck
    {
        // Per role: each wildcard permission it holds, described with what it includes, and how far that reaches.
        private static readonly RoleFacts<(string Text, string Grants, PermissionReach Reach)[]> Wildcards =
            new RoleFacts<(string Text, string Grants, PermissionReach Reach)[]>(grant => grant.Held
                .Where(permission => permission.HasWildcard)
                .Select(permission =>
                {
                    var includes = PermissionChains.Includes(grant, permission);
                    return (permission.Text, PermissionChains.Describe(permission, includes), PermissionChains.ReachOf(grant.Catalog, includes));
                })
                .ToArray());

        public void Check(CheckContext context)
        {
            // Each wildcard permission held (exactly as written), in the order first held, with the parts of its message (joined once at the end):
            // "'name' holds the wildcard permission 'x': role 'r' (d) grants ...; role ...".
            List<(string Text, List<string> Message)>? held = null;
            var roles = context.Client.Roles;
            for (var index = 0; index < roles.Count; index++)
            {
                var grant = roles[index];
                foreach (var wildcard in Wildcards.For(grant))
                {
                    held ??= new List<(string, List<string>)>();
                    var message = MessageOf(held, wildcard.Text);
                    if (message == null)
                    {
                        message = new List<string>(16) { context.Named, "holds the wildcard permission '", wildcard.Text, "': " };
                        held.Add((wildcard.Text, message));
                    }
                    else
                    {
                        message.Add("; ");
                    }

                    PermissionChains.AppendGrant(message, grant, wildcard.Grants, wildcard.Reach);
                }
            }

            if (held == null)
            {
                return;
            }

            foreach (var (text, message) in held)
            {
                message.Add(".");
                context.Found(FindingKind.WildcardPermission, text, string.Concat(message.ToArray()), Remediations.RemoveRole);
            }
        }

        private static List<string>? MessageOf(List<(string Text, List<string> Message)> held, string text)
        {
            foreach (var entry in held)
            {
                if (string.Equals(entry.Text, text, System.StringComparison.Ordinal))
                {
                    return entry.Message;
                }
            }

            return null;
        }
    }
}
