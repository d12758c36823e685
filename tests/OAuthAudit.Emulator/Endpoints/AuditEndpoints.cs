using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Endpoints;

/// <summary>
/// The audit query API: the service mapping, POST /api/v2/audits/query (interval at most 30 days, starting at
/// most a year ago, a service the mapping lists), its transaction's state, and its results paged by cursor.
/// </summary>
internal static class AuditEndpoints
{
    public const string QueryPath = "/api/v2/audits/query";
    public const string Permission = "audits:audit:view";
    public const int MaxIntervalDays = 30;
    public const int MaxPageSize = 500;
    private const int DefaultPageSize = 25;
    private static readonly string[] FilterProperties = ["UserId", "TrusteeOrganizationId", "ClientId", "Action", "EntityType", "EntityId"];

    public static IEnumerable<ApiRoute> Routes(EmulatorOrganization organization, EmulatorKnobs knobs, TimeProvider time)
    {
        var transactions = new AuditTransactions();
        yield return new ApiRoute(QueryPath + "/servicemapping", Permission, _ =>
            EmulatorResponse.Json(200, new JObject { ["services"] = new JArray(organization.AuditServices.Select(service => service.DeepClone())) }));
        yield return new ApiRoute(QueryPath, Permission, call => Create(organization, knobs.AuditQuery, transactions, time, call), method: "POST");
        yield return new ApiRoute(QueryPath + "/{transactionId}", Permission, call => Status(transactions, call));
        yield return new ApiRoute(QueryPath + "/{transactionId}/results", Permission, call => Results(transactions, knobs.AuditQuery, call));
    }

    private static EmulatorResponse Create(EmulatorOrganization organization, AuditQueryKnob knob, AuditTransactions transactions, TimeProvider time, ApiCall call)
    {
        JObject body;
        try
        {
            body = JObject.Parse(call.Body);
        }
        catch (JsonReaderException)
        {
            return BadRequest("The request body is not a JSON object.", call);
        }

        var now = time.GetUtcNow();
        if (!TryInterval((string?)body["interval"], now, out var start, out var end, out var problem))
        {
            return BadRequest(problem!, call);
        }

        var service = (string?)body["serviceName"];
        if (service is null || !organization.AuditServices.Any(known => (string?)known["name"] == service))
        {
            return BadRequest($"serviceName '{service ?? "(none)"}' is not a service of /api/v2/audits/query/servicemapping.", call);
        }

        var filters = new List<(string Property, string Value)>();
        foreach (var filter in body["filters"] as JArray ?? [])
        {
            var property = (string?)filter["property"];
            var value = (string?)filter["value"];
            if (property is null || value is null || !FilterProperties.Contains(property))
            {
                return BadRequest($"A filter needs a property of {string.Join(", ", FilterProperties)} and a value; got '{filter.ToString(Formatting.None)}'.", call);
            }

            filters.Add((property, value));
        }

        var results = organization.AuditMessages
            .Where(message => (string?)message["serviceName"] == service)
            .Where(message => DateTimeOffset.Parse((string)message["eventDate"]!, CultureInfo.InvariantCulture) is var when && when >= start && when < end)
            .Where(message => filters.All(filter => Matches(message, filter.Property, filter.Value)))
            .OrderBy(message => DateTimeOffset.Parse((string)message["eventDate"]!, CultureInfo.InvariantCulture))
            .Select(message => (JObject)message.DeepClone())
            .ToArray();
        var transaction = transactions.Create(body, results, knob.Outcome, knob.PollsToFinish, now);
        return EmulatorResponse.Json(200, StatusBody(transaction));
    }

    private static EmulatorResponse Status(AuditTransactions transactions, ApiCall call)
    {
        var transaction = transactions.Find(call.RouteValues["transactionId"]);
        if (transaction is null)
        {
            return EmulatorResponse.Json(404, ErrorBodies.NotFound(call.ContextId));
        }

        transaction.Poll();
        return EmulatorResponse.Json(200, StatusBody(transaction));
    }

