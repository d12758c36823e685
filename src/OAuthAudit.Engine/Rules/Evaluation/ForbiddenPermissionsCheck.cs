using System.Collections.Generic;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>No role of the client may grant a forbidden permission ("*:*:*" grants every one).</summary>
    internal sealed class ForbiddenPermissionsCheck : IRuleCheck
    {
        private readonly IReadOnlyList<PermissionPattern> _forbidden;

        public ForbiddenPermissionsCheck(IReadOnlyList<PermissionPattern> forbidden)
        {
            _forbidden = forbidden;
        }

        public IEnumerable<FindingDraft> Check(OAuthClient client)
        {
            foreach (var pattern in _forbidden)
            {
                var chains = PermissionChains.Granting(client, pattern);
                if (chains.Count > 0)
                {
                    yield return new FindingDraft(FindingKind.ForbiddenPermission, pattern.Text,
                        $"holds the forbidden permission '{pattern}': {PermissionChains.Describe(chains)}.", Remediations.RemoveRole);
                }
            }
        }
    }
}
