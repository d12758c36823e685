using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;

namespace OAuthAudit.Engine.Usage
{
    /// <summary>
    /// One organization usage query job: POST the query, poll the job with backoff until it succeeded (honouring
    /// Retry-After through the transport, cancelled by the operation, within the policy's budget), then read its
    /// result pages. Every page is checked; a job that failed, was cancelled, ran out of time or answered
    /// something other than the API's shape is an error, never fewer rows.
    /// </summary>
    internal static class UsageQueryJob
    {
        public const string JobsPath = "/api/v2/usage/aggregates/query/jobs";
        public const string Permission = "usage:organization:view";
        public const int PageSize = 1000;

        private const string JobModel = "OrganizationUsageQueryResponse";
        private const string ResultsModel = "OrganizationPublicApiUsageResultsResponse";

        /// <summary>MetricsEnum values: the request count and the status counts.</summary>
        private static readonly string[] Metrics = { "Requests", "Status200", "Status300", "Status400", "Status429", "Status500" };

        public static async Task<IReadOnlyList<UsageRow>> RunAsync(GenesysApiClient api, UsageInterval interval, QueryJobPolicy policy, Operation operation, Action<string>? status)
        {
            var query = new OrganizationPublicApiUsageQueryRequestDto
            {
                Interval = interval.ToString(),
                Granularity = "Day",
                GroupBy = new List<string> { "OauthClientId" },
                Metrics = new List<string>(Metrics),
            };
            var job = await api.PostQueryAsync<OrganizationUsageQueryResponseDto>(JobsPath, query, JobModel, Permission, operation).ConfigureAwait(false);
            var jobId = job.Id;
            if (string.IsNullOrEmpty(jobId) || jobId!.IndexOfAny(new[] { '/', '\\', '?', '#', '%' }) >= 0 || jobId.Trim() != jobId)
            {
                throw Invalid($"POST {JobsPath} answered without a usable job id ('{jobId ?? "none"}')", JobsPath);
            }

            var jobPath = JobsPath + "/" + jobId;
            var firstPage = jobPath + "?pageSize=" + PageSize.ToString(CultureInfo.InvariantCulture);
            operation.Host.Verbose($"Usage query job {jobId} started for {interval}");
            var page = await WaitForResultsAsync(api, jobId, firstPage, policy, operation, status).ConfigureAwait(false);

            var rows = new List<UsageRow>();
            var guard = new ListingGuard(jobPath);
            var pageUri = firstPage;
            while (true)
            {
                rows.AddRange(RowsOf(page, interval, jobPath, pageUri));
                if (string.IsNullOrEmpty(page.NextUri))
                {
                    return rows;
                }

                ListingPages.RequireOnPath(page.NextUri!, jobPath, pageUri);
                guard.Follow(page.NextUri!);
                pageUri = page.NextUri!;
                status?.Invoke($"Usage query job {jobId}: reading results ({rows.Count} rows so far)");
                page = (await api.GetAsync<OrganizationPublicApiUsageResultsResponseDto>(pageUri, ResultsModel, Permission, operation).ConfigureAwait(false))!;
                if (page.QueryStatus != "Succeeded")
                {
                    throw Invalid($"The usage query job {jobId} result page {pageUri} has queryStatus '{page.QueryStatus ?? "none"}' where the earlier page said Succeeded", jobPath);
                }
            }
        }

