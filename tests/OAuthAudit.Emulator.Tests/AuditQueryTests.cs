using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

/// <summary>The audit query API: service mapping, transactions (queued, running, ended), cursor-paged results, bad intervals.</summary>
public sealed class AuditQueryTests
{
    private const string SalesforceDataSync = "a6a37358-3843-5a5b-8a95-ef2118430742";

    [Fact]
    public async Task The_service_mapping_names_the_service_that_audits_OAuthClient()
    {
        await using var session = await DemoSessionAsync();

        using var response = await session.GetAuthorizedAsync("/api/v2/audits/query/servicemapping");

        var services = (JArray)(await EmulatorSession.JsonAsync(response))["services"]!;
        var auditing = services.Where(service => service["entities"]!.Any(entity => (string?)entity["name"] == "OAuthClient")).Select(service => (string?)service["name"]);
        Assert.Equal(new[] { "PeoplePermissions" }, auditing);
    }

    [Fact]
    public async Task A_transaction_is_queued_then_running_then_succeeded_and_its_results_come_by_cursor()
    {
        await using var session = await DemoSessionAsync();
        session.Emulator.Knobs.AuditQuery.MaxPageSize = 2;
        var token = await session.TokenAsync();

        var created = await PostAsync(session, token, Query(days: 30));
        Assert.Equal("Queued", (string?)created["state"]);
        var id = (string)created["id"]!;
        Assert.Equal("Running", (string?)(await JsonAsync(session, $"/api/v2/audits/query/{id}", token))["state"]);
        Assert.Equal("Succeeded", (string?)(await JsonAsync(session, $"/api/v2/audits/query/{id}", token))["state"]);

        var first = await JsonAsync(session, $"/api/v2/audits/query/{id}/results?pageSize=500", token);
        var cursor = (string)first["cursor"]!;
        var second = await JsonAsync(session, $"/api/v2/audits/query/{id}/results?cursor={Uri.EscapeDataString(cursor)}&pageSize=500", token);
        var messages = first["entities"]!.Concat(second["entities"]!).ToArray();

        Assert.Equal(2, first["entities"]!.Count());
        Assert.Null(second["cursor"]);
        Assert.All(messages, message => Assert.Equal("OAuthClient", (string?)message["entityType"]));
        Assert.Equal(
            new[] { "Update Salesforce Data Sync", "Update Old Call Recorder Bridge", "Update Salesforce Data Sync", "Update Internal Dashboard (dev)" },
            messages.Select(message => (string?)message["action"] + " " + (string?)message["entity"]!["name"]));
    }

    [Fact]
    public async Task An_entity_id_filter_keeps_only_that_client()
    {
        await using var session = await DemoSessionAsync();
        var token = await session.TokenAsync();

        var id = (string)(await PostAsync(session, token, Query(days: 30, entityId: SalesforceDataSync)))["id"]!;
        await JsonAsync(session, $"/api/v2/audits/query/{id}", token);
        await JsonAsync(session, $"/api/v2/audits/query/{id}", token);
        var results = await JsonAsync(session, $"/api/v2/audits/query/{id}/results", token);

        Assert.Equal(2, results["entities"]!.Count());
        Assert.All(results["entities"]!, message => Assert.Equal(SalesforceDataSync, (string?)message["entity"]!["id"]));
    }

    [Theory]
    [InlineData(AuditQueryOutcome.Failed, "Failed")]
    [InlineData(AuditQueryOutcome.Cancelled, "Cancelled")]
    [InlineData(AuditQueryOutcome.NeverFinishes, "Running")]
    public async Task A_transaction_can_fail_be_cancelled_or_never_finish(AuditQueryOutcome outcome, string finalState)
    {
        await using var session = await DemoSessionAsync();
        session.Emulator.Knobs.AuditQuery.Outcome = outcome;
        var token = await session.TokenAsync();

        var id = (string)(await PostAsync(session, token, Query(days: 7)))["id"]!;
        var state = string.Empty;
        for (var poll = 0; poll < 6; poll++)
        {
            state = (string)(await JsonAsync(session, $"/api/v2/audits/query/{id}", token))["state"]!;
        }

        using var results = await session.GetAsync($"/api/v2/audits/query/{id}/results", token);
        Assert.Equal(finalState, state);
        Assert.Equal(HttpStatusCode.BadRequest, results.StatusCode);
    }

