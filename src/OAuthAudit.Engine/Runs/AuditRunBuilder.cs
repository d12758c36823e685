using System;
using System.Collections.Generic;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>
    /// Collects a run as its results stream in: judged clients, clients that could not be judged (Error), clients
    /// whose rules need data the run did not load (Skipped), and errors of the run as a whole. One failing client
    /// becomes an Error result and an entry in the errors, and the run goes on. Safe to feed from several threads.
    /// </summary>
    public sealed class AuditRunBuilder
    {
        private readonly object _gate = new object();
        private readonly List<ClientAuditResult> _results = new List<ClientAuditResult>();
        private readonly List<RunError> _errors = new List<RunError>();
        private readonly RunTool _tool;
        private readonly RunOrganization _organization;
        private readonly RunDataSource _dataSource;
        private readonly RunBaseline _baseline;
        private readonly Baseline _judgedBy;
        private UtcTimestamp _startedAt;
        private GcContext? _context;

        public AuditRunBuilder(RunOrganization organization, RunDataSource dataSource, Baseline baseline, DateTime startedAt, RunTool? tool = null)
        {
            _organization = organization ?? throw new ArgumentNullException(nameof(organization));
            _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
            _judgedBy = baseline ?? throw new ArgumentNullException(nameof(baseline));
            _baseline = RunBaseline.Of(baseline);
            _startedAt = startedAt;
            _tool = tool ?? RunTool.Current;
        }

        /// <summary>A run over what a context reads: its organization, region and source (a snapshot with its capture time).</summary>
        public static AuditRunBuilder For(GcContext context, Baseline baseline, DateTime startedAt) =>
            new AuditRunBuilder(
                new RunOrganization(context.OrganizationId, context.OrganizationName, context.Region),
                context.Source == ContextSource.Snapshot ? new RunDataSource(DataSourceKind.Snapshot, context.CapturedAt) : new RunDataSource(DataSourceKind.Live, null),
                baseline,
                startedAt)
            {
                _context = context,
            };

        /// <summary>
        /// The run's facts were read at <paramref name="readAt"/> (a live listing read when connecting, before the run
        /// started): the run then starts there, so that a live run's facts date from its start.
        /// </summary>
        public AuditRunBuilder FactsReadAt(DateTime readAt)
        {
            lock (_gate)
            {
                if (new UtcTimestamp(readAt) < _startedAt)
                {
                    _startedAt = readAt;
                }
            }

            return this;
        }

        /// <exception cref="ArgumentException">The result is of another organization or another baseline than the run's.</exception>
        public AuditRunBuilder Add(ClientAuditResult result)
        {
            if (result == null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            if (!string.Equals(result.OrganizationId, _organization.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The result for client '{result.ClientId}' is of organization '{result.OrganizationId}', not of the run's organization '{_organization.Id}'.", nameof(result));
            }

            if (!string.Equals(result.BaselineName, _baseline.Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The result for client '{result.ClientId}' was judged by baseline '{result.BaselineName}', not by the run's baseline '{_baseline.Name}'.", nameof(result));
            }

            lock (_gate)
            {
                _results.Add(result);
            }

            return this;
        }

        public AuditRunBuilder AddRange(IEnumerable<ClientAuditResult> results)
        {
            foreach (var result in results ?? throw new ArgumentNullException(nameof(results)))
            {
                Add(result);
            }

            return this;
        }

        /// <summary>A client that could not be judged (e.g. its roles could not be read): an Error result plus the error.</summary>
        public ClientAuditResult AddError(ClientIdentity client, string errorId, string message, DateTime occurredAt)
        {
            var error = new RunError(client.Id, client.Name, errorId, message, occurredAt);
            var result = new ClientAuditResult(client.Id, client.Name, client.GrantType, client.State, _organization.Id, _organization.Name,
                _baseline.Name, Outcome.Error, ValueList<string>.Empty, message, occurredAt)
            {
                JudgedBy = _judgedBy,
                Context = _context,
            };
            lock (_gate)
            {
                _errors.Add(error);
                _results.Add(result);
            }

            return result;
        }

        /// <summary>An error of the run as a whole (e.g. the client listing failed): recorded, no client result.</summary>
        public RunError AddError(string errorId, string message, DateTime occurredAt)
        {
            var error = new RunError(null, null, errorId, message, occurredAt);
            lock (_gate)
            {
                _errors.Add(error);
            }

            return error;
        }

        /// <summary>A client whose applying rules need data the run did not load: a Skipped result naming those rules and why.</summary>
        public ClientAuditResult AddSkipped(OAuthClient client, IEnumerable<string> ruleIds, string reason, DateTime evaluatedAt)
        {
            if (client == null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            var result = new ClientAuditResult(client.Id, client.Name, client.AuthorizedGrantType, client.State, client.OrganizationId ?? _organization.Id,
                client.OrganizationName ?? _organization.Name, _baseline.Name, Outcome.Skipped, ValueList.From(ruleIds), reason, evaluatedAt, client.Scopes, client.Roles)
            {
                JudgedBy = _judgedBy,
                Context = client.Context ?? _context,
            };
            Add(result);
            return result;
        }

        public AuditRun Build(DateTime finishedAt)
        {
            lock (_gate)
            {
                return new AuditRun(_tool, _organization, _dataSource, _baseline, _startedAt, finishedAt, ValueList.From(_results.ToArray()), ValueList.From(_errors.ToArray()));
            }
        }
    }
}
