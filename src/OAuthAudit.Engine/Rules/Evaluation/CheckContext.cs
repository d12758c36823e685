using System;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Rules.Evaluation
{
    /// <summary>What a check sees when checking one rule: the client, the evaluation time and the organization's registries and usage when the run has them; and where its findings go.</summary>
    internal sealed class CheckContext
    {
        private readonly IFindingSink _sink;
        private ClientFacts? _facts;
        private string? _named;

        public CheckContext(OAuthClient client, EvaluationContext evaluation, IFindingSink sink)
        {
            Client = client;
            Evaluation = evaluation;
            _sink = sink;
        }

        public OAuthClient Client { get; }

        /// <summary>What several rules want to know about the client, shared by every rule judging it (worked out when first asked).</summary>
        public ClientFacts Facts => _facts ??= new ClientFacts(Client);

        /// <summary>"'name' ": what every finding's message starts with, made once per client.</summary>
        public string Named => _named ??= "'" + Client.Name + "' ";

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

        /// <summary>A finding of the rule being checked; <paramref name="message"/> starts with <see cref="Named"/>.</summary>
        public void Found(FindingKind kind, string subject, string message, string remediation, Severity? fixedSeverity = null, bool remediationOverridesRule = false) =>
            _sink.Found(kind, subject, message, remediation, fixedSeverity, remediationOverridesRule);
    }
}
