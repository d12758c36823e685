using System;
using System.Collections.Generic;

namespace OAuthAudit.Emulator;

/// <summary>An endpoint of the API host (GET unless another method is given). Template segments in braces capture one path segment.</summary>
internal sealed class ApiRoute(string template, string? permission, Func<ApiCall, EmulatorResponse> handler, string method = "GET")
{
    public string Method { get; } = method;

    private readonly string[] _segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public string? Permission { get; } = permission;

    public Func<ApiCall, EmulatorResponse> Handler { get; } = handler;

    public bool TryMatch(string path, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!path.StartsWith('/') || path.EndsWith('/'))
        {
            return false;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var template = _segments[i];
            if (template.StartsWith('{'))
            {
                values[template[1..^1]] = segments[i];
            }
            else if (!string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
