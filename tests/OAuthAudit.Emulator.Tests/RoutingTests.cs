using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace OAuthAudit.Emulator.Tests;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Non_get_on_an_api_path_is_405(string method)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(session.Emulator.ApiBaseUri, "api/v2/oauth/clients"))
        {
            Content = new StringContent("{}"),
        };
        request.Headers.Authorization = new("Bearer", await session.TokenAsync());

        using var response = await session.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", response.Content.Headers.Allow.Single());
        Assert.Equal(405, (int)(await EmulatorSession.JsonAsync(response))["status"]!);
        Assert.Equal(method, session.Emulator.Requests[^1].Method);
    }

    [Fact]
    public async Task Login_path_on_the_api_port_is_404()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(session.Emulator.ApiBaseUri, "oauth/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = EmulatorSession.Basic(session.Emulator.Auditor.ClientId, session.Emulator.Auditor.Secret);

        using var response = await session.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not.found", (string?)(await EmulatorSession.JsonAsync(response))["code"]);
        Assert.Equal(0, session.Emulator.IssuedTokenCount);
        Assert.Equal(EmulatorHost.Api, session.Emulator.Requests.Single().Host);
    }

    [Fact]
    public async Task Api_path_on_the_login_port_is_404()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Emulator.LoginBaseUri, "api/v2/oauth/clients"));
        request.Headers.Authorization = new("Bearer", await session.TokenAsync());

        using var response = await session.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(EmulatorHost.Login, session.Emulator.Requests[^1].Host);
    }

    [Theory]
    [InlineData("/api/v2/users")]
    [InlineData("/api/v2/oauth/clients/")]
    [InlineData("/api/v2/oauth/clients/a/b")]
    [InlineData("/")]
    public async Task Unlisted_api_paths_are_404(string path)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.GetAuthorizedAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Base_uris_are_distinct_loopback_ports()
    {
        await using var session = await EmulatorSession.StartAsync();

        Assert.Equal("127.0.0.1", session.Emulator.LoginBaseUri.Host);
        Assert.Equal("127.0.0.1", session.Emulator.ApiBaseUri.Host);
        Assert.NotEqual(session.Emulator.LoginBaseUri.Port, session.Emulator.ApiBaseUri.Port);
        Assert.Equal("/", session.Emulator.ApiBaseUri.AbsolutePath);
    }
}
