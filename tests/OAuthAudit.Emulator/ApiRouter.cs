using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace OAuthAudit.Emulator;

/// <summary>The API host: route, then method, then bearer token, then permission.</summary>
internal sealed class ApiRouter(IReadOnlyList<ApiRoute> routes, TokenStore tokens, TimeProvider time)
{
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task<EmulatorResponse> AnswerAsync(HttpRequest request, string contextId, CancellationToken token)
    {
        var path = request.Path.Value ?? string.Empty;
        var matching = routes.Select(route => (Route: route, Matched: route.TryMatch(path, out var values), Values: values)).Where(match => match.Matched).ToArray();
        if (matching.Length == 0)
        {
            return EmulatorResponse.Json(404, ErrorBodies.NotFound(contextId));
        }

        var (route, _, routeValues) = matching.FirstOrDefault(match => string.Equals(match.Route.Method, request.Method, StringComparison.OrdinalIgnoreCase));
        if (route is null)
        {
            return EmulatorResponse.Json(405, ErrorBodies.MethodNotAllowed(request.Method, contextId))
                .WithHeader("Allow", string.Join(", ", matching.Select(match => match.Route.Method).Distinct()));
        }

        var body = HttpMethods.IsGet(request.Method) ? string.Empty : await ReadBodyAsync(request, token);
        return Answer(route, routeValues, request, contextId, body);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, token)) > 0 && buffer.Length < MaxBodyBytes)
        {
            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private EmulatorResponse Answer(ApiRoute route, Dictionary<string, string> values, HttpRequest request, string contextId, string body)
    {

        var token = BearerToken(request);
        if (token is null)
        {
            return EmulatorResponse.Json(401, ErrorBodies.AuthenticationRequired(contextId));
        }

        if (!tokens.TryValidate(token, time.GetUtcNow(), out var caller))
        {
            return EmulatorResponse.Json(401, ErrorBodies.BadCredentials(contextId));
        }

        if (route.Permission is not null && !caller.HasPermission(route.Permission))
        {
            return EmulatorResponse.Json(403, ErrorBodies.MissingPermissions(route.Permission, contextId));
        }

        return route.Handler(new ApiCall(request, values, contextId) { Body = body });
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        var parts = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }
}
