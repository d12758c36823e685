using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Endpoints;

/// <summary>
/// The organization usage query jobs: POST /api/v2/usage/aggregates/query/jobs (OrganizationPublicApiUsageQueryRequest,
/// answered 202 with an OrganizationUsageQueryResponse) and GET .../jobs/{jobId} (OrganizationPublicApiUsageResultsResponse:
/// queryStatus Queued, Running, then Succeeded with the rows paged by pageSize and an <c>after</c> cursor in nextUri).
/// Rows are one per client per day with requests, from the organization's <see cref="EmulatorOrganization.Usage"/> seeds.
/// </summary>
internal static class UsageEndpoints
{
    public const string JobsPath = "/api/v2/usage/aggregates/query/jobs";
    public const string Permission = "usage:organization:view";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxIntervalDays = 90;

    private static readonly string[] Granularities = ["Day", "Week", "Month"];
    private static readonly string[] Metrics = ["Requests", "Status200", "Status300", "Status400", "Status429", "Status500"];
    private static readonly string[] GroupBys = ["OauthClientName", "OauthClientId", "UserId", "HttpMethod", "TemplateUri", "Platform"];

    public static IEnumerable<ApiRoute> Routes(EmulatorOrganization organization, EmulatorKnobs knobs, TimeProvider time)
    {
        var jobs = new ConcurrentDictionary<string, UsageJob>(StringComparer.Ordinal);
        yield return new ApiRoute(JobsPath, Permission, call => Start(organization, knobs.UsageJobs, time, jobs, call), "POST");
        yield return new ApiRoute(JobsPath + "/{jobId}", Permission, call => Poll(knobs.UsageJobs, jobs, call));
    }

    private static EmulatorResponse Start(EmulatorOrganization organization, UsageJobKnob knob, TimeProvider time, ConcurrentDictionary<string, UsageJob> jobs, ApiCall call)
    {
        JObject query;
        try
        {
            query = JObject.Parse(call.Body);
        }
        catch (JsonReaderException)
        {
            return BadRequest("The request body is not a JSON object (OrganizationPublicApiUsageQueryRequest).", call);
        }

        var today = time.GetUtcNow().UtcDateTime.Date;
        var interval = (string?)query["interval"];
        if (!TryParseInterval(interval, out var first, out var last))
        {
            return BadRequest($"Invalid interval [{interval}]: expected an ISO-8601 interval such as 2026-09-03T00:00:00Z/2026-12-01T23:59:59Z.", call);
        }

        if (last < first)
        {
            return BadRequest($"Invalid interval [{interval}]: the end is before the start.", call);
        }

        if (last.Date - first.Date >= TimeSpan.FromDays(MaxIntervalDays))
        {
            return BadRequest($"Invalid interval [{interval}]: the end date cannot be more than {MaxIntervalDays} days after the start date.", call);
        }

        if (first.Date < today.AddYears(-1))
        {
            return BadRequest($"Invalid interval [{interval}]: the start date cannot be more than a year ago.", call);
        }

        var granularity = (string?)query["granularity"];
        if (granularity is not null && !Granularities.Contains(granularity, StringComparer.Ordinal))
        {
            return BadRequest($"Invalid granularity [{granularity}]. Allowable values are: {string.Join(", ", Granularities)}.", call);
        }

        if (granularity != "Day")
        {
            return BadRequest("This emulator answers usage queries with granularity Day only.", call);
        }

        var unknown = Strings(query["metrics"]).Concat(Strings(query["groupBy"])).FirstOrDefault(value => !Metrics.Contains(value, StringComparer.Ordinal) && !GroupBys.Contains(value, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return BadRequest($"Invalid value [{unknown}] in metrics or groupBy.", call);
        }

        if (!Strings(query["groupBy"]).SequenceEqual(["OauthClientId"]))
        {
            return BadRequest("This emulator answers usage queries grouped by [OauthClientId] only.", call);
        }

        var outcome = knob.StayRunning ? "Running" : knob.TakeFail() ? "Failed" : knob.TakeCancel() ? "Cancelled" : "Succeeded";
        var job = new UsageJob(Guid.NewGuid().ToString(), Rows(organization, first.Date, last.Date, today), outcome, knob.PollsToSucceed);
        jobs[job.Id] = job;
        var uri = JobsPath + "/" + job.Id;
        return EmulatorResponse.Json(202, new JObject { ["id"] = job.Id, ["resultsUri"] = uri, ["selfUri"] = uri });
    }

    private static EmulatorResponse Poll(UsageJobKnob knob, ConcurrentDictionary<string, UsageJob> jobs, ApiCall call)
    {
        if (!jobs.TryGetValue(call.RouteValues["jobId"], out var job))
        {
            return EmulatorResponse.Json(404, ErrorBodies.NotFound(call.ContextId));
        }

        if (!TryReadPageSize(call, out var pageSize, out var error))
        {
            return BadRequest(error!, call);
        }

        var state = job.Poll();
        var self = JobsPath + "/" + job.Id;
        if (state is "Queued" or "Running" && knob.TakeThrottle())
        {
            return EmulatorResponse.Json(429, ErrorBodies.TooManyRequests(1, 1, call.ContextId)).WithHeader("Retry-After", "1");
        }

        if (state != "Succeeded")
        {
            var answer = new JObject { ["queryStatus"] = state, ["selfUri"] = self };
            if (state == "Failed")
            {
                answer["errorBody"] = ErrorBodies.Create(500, "usage.query.failed", "The usage query could not be completed.", call.ContextId);
            }

            return EmulatorResponse.Json(200, answer);
        }

        var offset = 0;
        if (call.Query.TryGetValue("after", out var after) && !TryReadCursor(after.ToString(), job.Rows.Count, out offset))
        {
            return BadRequest($"Invalid value [{after}] for query parameter [after].", call);
        }

        var page = new JObject
        {
            ["queryStatus"] = "Succeeded",
            ["entities"] = new JArray(job.Rows.Skip(offset).Take(pageSize).Select(Row)),
            ["selfUri"] = self,
        };
        if (offset + pageSize < job.Rows.Count)
        {
            page["nextUri"] = string.Create(CultureInfo.InvariantCulture, $"{self}?pageSize={pageSize}&after={Cursor(offset + pageSize)}");
        }

        return EmulatorResponse.Json(200, page);
    }

    /// <summary>One row per client per day with requests, by day and then in listing order, as a job lists them (kept small; written per page).</summary>
    private static List<(string Id, DateTime Day, UsageSeed Seed)> Rows(EmulatorOrganization organization, DateTime first, DateTime last, DateTime today)
    {
        var rows = new List<(string Id, DateTime Day, UsageSeed Seed)>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var daysAgo = (int)(today - day).TotalDays;
            foreach (var client in organization.Clients)
            {
                var id = (string?)client["id"] ?? string.Empty;
                var seed = organization.Usage.TryGetValue(id, out var given) ? given : UsageSeed.Derived(id);
                UsageSeed.Check(seed);
                if (!seed.UsedOn(daysAgo))
                {
                    continue;
                }

                rows.Add((id, day, seed));
            }
        }

        return rows;
    }

