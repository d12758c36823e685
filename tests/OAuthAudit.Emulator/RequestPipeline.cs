using System;
using System.Globalization;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using OAuthAudit.Emulator.Endpoints;

namespace OAuthAudit.Emulator;

/// <summary>Every request on both ports: log, latency, rate limit, fault, answer.</summary>
internal sealed class RequestPipeline(
    RequestLog log,
    EmulatorKnobs knobs,
    RateLimiter rateLimiter,
    FaultQueue faults,
    LoginEndpoints login,
    ApiRouter api,
    TimeProvider time,
    CancellationToken stopping)
{
    private int _loginPort = -1;
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int LoginPort
    {
        set => Volatile.Write(ref _loginPort, value);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var host = context.Connection.LocalPort == Volatile.Read(ref _loginPort) ? EmulatorHost.Login : EmulatorHost.Api;
        var contextId = Guid.NewGuid().ToString();
        var record = log.Begin(host, context.Request, contextId, time.GetUtcNow());
        Interlocked.Increment(ref _inFlight);
        try
        {
            await HandleAsync(context, host, record, contextId);
        }
        finally
        {
            record.Finish();
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleAsync(HttpContext context, EmulatorHost host, RecordedRequest record, string contextId)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = cancellation.Token;
        try
        {
            var latency = knobs.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, token);
            }

            var rate = host == EmulatorHost.Api ? rateLimiter.Hit(time.GetUtcNow()) : null;
            var fault = faults.TryTake(context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty);
            switch (fault?.Kind)
            {
                case FaultKind.ResetConnection:
                    Reset(context);
                    return;
                case FaultKind.Hang:
                    await Task.Delay(Timeout.Infinite, token);
                    return;
            }

            var response = fault is { Kind: FaultKind.Status or FaultKind.HtmlBody }
                ? FaultResponses.Create(fault, contextId)
                : await AnswerAsync(host, context.Request, rate, contextId, token);
            if (fault?.Kind == FaultKind.TruncatedJson)
            {
                response.Truncate();
            }

            if (!response.FromProxy)
            {
                AddIninHeaders(response, rate, contextId);
            }

            record.Complete(response.Status);
            await WriteAsync(context.Response, response, chunked: fault?.Kind == FaultKind.Chunked, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            context.Abort();
        }
    }

    private async Task<EmulatorResponse> AnswerAsync(EmulatorHost host, HttpRequest request, RateLimitDecision? rate, string contextId, CancellationToken token)
    {
        if (host == EmulatorHost.Login)
        {
            return await login.AnswerAsync(request, contextId, token);
        }

        if (rate is { Limited: true })
        {
            var windowSeconds = (int)Math.Ceiling(rate.Window.TotalSeconds);
            var response = EmulatorResponse.Json(429, ErrorBodies.TooManyRequests(rate.Allowed, windowSeconds, contextId));
            return knobs.RateLimit.SendRetryAfter
                ? response.WithHeader("Retry-After", rate.ResetSeconds.ToString(CultureInfo.InvariantCulture))
                : response;
        }

        return await api.AnswerAsync(request, contextId, token);
    }

    private static void AddIninHeaders(EmulatorResponse response, RateLimitDecision? rate, string contextId)
    {
        response.Headers.TryAdd("inin-correlation-id", contextId);
        if (rate is null)
        {
            return;
        }

        response.Headers.TryAdd("inin-ratelimit-allowed", rate.Allowed.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAdd("inin-ratelimit-count", rate.Count.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAdd("inin-ratelimit-reset", rate.ResetSeconds.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task WriteAsync(HttpResponse http, EmulatorResponse response, bool chunked, CancellationToken token)
    {
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        if (!chunked)
        {
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body, token);
            return;
        }

        await http.StartAsync(token);
        for (var offset = 0; offset < response.Body.Length; offset += 4096)
        {
            await http.Body.WriteAsync(response.Body.AsMemory(offset, Math.Min(4096, response.Body.Length - offset)), token);
            await http.Body.FlushAsync(token);
        }
    }

    private static void Reset(HttpContext context)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        try
        {
            socket?.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        context.Abort();
    }
}
