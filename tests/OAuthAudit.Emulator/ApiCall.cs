using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace OAuthAudit.Emulator;

internal sealed record ApiCall(HttpRequest Request, IReadOnlyDictionary<string, string> RouteValues, string ContextId)
{
    /// <summary>The request body as text (a POST's query); empty for a GET.</summary>
    public string Body { get; init; } = string.Empty;

    public string Path => Request.Path.Value ?? string.Empty;

    public IQueryCollection Query => Request.Query;
}
