using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

/// <summary>A started emulator and a plain HttpClient, disposed together.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(GenesysCloudEmulator emulator)
    {
        Emulator = emulator;
    }

    public GenesysCloudEmulator Emulator { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public static async Task<EmulatorSession> StartAsync(EmulatorOrganization? organization = null, EmulatorOptions? options = null) =>
        new(await GenesysCloudEmulator.StartAsync(organization ?? TestOrganization.Create(), options));

    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string grantType = "client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.LoginBaseUri, "oauth/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grantType }),
        };
        request.Headers.Authorization = Basic(clientId, secret);
        return Http.SendAsync(request);
    }

    public async Task<string> TokenAsync(EmulatorCredential? credential = null)
    {
        credential ??= Emulator.Auditor;
        using var response = await RequestTokenAsync(credential.ClientId, credential.Secret);
        response.EnsureSuccessStatusCode();
        return (string)(await JsonAsync(response))["access_token"]!;
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.ApiBaseUri, pathAndQuery.TrimStart('/')));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAuthorizedAsync(string pathAndQuery) => await GetAsync(pathAndQuery, await TokenAsync());

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));

    public static async Task<JObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
