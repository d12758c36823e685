using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace OAuthAudit.Emulator;

/// <summary>The API host: route, then method, then bearer token, then permission.</summary>
internal sealed class ApiRouter(IReadOnlyList<ApiRoute> routes, TokenStore tokens, TimeProvider time)
{
    public EmulatorResponse Answer(HttpRequest request, string contextId)
    {
        var path = request.Path.Value ?? string.Empty;
        foreach (var route in routes)
        {
            if (route.TryMatch(path, out var values))
            {
                return Answer(route, values, request, contextId);
            }
        }

        return EmulatorResponse.Json(404, ErrorBodies.NotFound(contextId));
    }

    private EmulatorResponse Answer(ApiRoute route, Dictionary<string, string> values, HttpRequest request, string contextId)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return EmulatorResponse.Json(405, ErrorBodies.MethodNotAllowed(request.Method, contextId)).WithHeader("Allow", "GET");
        }

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

        return route.Handler(new ApiCall(request, values, contextId));
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        var parts = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }
}
