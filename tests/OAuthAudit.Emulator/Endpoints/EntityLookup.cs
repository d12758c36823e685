using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Endpoints;

internal static class EntityLookup
{
    public static EmulatorResponse ById(IReadOnlyList<JObject> entities, ApiCall call, string routeKey)
    {
        var id = call.RouteValues[routeKey];
        var entity = entities.FirstOrDefault(e => (string?)e["id"] == id);
        return entity is null
            ? EmulatorResponse.Json(404, ErrorBodies.NotFound(call.ContextId))
            : EmulatorResponse.Json(200, entity.DeepClone());
    }

    /// <param name="filterQuery">Filter parameters (<c>&amp;id=…</c>) the listing's URIs carry, as the API's do.</param>
    public static EmulatorResponse Paged(IReadOnlyList<JObject> entities, ApiCall call, string filterQuery = "")
    {
        if (!Paging.TryReadPageSize(call.Query, out var pageSize, out var error)
            || !Paging.TryReadPageNumber(call.Query, out var pageNumber, out error))
        {
            return EmulatorResponse.Json(400, ErrorBodies.BadRequest(error!, call.ContextId));
        }

        return EmulatorResponse.Json(200, Paging.Listing(call.Path, entities, pageSize, pageNumber, filterQuery));
    }
}