    private static EmulatorResponse Results(AuditTransactions transactions, AuditQueryKnob knob, ApiCall call)
    {
        var transaction = transactions.Find(call.RouteValues["transactionId"]);
        if (transaction is null)
        {
            return EmulatorResponse.Json(404, ErrorBodies.NotFound(call.ContextId));
        }

        if (transaction.State != "Succeeded")
        {
            return BadRequest($"The audit query {transaction.Id} is {transaction.State}; its results can be read once it Succeeded.", call);
        }

        var pageSize = DefaultPageSize;
        var sizeText = call.Query["pageSize"].ToString();
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            return BadRequest($"pageSize must be 1 to {MaxPageSize}, not '{sizeText}'.", call);
        }

        var offset = 0;
        var cursor = call.Query["cursor"].ToString();
        if (cursor.Length > 0 && !TryReadCursor(cursor, transaction.Id, out offset))
        {
            return BadRequest($"The cursor '{cursor}' is not one this query gave.", call);
        }

        var size = Math.Min(pageSize, knob.MaxPageSize);
        var page = transaction.Results.Skip(offset).Take(size).Select(message => message.DeepClone());
        var answer = new JObject
        {
            ["id"] = transaction.Id,
            ["pageSize"] = size,
            ["entities"] = new JArray(page),
        };
        if (offset + size < transaction.Results.Count)
        {
            answer["cursor"] = WriteCursor(transaction.Id, offset + size);
        }

        return EmulatorResponse.Json(200, answer);
    }

    private static JObject StatusBody(AuditTransaction transaction) => new()
    {
        ["id"] = transaction.Id,
        ["state"] = transaction.State,
        ["startDate"] = transaction.StartDate.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["interval"] = transaction.Request["interval"]?.DeepClone(),
        ["serviceName"] = transaction.Request["serviceName"]?.DeepClone(),
        ["filters"] = transaction.Request["filters"]?.DeepClone() ?? new JArray(),
        ["sort"] = transaction.Request["sort"]?.DeepClone() ?? new JArray(),
    };

    /// <summary>"start/end", ISO-8601; end after start, at most 30 days apart; start no more than a year (and a day's slack) back.</summary>
    private static bool TryInterval(string? interval, DateTimeOffset now, out DateTimeOffset start, out DateTimeOffset end, out string? problem)
    {
        start = end = default;
        problem = null;
        var parts = interval?.Split('/') ?? [];
        if (parts.Length != 2
            || !DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start)
            || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end))
        {
            problem = $"interval '{interval ?? "(none)"}' is not an ISO-8601 interval such as 2026-11-01T00:00:00Z/2026-12-01T00:00:00Z.";
            return false;
        }

        if (end <= start)
        {
            problem = $"interval '{interval}' ends before it starts.";
        }
        else if (end - start > TimeSpan.FromDays(MaxIntervalDays))
        {
            problem = $"interval '{interval}' is longer than {MaxIntervalDays} days.";
        }
        else if (start < now.AddDays(-366))
        {
            problem = $"interval '{interval}' starts more than a year ago; audits are kept for a year.";
        }

        return problem is null;
    }

    private static bool Matches(JObject message, string property, string value) => property switch
    {
        "EntityType" => (string?)message["entityType"] == value,
        "EntityId" => (string?)message["entity"]?["id"] == value,
        "Action" => (string?)message["action"] == value,
        "UserId" => (string?)message["user"]?["id"] == value,
        "ClientId" => (string?)message["client"]?["id"] == value,
        _ => (string?)message["userHomeOrgId"] == value,
    };

    private static string WriteCursor(string transactionId, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{transactionId}:{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static bool TryReadCursor(string cursor, string transactionId, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var separator = text.LastIndexOf(':');
            return separator > 0 && text[..separator] == transactionId
                && int.TryParse(text[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static EmulatorResponse BadRequest(string message, ApiCall call) => EmulatorResponse.Json(400, ErrorBodies.BadRequest(message, call.ContextId));
}
