using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OAuthAudit.Emulator.Endpoints;

namespace OAuthAudit.Emulator;

/// <summary>A local fake of the Genesys Cloud login and API hosts, on two loopback ports. See README.md.</summary>
public sealed class GenesysCloudEmulator : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMilliseconds(500);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly RequestLog _log;
    private readonly TokenStore _tokens;
    private readonly RequestPipeline _pipeline;
    private int _disposed;

    private GenesysCloudEmulator(
        WebApplication app,
        CancellationTokenSource stopping,
        RequestLog log,
        TokenStore tokens,
        RequestPipeline pipeline,
        EmulatorOrganization organization,
        EmulatorCredential auditor,
        EmulatorCredentials credentials,
        EmulatorKnobs knobs,
        FaultQueue faults,
        Uri loginBaseUri,
        Uri apiBaseUri)
    {
        _app = app;
        _stopping = stopping;
        _log = log;
        _tokens = tokens;
        _pipeline = pipeline;
        Organization = organization;
        Auditor = auditor;
        Credentials = credentials;
        Knobs = knobs;
        Faults = faults;
        LoginBaseUri = loginBaseUri;
        ApiBaseUri = apiBaseUri;
    }

    public Uri LoginBaseUri { get; }

    public Uri ApiBaseUri { get; }

    public EmulatorOrganization Organization { get; }

    public EmulatorCredential Auditor { get; }

    public EmulatorCredentials Credentials { get; }

    public EmulatorKnobs Knobs { get; }

    public FaultQueue Faults { get; }

    /// <summary>A snapshot of every request seen so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>Tokens issued since start; <see cref="RevokeAllTokens"/> does not reset it.</summary>
    public int IssuedTokenCount => _tokens.IssuedCount;

    /// <summary>Every access token issued since start, revoked ones included, for scanning output for leaks.</summary>
    public IReadOnlyList<string> IssuedTokens => _tokens.EverIssued;

    /// <summary>Requests the emulator is still working on (waiting out latency, hanging, answering).</summary>
    public int InFlightRequestCount => _pipeline.InFlight;

    public void ClearRequests() => _log.Clear();

    /// <summary>Every token issued so far gets 401 from now on, as if it had expired.</summary>
    public void RevokeAllTokens() => _tokens.RevokeAll();

    public static async Task<GenesysCloudEmulator> StartAsync(
        EmulatorOrganization organization,
        EmulatorOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        options ??= new EmulatorOptions();
        var time = options.TimeProvider;
        var auditor = options.Auditor ?? EmulatorCredential.CreateAuditor();
        var credentials = new EmulatorCredentials();
        credentials.Add(auditor);
        var knobs = new EmulatorKnobs();
        if (organization.AuditServices.Count == 0)
        {
            AuditTrailSeed.Apply(organization, time.GetUtcNow());
        }

        var faults = new FaultQueue();
        var log = new RequestLog();
        var tokens = new TokenStore();
        var stopping = new CancellationTokenSource();

        var routes = OrganizationEndpoints.Routes(organization)
            .Concat(OAuthEndpoints.Routes(organization, knobs))
            .Concat(AuthorizationEndpoints.Routes(organization, knobs))
            .Concat(UsageEndpoints.Routes(organization, knobs, time))
            .Concat(AuditEndpoints.Routes(organization, knobs, time))
            .ToArray();
        var pipeline = new RequestPipeline(
            log,
            knobs,
            new RateLimiter(knobs.RateLimit),
            faults,
            new LoginEndpoints(credentials, tokens, knobs, time),
            new ApiRouter(routes, tokens, time),
            time,
            stopping.Token);

        ListenOptions? loginListener = null;
        ListenOptions? apiListener = null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => loginListener = listen);
            kestrel.Listen(IPAddress.Loopback, 0, listen => apiListener = listen);
        });
        builder.Services.AddSingleton<IHostLifetime, SilentHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = StopTimeout);

        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var loginPort = BoundPort(loginListener);
        pipeline.LoginPort = loginPort;
        return new GenesysCloudEmulator(
            app,
            stopping,
            log,
            tokens,
            pipeline,
            organization,
            auditor,
            credentials,
            knobs,
            faults,
            new Uri($"http://127.0.0.1:{loginPort}/"),
            new Uri($"http://127.0.0.1:{BoundPort(apiListener)}/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static int BoundPort(ListenOptions? listener) =>
        listener?.IPEndPoint is { Port: > 0 } endPoint
            ? endPoint.Port
            : throw new InvalidOperationException("Kestrel did not report the port it bound.");
}
