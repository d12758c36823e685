using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.History
{
    /// <summary>
    /// Runs one audit query: POST /api/v2/audits/query, polls its transaction with a growing delay until it
    /// Succeeded (Failed, Cancelled or the time budget's end are errors naming the transaction), then reads every
    /// page of its results by cursor. The pages are checked as a whole: a malformed page fails the query, never
    /// shortens it.
    /// </summary>
    internal static class AuditQueryRunner
    {
        public const string QueryPath = "/api/v2/audits/query";
        public const string Permission = "audits:audit:view";
        public const int PageSize = 500;
        private const int MaxPages = 10000;
        private const string StatusModel = "AuditQueryExecutionStatusResponse";
        private const string ResultsModel = "AuditQueryExecutionResultsResponse";

        /// <param name="progress">Called with each state the transaction reports, for progress.</param>
        public static async Task<IReadOnlyList<AuditLogMessageDto>> RunAsync(
            GenesysApiClient api, AuditQueryRequestDto request, HistoryQuery query, Action<string>? progress, Operation operation)
        {
            var clock = Stopwatch.StartNew();
            var posted = await api.PostQueryAsync<AuditQueryExecutionStatusResponseDto>(QueryPath, request, StatusModel, Permission, operation).ConfigureAwait(false);
            var transactionId = posted.Id;
            if (string.IsNullOrEmpty(transactionId) || transactionId!.IndexOfAny(new[] { '/', '?', '#', '\\' }) >= 0)
            {
                throw Invalid($"POST {QueryPath} answered without a usable transaction id ('{transactionId ?? "none"}').", "POST", QueryPath);
            }

            var state = posted.State;
            var polling = query.Polling;
            var delay = polling.FirstPollDelay;
            while (!string.Equals(state, AuditQueryExecutionStatusResponseDto.Succeeded, StringComparison.Ordinal))
            {
                Report(progress, transactionId, state, clock.Elapsed);
                RequireUnfinished(transactionId, state, clock.Elapsed);
                var left = polling.Budget - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw new AuditQueryException(AuditQueryProblem.TimedOut, transactionId, state ?? "(none)", clock.Elapsed,
                        $"The audit query transaction {transactionId} was still {state} after {clock.Elapsed.TotalSeconds:0.#} s, the time budget of {polling.Budget.TotalSeconds:0.#} s; its results were not read.");
                }

                await Task.Delay(delay < left ? delay : left, operation.Cancellation).ConfigureAwait(false);
                delay = polling.Next(delay);
                var status = (await api.GetAsync<AuditQueryExecutionStatusResponseDto>($"{QueryPath}/{Uri.EscapeDataString(transactionId)}", StatusModel, Permission, operation).ConfigureAwait(false))!;
                if (status.Id != null && !string.Equals(status.Id, transactionId, StringComparison.Ordinal))
                {
                    throw Invalid($"GET {QueryPath}/{transactionId} answered for transaction '{status.Id}'.", "GET", $"{QueryPath}/{transactionId}");
                }

                state = status.State;
            }

            Report(progress, transactionId, state, clock.Elapsed);
            return await ReadResultsAsync(api, transactionId, operation).ConfigureAwait(false);
        }

        private static void RequireUnfinished(string transactionId, string? state, TimeSpan elapsed)
        {
            switch (state)
            {
                case AuditQueryExecutionStatusResponseDto.Queued:
                case AuditQueryExecutionStatusResponseDto.Running:
                    return;
                case AuditQueryExecutionStatusResponseDto.Failed:
                    throw new AuditQueryException(AuditQueryProblem.Failed, transactionId, state, elapsed,
                        $"Genesys Cloud reports the audit query transaction {transactionId} as Failed after {elapsed.TotalSeconds:0.#} s; it has no results.");
                case AuditQueryExecutionStatusResponseDto.Cancelled:
                    throw new AuditQueryException(AuditQueryProblem.Cancelled, transactionId, state, elapsed,
                        $"Genesys Cloud reports the audit query transaction {transactionId} as Cancelled after {elapsed.TotalSeconds:0.#} s; it has no results.");
                default:
                    throw Invalid($"The audit query transaction {transactionId} reported the state '{state ?? "(none)"}', which is not one of Queued, Running, Succeeded, Failed or Cancelled.", "GET", $"{QueryPath}/{transactionId}");
            }
        }

        private static async Task<IReadOnlyList<AuditLogMessageDto>> ReadResultsAsync(GenesysApiClient api, string transactionId, Operation operation)
        {
            var resultsPath = $"{QueryPath}/{Uri.EscapeDataString(transactionId)}/results";
            var messages = new List<AuditLogMessageDto>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var cursors = new HashSet<string>(StringComparer.Ordinal);
            string? cursor = null;
            for (var page = 1; ; page++)
            {
                var path = cursor == null ? $"{resultsPath}?pageSize={PageSize}" : $"{resultsPath}?cursor={Uri.EscapeDataString(cursor)}&pageSize={PageSize}";
                var body = (await api.GetAsync<AuditQueryExecutionResultsResponseDto>(path, ResultsModel, Permission, operation).ConfigureAwait(false))!;
                if (body.Entities == null)
                {
                    throw Invalid($"Page {page} of the results of audit query transaction {transactionId} has no entities list.", "GET", path);
                }

                if (body.Entities.Count > PageSize)
                {
                    throw Invalid($"Page {page} of the results of audit query transaction {transactionId} holds {body.Entities.Count} messages where at most {PageSize} were asked for.", "GET", path);
                }

                if (body.Id != null && !string.Equals(body.Id, transactionId, StringComparison.Ordinal))
                {
                    throw Invalid($"Page {page} of the results of audit query transaction {transactionId} is for transaction '{body.Id}'.", "GET", path);
                }

                foreach (var message in body.Entities)
                {
                    RequireWhole(message, transactionId, page, path);
                    if (!ids.Add(message.Id!))
                    {
                        throw Invalid($"The results of audit query transaction {transactionId} list the audit message '{message.Id}' twice (again on page {page}).", "GET", path);
                    }

                    messages.Add(message);
                }

                operation.Host.Verbose($"Audit query {transactionId}: page {page}, {body.Entities.Count} messages ({messages.Count} so far)");
                if (string.IsNullOrEmpty(body.Cursor))
                {
                    return messages;
                }

                if (!cursors.Add(body.Cursor!) || page >= MaxPages)
                {
                    throw Invalid($"The results of audit query transaction {transactionId} sent the cursor '{body.Cursor}' after {page} pages, a cursor it had already sent; stopped reading so the history holds no duplicates.", "GET", path);
                }

                cursor = body.Cursor;
            }
        }

        /// <summary>A message without its id, date, entity or type cannot be placed in a client's history.</summary>
        private static void RequireWhole(AuditLogMessageDto message, string transactionId, int page, string path)
        {
            var missing = string.IsNullOrEmpty(message.Id) ? "id"
                : message.EventDate == null ? "eventDate"
                : string.IsNullOrEmpty(message.Entity?.Id) ? "entity.id"
                : string.IsNullOrEmpty(message.Action) ? "action"
                : null;
            if (missing != null)
            {
                throw Invalid($"An audit message on page {page} of the results of audit query transaction {transactionId} has no '{missing}' (message id '{message.Id ?? "none"}').", "GET", path);
            }

            if (!string.Equals(message.EntityType, OAuthClientHistoryReader.EntityType, StringComparison.Ordinal))
            {
                throw Invalid($"The audit message '{message.Id}' on page {page} of the results of audit query transaction {transactionId} is about a '{message.EntityType ?? "(none)"}', not an {OAuthClientHistoryReader.EntityType}, though the query asked only for those.", "GET", path);
            }
        }

        private static void Report(Action<string>? progress, string transactionId, string? state, TimeSpan elapsed) =>
            progress?.Invoke($"Audit query {transactionId}: {state ?? "(no state)"} ({elapsed.TotalSeconds:0} s)");

        private static GenesysApiException Invalid(string message, string method, string path) =>
            new GenesysApiException(ApiFailureKind.InvalidResponse, message, new ApiRequestDescription(method, "api", path));
    }
}
