using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

public sealed class OAuthEndpointTests
{
    [Fact]
    public async Task Client_listing_is_one_page_of_every_client_as_seeded()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(clients: 30));

        using var response = await session.GetAuthorizedAsync("/api/v2/oauth/clients");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listing = await EmulatorSession.JsonAsync(response);
        Assert.Equal(
            ["entities", "pageSize", "pageNumber", "total", "firstUri", "selfUri", "lastUri", "pageCount"],
            listing.Properties().Select(p => p.Name));
        Assert.Equal(30, ((JArray)listing["entities"]!).Count);
        Assert.Equal(30, (int)listing["total"]!);
        Assert.Equal(1, (int)listing["pageNumber"]!);
        Assert.Equal(1, (int)listing["pageCount"]!);
        Assert.StartsWith("/api/v2/oauth/clients", (string?)listing["selfUri"]);

        var first = (JObject)listing["entities"]![0]!;
        Assert.True(JToken.DeepEquals(session.Emulator.Organization.Clients[0], first));
        Assert.Equal("legacy-secret-returned-by-an-older-api", (string?)first["secret"]);
        Assert.Equal("2024-03-01T09:30:00.000Z", (string?)first["dateCreated"]);
    }

    [Fact]
    public async Task Clients_page_size_knob_forces_a_next_uri_chain()
    {
        await using var session = await EmulatorSession.StartAsync(TestOrganization.Create(clients: 5));
        session.Emulator.Knobs.ClientsPageSize = 2;
        var token = await session.TokenAsync();

        var pages = await FollowNextUris(session, token, "/api/v2/oauth/clients");

        Assert.Equal(3, pages.Count);
        Assert.Equal(Enumerable.Range(1, 5).Select(TestOrganization.ClientId), pages.SelectMany(TestOrganization.Ids));
        Assert.Equal("/api/v2/oauth/clients?pageSize=2&pageNumber=2", (string?)pages[0]["nextUri"]);
        Assert.All(pages, p => Assert.Equal(3, (int)p["pageCount"]!));
        Assert.Null(pages[^1]["nextUri"]);
    }

    [Fact]
    public async Task The_seed_serves_a_saml2_bearer_client_and_a_roleids_only_client_in_the_api_shape()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();

        using var saml = await session.GetAsync($"/api/v2/oauth/clients/{TestOrganization.ClientId(TestOrganization.Saml2BearerClient)}", token);
        using var legacy = await session.GetAsync($"/api/v2/oauth/clients/{TestOrganization.ClientId(TestOrganization.RoleIdsOnlyClient)}", token);

        Assert.Equal("SAML2-BEARER", (string?)(await EmulatorSession.JsonAsync(saml))["authorizedGrantType"]);
        var legacyClient = await EmulatorSession.JsonAsync(legacy);
        Assert.Equal("CLIENT-CREDENTIALS", (string?)legacyClient["authorizedGrantType"]);
        Assert.Equal([TestOrganization.RoleId(2)], ((JArray)legacyClient["roleIds"]!).Values<string>());
        Assert.Null(legacyClient["roleDivisions"]);
    }

    [Fact]
    public async Task Client_by_id_and_unknown_client_404()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();

        using var found = await session.GetAsync($"/api/v2/oauth/clients/{TestOrganization.ClientId(2)}", token);
        using var missing = await session.GetAsync("/api/v2/oauth/clients/00000000-0000-0000-0000-000000000000", token);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("CLIENT-CREDENTIALS", (string?)(await EmulatorSession.JsonAsync(found))["authorizedGrantType"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = await EmulatorSession.JsonAsync(missing);
        Assert.Equal("not.found", (string?)error["code"]);
        Assert.Equal(404, (int)error["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.Equal(missing.Headers.GetValues("inin-correlation-id").Single(), (string?)error["contextId"]);
        Assert.IsType<JArray>(error["details"]);
        Assert.IsType<JArray>(error["errors"]);
    }

    [Fact]
    public async Task Scope_listing_is_unpaged()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.GetAuthorizedAsync("/api/v2/oauth/scopes");

        var listing = await EmulatorSession.JsonAsync(response);
        Assert.Equal(["total", "entities", "selfUri"], listing.Properties().Select(p => p.Name));
        Assert.Equal(3, (int)listing["total"]!);
        Assert.Equal("/api/v2/oauth/scopes", (string?)listing["selfUri"]);
        Assert.Equal(
            ["id", "description", "selfUri"],
            ((JObject)listing["entities"]![0]!).Properties().Select(p => p.Name));
    }

    [Fact]
    public async Task Scope_by_id_allows_colons_and_unknown_scope_404()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();

        using var found = await session.GetAsync("/api/v2/oauth/scopes/analytics:readonly", token);
        using var missing = await session.GetAsync("/api/v2/oauth/scopes/nope", token);

        Assert.Equal("analytics:readonly", (string?)(await EmulatorSession.JsonAsync(found))["id"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Organization_me_is_the_seeded_organization()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.GetAuthorizedAsync("/api/v2/organizations/me");

        Assert.True(JToken.DeepEquals(session.Emulator.Organization.Organization, await EmulatorSession.JsonAsync(response)));
    }

    internal static async Task<List<JObject>> FollowNextUris(EmulatorSession session, string token, string firstUri)
    {
        var pages = new List<JObject>();
        for (var uri = firstUri; uri is not null && pages.Count < 20;)
        {
            using var response = await session.GetAsync(uri, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await EmulatorSession.JsonAsync(response);
            pages.Add(page);
            uri = (string?)page["nextUri"];
        }

        return pages;
    }
}
