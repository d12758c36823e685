using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace OAuthAudit.Emulator;

internal sealed class RequestLog
{
    private static readonly string[] KnownSchemes = ["Basic", "Bearer"];

    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private long _sequence;

    public RecordedRequest Begin(EmulatorHost host, HttpRequest request, string correlationId, DateTimeOffset timestamp)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase)
                ? SchemeOf(header.Value.ToString())
                : header.Value.ToString();
        }

        lock (_gate)
        {
            var recorded = new RecordedRequest(
                ++_sequence,
                host,
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty,
                headers,
                correlationId,
                timestamp);
            _requests.Add(recorded);
            return recorded;
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    private static string SchemeOf(string value)
    {
        var scheme = value.TrimStart().Split(' ', 2)[0];
        return KnownSchemes.FirstOrDefault(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase)) ?? "(unrecognized)";
    }
}
