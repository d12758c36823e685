using System;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>What a check sees when checking one rule: the client, the evaluation time and the organization's registries and usage when the run has them.</summary>
    internal sealed class CheckContext
    {
        public CheckContext(OAuthClient client, EvaluationContext evaluation, ClientFacts? facts = null)
        {
            Client = client;
            Evaluation = evaluation;
            Facts = facts ?? new ClientFacts(client);
        }

        public OAuthClient Client { get; }

        /// <summary>What several rules want to know about the client, shared by every rule judging it.</summary>
        public ClientFacts Facts { get; }

        public EvaluationContext Evaluation { get; }

        /// <summary>The evaluation time (UTC), for demands that change with the date.</summary>
        public DateTime Now => Evaluation.Now;

        public ScopeRegistry? Scopes => Evaluation.Scopes;

        public PermissionCatalog? Permissions => Evaluation.Permissions;

        /// <summary>The client's usage: the run's, else the one read with the client; null when neither was loaded (a rule needing it is then skipped before any check runs).</summary>
        public OAuthClientUsage? Usage => Evaluation.Usage?.For(Client) ?? Client.Usage;

        /// <summary>Why the rule could not be judged on the data there is (e.g. a usage window shorter than the rule looks back); null when it could.</summary>
        public string? Undecided { get; private set; }

        /// <summary>The check cannot judge the client on the data loaded: the rule is skipped for it, its findings dropped, never passed.</summary>
        public void CannotDecide(string reason) => Undecided ??= reason;

        /// <summary>The same client, the next rule: one context serves every rule judging a client.</summary>
        public void NextRule() => Undecided = null;

        /// <summary>The clients' change history when the run loaded it; null when not.</summary>
        public OAuthClientHistory? History => Evaluation.History;
    }
}