    /// <summary>An OrganizationPublicApiUsage; a 429 is also a 4xx, so it counts in status400 too.</summary>
    private static JObject Row((string Id, DateTime Day, UsageSeed Seed) row) => new()
    {
        ["date"] = row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["requestCount"] = row.Seed.RequestsPerDay,
        ["status200"] = row.Seed.RequestsPerDay - row.Seed.ThrottledPerDay,
        ["status300"] = 0,
        ["status400"] = row.Seed.ThrottledPerDay,
        ["status429"] = row.Seed.ThrottledPerDay,
        ["status500"] = 0,
        ["oauthClient"] = new JObject { ["id"] = row.Id, ["selfUri"] = "/api/v2/oauth/clients/" + row.Id },
    };

    private static bool TryParseInterval(string? interval, out DateTime first, out DateTime last)
    {
        first = last = default;
        var parts = interval?.Split('/');
        return parts is { Length: 2 }
            && DateTime.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out first)
            && DateTime.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out last);
    }

    private static IEnumerable<string> Strings(JToken? token) =>
        token is JArray array ? array.Select(item => item.Type == JTokenType.String ? (string)item! : item.ToString(Formatting.None)) : [];

    private static bool TryReadPageSize(ApiCall call, out int pageSize, out string? error)
    {
        pageSize = DefaultPageSize;
        error = null;
        if (!call.Query.TryGetValue("pageSize", out var raw))
        {
            return true;
        }

        if (int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxPageSize)
        {
            return true;
        }

        error = $"Value [{raw}] is not valid for query parameter [pageSize]. Allowable values are: 1 to {MaxPageSize}.";
        return false;
    }

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("row:" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static bool TryReadCursor(string cursor, int rows, out int offset)
    {
        offset = 0;
        try
        {
            var padded = cursor + new string('=', (4 - cursor.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("row:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out offset)
                && offset > 0 && offset < rows;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static EmulatorResponse BadRequest(string message, ApiCall call) =>
        EmulatorResponse.Json(400, ErrorBodies.BadRequest(message, call.ContextId));

    private sealed class UsageJob(string id, List<(string Id, DateTime Day, UsageSeed Seed)> rows, string outcome, int pollsToSucceed)
    {
        private int _polls;

        public string Id { get; } = id;

        public List<(string Id, DateTime Day, UsageSeed Seed)> Rows { get; } = rows;

        public int Polls => Volatile.Read(ref _polls);

        /// <summary>Queued on the first poll (unless it finishes at once), Running until the poll that finishes it, then its outcome for good.</summary>
        public string Poll()
        {
            var poll = Interlocked.Increment(ref _polls);
            return outcome == "Running" ? (poll == 1 ? "Queued" : "Running")
                : poll >= pollsToSucceed ? outcome
                : poll == 1 ? "Queued"
                : "Running";
        }
    }
}
