using System;
using System.Collections.Generic;
using System.Linq;

namespace OAuthAudit.Emulator.Endpoints;

internal static class AuthorizationEndpoints
{
    public const string RolesPath = "/api/v2/authorization/roles";
    public const string DivisionsPath = "/api/v2/authorization/divisions";
    public const string PermissionsPath = "/api/v2/authorization/permissions";
    public const string RoleViewPermission = "authorization:role:view";
    public const string DivisionViewPermission = "authorization:division:view";

    public static IEnumerable<ApiRoute> Routes(EmulatorOrganization organization, EmulatorKnobs knobs)
    {
        yield return new ApiRoute(RolesPath, RoleViewPermission, call => Roles(organization, knobs, call));
        yield return new ApiRoute(RolesPath + "/{roleId}", RoleViewPermission, call => EntityLookup.ById(organization.Roles, call, "roleId"));
        yield return new ApiRoute(DivisionsPath, DivisionViewPermission, call => EntityLookup.Paged(organization.Divisions, call));
        yield return new ApiRoute(DivisionsPath + "/{divisionId}", DivisionViewPermission, call => EntityLookup.ById(organization.Divisions, call, "divisionId"));

        // The catalogue needs no permission (the SDKs: "Requires NO permissions"); queryType/query filters are not emulated.
        yield return new ApiRoute(PermissionsPath, null, call => EntityLookup.Paged(organization.Permissions, call));
    }

    /// <summary>The roles, or only those named by repeated <c>id</c> parameters (paged the same way); refused when the knob says so.</summary>
    private static EmulatorResponse Roles(EmulatorOrganization organization, EmulatorKnobs knobs, ApiCall call)
    {
        if (!call.Query.TryGetValue("id", out var ids))
        {
            return EntityLookup.Paged(organization.Roles, call);
        }

        if (knobs.RefuseRoleIdFilter)
        {
            return EmulatorResponse.Json(400, ErrorBodies.BadRequest("Query parameter [id] is not supported.", call.ContextId));
        }

        var wanted = new HashSet<string>(ids.Where(id => !string.IsNullOrEmpty(id)).Select(id => id!), StringComparer.Ordinal);
        var filter = string.Concat(ids.Select(id => "&id=" + Uri.EscapeDataString(id ?? string.Empty)));
        return EntityLookup.Paged(organization.Roles.Where(role => wanted.Contains((string?)role["id"] ?? string.Empty)).ToList(), call, filter);
    }
}
