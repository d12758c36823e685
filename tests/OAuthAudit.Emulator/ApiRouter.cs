using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace OAuthAudit.Emulator;

/// <summary>The API host: route, then method, then bearer token, then permission.</summary>
internal sealed class ApiRouter(IReadOnlyList<ApiRoute> routes, TokenStore tokens, TimeProvider time)
{
    public async Task<EmulatorResponse> AnswerAsync(HttpRequest request, string contextId, CancellationToken cancellation)
    {
        var path = request.Path.Value ?? string.Empty;
        var matched = new List<(ApiRoute Route, Dictionary<string, string> Values)>();
        foreach (var route in routes)
        {
            if (route.TryMatch(path, out var values))
            {
                matched.Add((route, values));
            }
        }

        if (matched.Count == 0)
        {
            return EmulatorResponse.Json(404, ErrorBodies.NotFound(contextId));
        }

        var (chosen, routeValues) = matched.FirstOrDefault(entry => string.Equals(entry.Route.Method, request.Method, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return EmulatorResponse.Json(405, ErrorBodies.MethodNotAllowed(request.Method, contextId))
                .WithHeader("Allow", string.Join(", ", matched.Select(entry => entry.Route.Method).Distinct()));
        }

        var body = HttpMethods.IsGet(request.Method) ? string.Empty : await new StreamReader(request.Body).ReadToEndAsync(cancellation);
        return Answer(chosen, routeValues, request, contextId, body);
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