        private static async Task<OrganizationPublicApiUsageResultsResponseDto> WaitForResultsAsync(
            GenesysApiClient api, string jobId, string firstPage, QueryJobPolicy policy, Operation operation, Action<string>? status)
        {
            var clock = Stopwatch.StartNew();
            var delay = policy.FirstPollDelay;
            for (var poll = 1; ; poll++)
            {
                var left = policy.Budget - clock.Elapsed;
                await Task.Delay(delay < left ? delay : (left > TimeSpan.Zero ? left : TimeSpan.Zero), operation.Cancellation).ConfigureAwait(false);
                var page = (await api.GetAsync<OrganizationPublicApiUsageResultsResponseDto>(firstPage, ResultsModel, Permission, operation).ConfigureAwait(false))!;
                var state = page.QueryStatus;
                switch (state)
                {
                    case "Succeeded":
                        operation.Host.Verbose($"Usage query job {jobId} succeeded after {poll} polls in {clock.Elapsed.TotalSeconds:0.#} s");
                        return page;
                    case "Failed":
                    case "Cancelled":
                        throw new GenesysApiException(
                            ApiFailureKind.QueryJobFailed,
                            $"The usage query job {jobId} ended {state}" + (string.IsNullOrEmpty(page.ErrorBody?.Message) ? " without saying why" : $": {page.ErrorBody!.Message}") + ". No usage was read.",
                            new ApiRequestDescription("GET", "api", JobsPath + "/" + jobId))
                        {
                            QueryJobId = jobId,
                            QueryJobState = state,
                            ApiCode = page.ErrorBody?.Code,
                            ApiMessage = page.ErrorBody?.Message,
                            CorrelationId = page.ErrorBody?.ContextId,
                        };
                    case "Queued":
                    case "Running":
                        break;
                    default:
                        throw Invalid($"The usage query job {jobId} has queryStatus '{state ?? "none"}', which is none of Queued, Running, Succeeded, Failed or Cancelled", JobsPath + "/" + jobId);
                }

                status?.Invoke($"Usage query job {jobId}: {state} after {clock.Elapsed.TotalSeconds:0} s (poll {poll})");
                if (clock.Elapsed >= policy.Budget)
                {
                    throw new GenesysApiException(
                        ApiFailureKind.QueryJobTimedOut,
                        $"The usage query job {jobId} was still {state} after {clock.Elapsed.TotalSeconds:0.#} s ({poll} polls), the time allowed for one job; stopped waiting. No usage was read.",
                        new ApiRequestDescription("GET", "api", JobsPath + "/" + jobId))
                    {
                        QueryJobId = jobId,
                        QueryJobState = state,
                        Elapsed = clock.Elapsed,
                    };
                }

                delay = policy.Next(delay);
            }
        }

        private static IEnumerable<UsageRow> RowsOf(OrganizationPublicApiUsageResultsResponseDto page, UsageInterval interval, string jobPath, string pageUri)
        {
            var rows = new List<UsageRow>();
            foreach (var entity in ListingPages.EntitiesOf(page.Entities, jobPath, pageUri))
            {
                var clientId = entity.OauthClient?.Id;
                if (string.IsNullOrWhiteSpace(clientId))
                {
                    throw Invalid($"The usage query result page {pageUri} has a row without 'oauthClient.id', though the query grouped by OauthClientId", jobPath);
                }

                if (!TryParseDay(entity.Date, out var day) || !interval.Contains(day))
                {
                    throw Invalid($"The usage query result page {pageUri} has a row for client '{clientId}' dated '{entity.Date ?? "none"}', not a day of the interval {interval}", jobPath);
                }

                rows.Add(new UsageRow(clientId!, day, Count(entity.RequestCount, "requestCount"), Count(entity.Status200, "status200"), Count(entity.Status300, "status300"),
                    Count(entity.Status400, "status400"), Count(entity.Status429, "status429"), Count(entity.Status500, "status500")));

                long Count(long? value, string field) => value >= 0 || value == null
                    ? value ?? 0
                    : throw Invalid($"The usage query result page {pageUri} has '{field}' {value} for client '{clientId}'; counts are not negative", jobPath);
            }

            return rows;
        }

        /// <summary>yyyy-MM-dd as the API documents it (a midnight UTC timestamp is read as its day).</summary>
        private static bool TryParseDay(string? text, out DateTime day)
        {
            var parsed = DateTime.TryParseExact(text, new[] { "yyyy-MM-dd", "yyyy-MM-dd'T'00:00:00'Z'", "yyyy-MM-dd'T'00:00:00.000'Z'" }, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out day);
            day = DateTime.SpecifyKind(day.Date, DateTimeKind.Utc);
            return parsed;
        }

        private static GenesysApiException Invalid(string what, string path) =>
            new GenesysApiException(
                ApiFailureKind.InvalidResponse,
                what + ". No usage from this query was used. A proxy or gateway may have answered instead of Genesys Cloud; check the API address and try again.",
                new ApiRequestDescription("GET", "api", path));
    }
}
