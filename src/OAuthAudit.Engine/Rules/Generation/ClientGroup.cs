using System.Collections.Generic;
using OAuthAudit.Engine.Model;

namespace OAuthAudit.Engine.Rules.Generation
{
    /// <summary>Clients one generated rule is for: how the rule selects them, and in words whom it is for.</summary>
    internal sealed class ClientGroup
    {
        public ClientGroup(string whom, ClientMatch match, IReadOnlyList<OAuthClient> members)
        {
            Whom = whom;
            Match = match;
            Members = members;
        }

        /// <summary>"CODE clients named 'Zendesk*'", "'Okta SCIM Provisioning' (CLIENT-CREDENTIALS)".</summary>
        public string Whom { get; }

        public ClientMatch Match { get; }

        public IReadOnlyList<OAuthClient> Members { get; }
    }
}
