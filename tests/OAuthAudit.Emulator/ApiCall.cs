using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace OAuthAudit.Emulator;

internal sealed record ApiCall(HttpRequest Request, IReadOnlyDictionary<string, string> RouteValues, string ContextId)
{
    public string Path => Request.Path.Value ?? string.Empty;

    public IQueryCollection Query => Request.Query;
}
