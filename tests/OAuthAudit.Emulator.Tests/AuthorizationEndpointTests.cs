using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

public sealed class AuthorizationEndpointTests
{
    [Fact]
    public async Task Roles_page_through_a_next_uri_chain()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(roles: 5));
        var token = await session.TokenAsync();

        var pages = await OAuthEndpointTests.FollowNextUris(session, token, "/api/v2/authorization/roles?pageSize=2");

        Assert.Equal(3, pages.Count);
        Assert.Equal(Enumerable.Range(1, 5).Select(TestOrganization.RoleId), pages.SelectMany(TestOrganization.Ids));
        Assert.Equal(
            ["entities", "pageSize", "pageNumber", "total", "firstUri", "selfUri", "nextUri", "lastUri", "pageCount"],
            pages[0].Properties().Select(p => p.Name));
        Assert.Equal("/api/v2/authorization/roles?pageSize=2&pageNumber=2", (string?)pages[0]["nextUri"]);
        Assert.Equal("/api/v2/authorization/roles?pageSize=2&pageNumber=3", (string?)pages[1]["nextUri"]);
        Assert.Null(pages[2]["nextUri"]);
        Assert.Equal("/api/v2/authorization/roles?pageSize=2&pageNumber=2", (string?)pages[2]["previousUri"]);
        Assert.All(pages, p =>
        {
            Assert.Equal(5, (int)p["total"]!);
            Assert.Equal(3, (int)p["pageCount"]!);
            Assert.Equal(2, (int)p["pageSize"]!);
            Assert.Equal("/api/v2/authorization/roles?pageSize=2&pageNumber=1", (string?)p["firstUri"]);
            Assert.Equal("/api/v2/authorization/roles?pageSize=2&pageNumber=3", (string?)p["lastUri"]);
        });
        Assert.Equal([1, 2, 3], pages.Select(p => (int)p["pageNumber"]!));
    }

    [Fact]
    public async Task The_permission_catalogue_is_served_in_the_api_shape_paged_and_needs_no_permission()
    {
        var organization = TestOrganization.Create();
        organization.Permissions = Enumerable.Range(1, 30).Select(n => JObject.FromObject(new
        {
            domain = $"domain{n:00}",
            permissionMap = new JObject { ["thing"] = new JArray(JObject.FromObject(new { domain = $"domain{n:00}", entityType = "thing", action = "view", label = "View", allowsConditions = false, divisionAware = n % 2 == 0 })) },
        })).ToList();
        await using var session = await EmulatorSession.StartAsync(organization);
        var token = await session.TokenAsync(session.Emulator.Credentials.Add());

        using var first = await session.GetAsync("/api/v2/authorization/permissions", token);
        using var second = await session.GetAsync("/api/v2/authorization/permissions?pageSize=25&pageNumber=2", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await EmulatorSession.JsonAsync(first);
        Assert.Equal(25, ((JArray)page["entities"]!).Count);
        Assert.Equal(2, (int)page["pageCount"]!);
        Assert.Equal("/api/v2/authorization/permissions?pageSize=25&pageNumber=2", (string?)page["nextUri"]);
        var permission = page["entities"]![1]!["permissionMap"]!["thing"]![0]!;
        Assert.Equal(["domain", "entityType", "action", "label", "allowsConditions", "divisionAware"], ((JObject)permission).Properties().Select(p => p.Name));
        Assert.True((bool)permission["divisionAware"]!);
        var rest = await EmulatorSession.JsonAsync(second);
        Assert.Equal(["domain26", "domain27", "domain28", "domain29", "domain30"], ((JArray)rest["entities"]!).Select(e => (string?)e["domain"]));
        Assert.Null(rest["nextUri"]);
    }

    [Fact]
    public async Task Repeated_id_parameters_return_only_those_roles_paged_with_the_filter_in_their_uris()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(roles: 30));
        var ids = new[] { 3, 7, 12, 29 }.Select(TestOrganization.RoleId).ToArray();
        var filter = string.Concat(ids.Select(id => "&id=" + id)) + "&id=no-such-role";

        using var first = await session.GetAuthorizedAsync("/api/v2/authorization/roles?pageSize=3" + filter);
        using var second = await session.GetAuthorizedAsync("/api/v2/authorization/roles?pageSize=3&pageNumber=2" + filter);

        var page = await EmulatorSession.JsonAsync(first);
        Assert.Equal(ids.Take(3), TestOrganization.Ids(page));
        Assert.Equal(4, (int)page["total"]!);
        Assert.Equal(2, (int)page["pageCount"]!);
        Assert.Equal("/api/v2/authorization/roles?pageSize=3&pageNumber=2" + filter, (string?)page["nextUri"]);
        Assert.Equal(ids.Skip(3), TestOrganization.Ids(await EmulatorSession.JsonAsync(second)));
    }

    [Fact]
    public async Task The_id_filter_can_be_refused_with_a_400_in_the_error_shape()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(roles: 3));
        session.Emulator.Knobs.RefuseRoleIdFilter = true;

        using var filtered = await session.GetAuthorizedAsync("/api/v2/authorization/roles?id=" + TestOrganization.RoleId(1));
        using var unfiltered = await session.GetAuthorizedAsync("/api/v2/authorization/roles");

        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        var error = await EmulatorSession.JsonAsync(filtered);
        Assert.Equal("bad.request", (string?)error["code"]);
        Assert.Equal(400, (int)error["status"]!);
        Assert.Equal(HttpStatusCode.OK, unfiltered.StatusCode);
    }

    [Fact]
    public async Task Roles_default_to_25_per_page()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(roles: 30));

        using var response = await session.GetAuthorizedAsync("/api/v2/authorization/roles");

        var listing = await EmulatorSession.JsonAsync(response);
        Assert.Equal(25, ((JArray)listing["entities"]!).Count);
        Assert.Equal(2, (int)listing["pageCount"]!);
        Assert.Equal("/api/v2/authorization/roles?pageSize=25&pageNumber=2", (string?)listing["nextUri"]);
    }

    [Theory]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=0")]
    [InlineData("pageNumber=0")]
    [InlineData("pageNumber=-1")]
    [InlineData("pageNumber=abc")]
    public async Task Invalid_paging_is_400_bad_request(string query)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.GetAuthorizedAsync($"/api/v2/authorization/roles?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EmulatorSession.JsonAsync(response);
        Assert.Equal("bad.request", (string?)body["code"]);
        Assert.Equal(400, (int)body["status"]!);
    }

    [Fact]
    public async Task Page_past_the_end_is_empty_without_next_uri()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(roles: 5));

        using var response = await session.GetAuthorizedAsync("/api/v2/authorization/roles?pageSize=2&pageNumber=7");

        var listing = await EmulatorSession.JsonAsync(response);
        Assert.Empty((JArray)listing["entities"]!);
        Assert.Null(listing["nextUri"]);
        Assert.Equal(7, (int)listing["pageNumber"]!);
    }

    [Fact]
    public async Task Divisions_are_paged_and_retrievable_by_id()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(divisions: 3));
        var token = await session.TokenAsync();

        using var listingResponse = await session.GetAsync("/api/v2/authorization/divisions", token);
        using var home = await session.GetAsync($"/api/v2/authorization/divisions/{TestOrganization.HomeDivisionId}", token);

        var listing = await EmulatorSession.JsonAsync(listingResponse);
        Assert.Equal(3, (int)listing["total"]!);
        Assert.Equal(1, (int)listing["pageCount"]!);
        Assert.Null(listing["nextUri"]);
        Assert.True((bool)(await EmulatorSession.JsonAsync(home))["homeDivision"]!);
    }
}
