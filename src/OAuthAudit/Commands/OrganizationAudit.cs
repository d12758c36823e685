using System;
using System.Collections.Generic;
using System.Management.Automation;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Errors;
using OAuthAudit.Hosting;

namespace OAuthAudit.Commands
{
    /// <summary>
    /// One organization's part of Invoke-GcOAuthAudit, on a thread of its own: list its clients, judge each against
    /// the baseline and build its run. Anything that stops the organization (its listing, the scope registry, roles,
    /// the history or usage its rules need, a rejected token, a rate limit that outlasts the retries) makes an Error run
    /// holding that error, never a pass and never the end of the other organizations.
    /// </summary>
    internal static class OrganizationAudit
    {
        private const int ProgressEvery = 25;

        /// <exception cref="OperationCanceledException">The audit was stopped (Ctrl+C).</exception>
        public static OrganizationAuditResult Run(OrganizationLane lane, BaselineAudit batchAudit)
        {
            var context = lane.Context;
            var audit = batchAudit.For(lane);
            var builder = AuditRunBuilder.For(context, audit.Baseline, DateTime.UtcNow);
            var errors = new List<ErrorRecord>();
            try
            {
                lane.Status("Listing OAuth clients");
                var clients = new List<OAuthClient>();
                var resolved = context.Directory.GetClients(lane.Operation, listed: count => Every(count, () => lane.Status($"Listing OAuth clients: {count} listed")), listedAt: at => builder.FactsReadAt(at));
                lane.Status("Resolving scopes and role grants");
                foreach (var client in resolved)
                {
                    clients.Add(client);
                    Every(clients.Count, () => lane.Status($"Resolving scopes and role grants: {clients.Count} clients"));
                }

                for (var judged = 0; judged < clients.Count; judged++)
                {
                    lane.Operation.Cancellation.ThrowIfCancellationRequested();
                    Every(judged, () => lane.Status($"Evaluating {judged} of {clients.Count} clients"));
                    var client = clients[judged];
                    try
                    {
                        builder.Add(audit.Evaluate(client));
                    }
                    catch (PatternTimeoutException timeout)
                    {
                        var record = audit.PatternTimeout(timeout, client);
                        builder.AddError(new ClientIdentity(client.Id, client.Name, client.AuthorizedGrantType, client.State), record.FullyQualifiedErrorId, MessageOf(record), DateTime.UtcNow);
                        errors.Add(record);
                    }
                }
            }
            catch (GenesysApiException failure)
            {
                return ErrorRun(builder, errors, ErrorRecords.FromApi(failure, context), lane);
            }
            catch (ConnectionClosedException closed)
            {
                return ErrorRun(builder, errors, ErrorRecords.ConnectionClosed(lane.CommandName, closed, context), lane);
            }
            catch (OrganizationFailedException failed)
            {
                return ErrorRun(builder, errors, failed.Record, lane);
            }

            var run = builder.Build(DateTime.UtcNow);
            lane.Verbose($"Audited {run.Summary.Clients} clients of {context.OrganizationName} against baseline '{audit.Baseline.Name}': {run.Summary}.");
            return new OrganizationAuditResult(run, errors);
        }

        /// <summary>An organization that could not be audited: a run holding the error (and no pass), and the error, naming the organization, to write.</summary>
        private static OrganizationAuditResult ErrorRun(AuditRunBuilder builder, List<ErrorRecord> errors, ErrorRecord record, OrganizationLane lane)
        {
            builder.AddError(record.FullyQualifiedErrorId, MessageOf(record), DateTime.UtcNow);
            errors.Add(ErrorRecords.OfOrganization(record, lane.Context));
            lane.Verbose($"The audit of {lane.Context.OrganizationName} stopped: {record.FullyQualifiedErrorId}.");
            return new OrganizationAuditResult(builder.Build(DateTime.UtcNow), errors);
        }

        private static void Every(int count, Action report)
        {
            if (count % ProgressEvery == 0)
            {
                report();
            }
        }

        private static string MessageOf(ErrorRecord record) => record.ErrorDetails?.Message ?? record.Exception.Message;
    }
}
