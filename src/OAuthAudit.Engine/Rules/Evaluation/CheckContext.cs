using System;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>What a check sees: the client, the evaluation time and the organization's registries when the run has them.</summary>
    internal sealed class CheckContext
    {
        public CheckContext(OAuthClient client, EvaluationContext evaluation)
        {
            Client = client;
            Evaluation = evaluation;
        }

        public OAuthClient Client { get; }

        public EvaluationContext Evaluation { get; }

        /// <summary>The evaluation time (UTC), for demands that change with the date.</summary>
        public DateTime Now => Evaluation.Now;

        public ScopeRegistry? Scopes => Evaluation.Scopes;

        public PermissionCatalog? Permissions => Evaluation.Permissions;

        /// <summary>The clients' change history when the run loaded it; null when not.</summary>
        public OAuthClientHistory? History => Evaluation.History;
    }
}
