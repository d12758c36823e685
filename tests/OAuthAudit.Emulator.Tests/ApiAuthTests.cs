using System;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

public sealed class ApiAuthTests
{
    [Fact]
    public async Task No_token_is_401_authentication_required()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.GetAsync("/api/v2/oauth/clients", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await EmulatorSession.JsonAsync(response);
        Assert.Equal("authentication.required", (string?)body["code"]);
        Assert.Equal(401, (int)body["status"]!);
    }

    [Fact]
    public async Task Unknown_token_is_401_bad_credentials_error_body()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.GetAsync("/api/v2/oauth/clients", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await EmulatorSession.JsonAsync(response);
        Assert.Equal("Invalid login credentials.", (string?)body["message"]);
        Assert.Equal("bad.credentials", (string?)body["code"]);
        Assert.Equal(401, (int)body["status"]!);
        Assert.Equal(response.Headers.GetValues("inin-correlation-id"), [(string)body["contextId"]!]);
        Assert.Empty((JArray)body["details"]!);
        Assert.Empty((JArray)body["errors"]!);
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2026-11-20T06:00:00Z"));
        await using var session = await EmulatorSession.StartAsync(options: new EmulatorOptions { TimeProvider = clock });
        session.Emulator.Knobs.TokenLifetime = TimeSpan.FromMinutes(5);
        var token = await session.TokenAsync();

        using (var fresh = await session.GetAsync("/api/v2/organizations/me", token))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        using var expired = await session.GetAsync("/api/v2/organizations/me", token);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("bad.credentials", (string?)(await EmulatorSession.JsonAsync(expired))["code"]);
    }

    [Fact]
    public async Task Revoked_tokens_are_401_and_a_new_token_works()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync();
        session.Emulator.RevokeAllTokens();

        using var revoked = await session.GetAsync("/api/v2/organizations/me", token);
        using var renewed = await session.GetAsync("/api/v2/organizations/me", await session.TokenAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(2, session.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task Missing_permission_is_403_missing_permissions()
    {
        await using var session = await EmulatorSession.StartAsync();
        var limited = session.Emulator.Credentials.Add("authorization:role:view", "authorization:division:view");
        var token = await session.TokenAsync(limited);

        using var response = await session.GetAsync("/api/v2/oauth/clients", token);
        using var allowed = await session.GetAsync("/api/v2/authorization/roles", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await EmulatorSession.JsonAsync(response);
        Assert.Equal(
            "Unable to perform the requested action. You are missing the following permission(s): [oauth:client:view]",
            (string?)body["message"]);
        Assert.Equal("missing.permissions", (string?)body["code"]);
        Assert.Equal(403, (int)body["status"]!);
        Assert.Equal("[oauth:client:view]", (string?)body["messageParams"]!["permissions"]);
        Assert.False(string.IsNullOrEmpty((string?)body["messageWithParams"]));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Wildcard_permissions_grant_access()
    {
        await using var session = await EmulatorSession.StartAsync();
        var admin = session.Emulator.Credentials.Add("oauth:*:*", "authorization:*:view");
        var token = await session.TokenAsync(admin);

        using var clients = await session.GetAsync("/api/v2/oauth/clients", token);
        using var divisions = await session.GetAsync("/api/v2/authorization/divisions", token);

        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
        Assert.Equal(HttpStatusCode.OK, divisions.StatusCode);
    }

    [Fact]
    public async Task Organization_and_scopes_need_no_permission()
    {
        await using var session = await EmulatorSession.StartAsync();
        var token = await session.TokenAsync(session.Emulator.Credentials.Add());

        using var organization = await session.GetAsync("/api/v2/organizations/me", token);
        using var scopes = await session.GetAsync("/api/v2/oauth/scopes", token);

        Assert.Equal(HttpStatusCode.OK, organization.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scopes.StatusCode);
    }
}
