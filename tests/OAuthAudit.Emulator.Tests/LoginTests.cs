using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace OAuthAudit.Emulator.Tests;

public sealed class LoginTests
{
    [Fact]
    public async Task Auditor_gets_a_bearer_token_with_the_configured_lifetime()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.Knobs.TokenLifetime = TimeSpan.FromMinutes(10);

        using var response = await session.RequestTokenAsync(session.Emulator.Auditor.ClientId, session.Emulator.Auditor.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await EmulatorSession.JsonAsync(response);
        Assert.False(string.IsNullOrEmpty((string?)body["access_token"]));
        Assert.Equal("bearer", (string?)body["token_type"]);
        Assert.Equal(600, (int)body["expires_in"]!);
        Assert.Equal(1, session.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task Default_auditor_has_random_identity_and_the_audit_permissions()
    {
        await using var first = await EmulatorSession.StartAsync();
        await using var second = await EmulatorSession.StartAsync();

        Assert.True(Guid.TryParse(first.Emulator.Auditor.ClientId, out _));
        Assert.NotEqual(first.Emulator.Auditor.ClientId, second.Emulator.Auditor.ClientId);
        Assert.NotEqual(first.Emulator.Auditor.Secret, second.Emulator.Auditor.Secret);
        Assert.True(first.Emulator.Auditor.AllowClientCredentials);
        Assert.Equal(
            ["audits:audit:view", "authorization:division:view", "authorization:role:view", "oauth:client:view", "usage:organization:view"],
            first.Emulator.Auditor.Permissions.Order());
    }

    [Fact]
    public async Task Unknown_client_is_400_client_not_found()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.RequestTokenAsync(Guid.NewGuid().ToString(), "whatever");

        await AssertOAuthError(response, HttpStatusCode.BadRequest, "invalid_client", "client not found");
    }

    [Fact]
    public async Task Wrong_secret_is_401_authentication_failed()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.RequestTokenAsync(session.Emulator.Auditor.ClientId, "not-the-secret");

        await AssertOAuthError(response, HttpStatusCode.Unauthorized, "invalid_client", "authentication failed");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Bearer abc")]
    public async Task Missing_or_malformed_basic_credentials_are_401_invalid_client(string? authorization)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.Emulator.LoginBaseUri, "oauth/token"))
        {
            Content = new StringContent("grant_type=client_credentials", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await session.Http.SendAsync(request);

        await AssertOAuthError(response, HttpStatusCode.Unauthorized, "invalid_client", "authentication failed");
    }

    [Fact]
    public async Task Credential_not_allowed_the_grant_is_400_unauthorized_client()
    {
        await using var session = await EmulatorSession.StartAsync();
        var codeOnly = session.Emulator.Credentials.Add(new EmulatorCredential
        {
            Permissions = EmulatorCredential.AuditorPermissions,
            AllowClientCredentials = false,
        });

        using var response = await session.RequestTokenAsync(codeOnly.ClientId, codeOnly.Secret);

        await AssertOAuthError(response, HttpStatusCode.BadRequest, "unauthorized_client", null);
        Assert.Equal(0, session.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task Other_grant_types_are_400_unsupported_grant_type()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.RequestTokenAsync(session.Emulator.Auditor.ClientId, session.Emulator.Auditor.Secret, "password");

        await AssertOAuthError(response, HttpStatusCode.BadRequest, "unsupported_grant_type", null);
    }

    [Fact]
    public async Task Missing_grant_type_is_400_invalid_request()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.Emulator.LoginBaseUri, "oauth/token"))
        {
            Content = new StringContent("scope=x", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = EmulatorSession.Basic(session.Emulator.Auditor.ClientId, session.Emulator.Auditor.Secret);

        using var response = await session.Http.SendAsync(request);

        await AssertOAuthError(response, HttpStatusCode.BadRequest, "invalid_request", null);
    }

    [Fact]
    public async Task Get_on_the_token_endpoint_is_405()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.GetAsync(new Uri(session.Emulator.LoginBaseUri, "oauth/token"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task AssertOAuthError(HttpResponseMessage response, HttpStatusCode status, string error, string? description)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await EmulatorSession.JsonAsync(response);
        Assert.Equal(error, (string?)body["error"]);
        Assert.False(string.IsNullOrEmpty((string?)body["description"]));
        Assert.Equal((string?)body["description"], (string?)body["error_description"]);
        if (description is not null)
        {
            Assert.Equal(description, (string?)body["description"]);
        }
    }
}
