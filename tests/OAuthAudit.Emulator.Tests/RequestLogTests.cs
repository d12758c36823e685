using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace OAuthAudit.Emulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Records_every_request_in_order_with_scheme_only_authorization()
    {
        await using var session = await EmulatorSession.StartAsync();
        var before = DateTimeOffset.UtcNow;
        var token = await session.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Emulator.ApiBaseUri, "api/v2/authorization/roles?pageSize=2&pageNumber=2"));
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");
        using var response = await session.Http.SendAsync(request);

        var requests = session.Emulator.Requests;

        Assert.Equal(2, requests.Count);
        var login = requests[0];
        Assert.Equal(EmulatorHost.Login, login.Host);
        Assert.Equal("POST", login.Method);
        Assert.Equal("/oauth/token", login.Path);
        Assert.Equal("Basic", login.Headers["Authorization"]);
        Assert.Equal(200, login.Status);

        var api = requests[1];
        Assert.Equal(EmulatorHost.Api, api.Host);
        Assert.Equal("GET", api.Method);
        Assert.Equal("/api/v2/authorization/roles", api.Path);
        Assert.Equal("?pageSize=2&pageNumber=2", api.Query);
        Assert.Equal("Bearer", api.Headers["authorization"]);
        Assert.Equal("fr-FR", api.Headers["Accept-Language"]);
        Assert.Equal(200, api.Status);
        Assert.Equal(response.Headers.GetValues("inin-correlation-id").Single(), api.CorrelationId);
        Assert.True(api.Timestamp >= before.AddSeconds(-1));
        Assert.True(login.Sequence < api.Sequence);

        Assert.DoesNotContain(requests, r => r.Headers.Values.Any(v => v.Contains(token) || v.Contains(session.Emulator.Auditor.Secret)));
    }

    [Fact]
    public async Task Records_failures_and_can_be_cleared()
    {
        await using var session = await EmulatorSession.StartAsync();
        using (await session.GetAsync("/api/v2/oauth/clients", "bogus"))
        {
        }

        Assert.Equal(401, session.Emulator.Requests.Single().Status);

        session.Emulator.ClearRequests();

        Assert.Empty(session.Emulator.Requests);
    }
}