    [Theory]
    [InlineData(31, 0, "longer than 30 days")]
    [InlineData(20, 380, "more than a year ago")]
    [InlineData(-1, 0, "ends before it starts")]
    public async Task A_bad_interval_is_400(int lengthDays, int startDaysAgo, string expected)
    {
        await using var session = await DemoSessionAsync();
        var token = await session.TokenAsync();
        var end = DateTime.UtcNow.AddDays(-startDaysAgo + lengthDays);
        var start = DateTime.UtcNow.AddDays(-startDaysAgo);
        var body = new JObject { ["interval"] = Interval(start, end), ["serviceName"] = "PeoplePermissions" };

        using var response = await SendPostAsync(session, token, body.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string?)(await EmulatorSession.JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task A_malformed_interval_or_unknown_service_is_400()
    {
        await using var session = await DemoSessionAsync();
        var token = await session.TokenAsync();

        using var malformed = await SendPostAsync(session, token, """{"interval":"last week","serviceName":"PeoplePermissions"}""");
        using var unknown = await SendPostAsync(session, token, new JObject { ["interval"] = Interval(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow), ["serviceName"] = "Nope" }.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_query_path_takes_only_POST_and_the_transaction_paths_only_GET()
    {
        await using var session = await DemoSessionAsync();
        var token = await session.TokenAsync();

        using var get = await session.GetAsync("/api/v2/audits/query", token);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(session.Emulator.ApiBaseUri, "api/v2/audits/query/servicemapping"));
        delete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var deleted = await session.Http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, deleted.StatusCode);
    }

    [Fact]
    public async Task The_query_needs_audits_audit_view()
    {
        await using var session = await DemoSessionAsync();
        var reader = new EmulatorCredential { Permissions = ["oauth:client:view"] };
        session.Emulator.Credentials.Add(reader);

        using var response = await SendPostAsync(session, await session.TokenAsync(reader), Query(days: 1).ToString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("audits:audit:view", (string?)(await EmulatorSession.JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task A_poll_can_be_rate_limited_with_Retry_After()
    {
        await using var session = await DemoSessionAsync();
        var token = await session.TokenAsync();
        var id = (string)(await PostAsync(session, token, Query(days: 1)))["id"]!;
        session.Emulator.Faults.Enqueue(new Fault("/api/v2/audits/query/" + id, 429) { RetryAfter = TimeSpan.FromSeconds(1) });

        using var limited = await session.GetAsync($"/api/v2/audits/query/{id}", token);
        var after = await JsonAsync(session, $"/api/v2/audits/query/{id}", token);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("Running", (string?)after["state"]);
    }

    private static async Task<EmulatorSession> DemoSessionAsync() =>
        await EmulatorSession.StartAsync(EmulatorOrganization.FromSnapshotFile(FindUp(Path.Combine("samples", "demo-org.json"))));

    private static JObject Query(int days, string? entityId = null)
    {
        var filters = new JArray(new JObject { ["property"] = "EntityType", ["value"] = "OAuthClient" });
        if (entityId != null)
        {
            filters.Add(new JObject { ["property"] = "EntityId", ["value"] = entityId });
        }

        return new JObject
        {
            ["interval"] = Interval(DateTime.UtcNow.AddDays(-days), DateTime.UtcNow),
            ["serviceName"] = "PeoplePermissions",
            ["filters"] = filters,
            ["sort"] = new JArray(new JObject { ["name"] = "Timestamp", ["sortOrder"] = "ascending" }),
        };
    }

    private static string Interval(DateTime start, DateTime end) =>
        start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + "/" + end.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task<JObject> PostAsync(EmulatorSession session, string token, JObject body)
    {
        using var response = await SendPostAsync(session, token, body.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorSession.JsonAsync(response);
    }

    private static async Task<HttpResponseMessage> SendPostAsync(EmulatorSession session, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.Emulator.ApiBaseUri, "api/v2/audits/query"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await session.Http.SendAsync(request);
    }

    private static async Task<JObject> JsonAsync(EmulatorSession session, string path, string token)
    {
        using var response = await session.GetAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorSession.JsonAsync(response);
    }

    private static string FindUp(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }
}
