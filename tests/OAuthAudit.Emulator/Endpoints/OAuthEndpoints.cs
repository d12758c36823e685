using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Endpoints;

internal static class OAuthEndpoints
{
    public const string ClientsPath = "/api/v2/oauth/clients";
    public const string ScopesPath = "/api/v2/oauth/scopes";
    public const string ClientViewPermission = "oauth:client:view";

    public static IEnumerable<ApiRoute> Routes(EmulatorOrganization organization, EmulatorKnobs knobs)
    {
        yield return new ApiRoute(ClientsPath, ClientViewPermission, call => Clients(organization.Clients, knobs.ClientsPageSize, call));
        yield return new ApiRoute(ClientsPath + "/{clientId}", ClientViewPermission, call => EntityLookup.ById(organization.Clients, call, "clientId"));
        yield return new ApiRoute(ScopesPath, null, call => Scopes(organization.Scopes));
        yield return new ApiRoute(ScopesPath + "/{scopeId}", null, call => EntityLookup.ById(organization.Scopes, call, "scopeId"));
    }

    private static EmulatorResponse Clients(IReadOnlyList<JObject> clients, int? forcedPageSize, ApiCall call)
    {
        if (forcedPageSize is not int pageSize)
        {
            return EmulatorResponse.Json(200, Paging.Listing(ClientsPath, clients, Math.Max(clients.Count, 1), 1));
        }

        if (!Paging.TryReadPageNumber(call.Query, out var pageNumber, out var error))
        {
            return EmulatorResponse.Json(400, ErrorBodies.BadRequest(error!, call.ContextId));
        }

        return EmulatorResponse.Json(200, Paging.Listing(ClientsPath, clients, pageSize, pageNumber));
    }

    private static EmulatorResponse Scopes(IReadOnlyList<JObject> scopes) =>
        EmulatorResponse.Json(200, new JObject
        {
            ["total"] = scopes.Count,
            ["entities"] = new JArray(scopes.Select(s => s.DeepClone())),
            ["selfUri"] = ScopesPath,
        });
}
