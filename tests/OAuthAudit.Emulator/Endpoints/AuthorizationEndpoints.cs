using System.Collections.Generic;

namespace OAuthAudit.Emulator.Endpoints;

internal static class AuthorizationEndpoints
{
    public const string RolesPath = "/api/v2/authorization/roles";
    public const string DivisionsPath = "/api/v2/authorization/divisions";
    public const string PermissionsPath = "/api/v2/authorization/permissions";
    public const string RoleViewPermission = "authorization:role:view";
    public const string DivisionViewPermission = "authorization:division:view";

    public static IEnumerable<ApiRoute> Routes(EmulatorOrganization organization)
    {
        yield return new ApiRoute(RolesPath, RoleViewPermission, call => EntityLookup.Paged(organization.Roles, call));
        yield return new ApiRoute(RolesPath + "/{roleId}", RoleViewPermission, call => EntityLookup.ById(organization.Roles, call, "roleId"));
        yield return new ApiRoute(DivisionsPath, DivisionViewPermission, call => EntityLookup.Paged(organization.Divisions, call));
        yield return new ApiRoute(DivisionsPath + "/{divisionId}", DivisionViewPermission, call => EntityLookup.ById(organization.Divisions, call, "divisionId"));

        // The catalogue needs no permission (the SDKs: "Requires NO permissions"); queryType/query filters are not emulated.
        yield return new ApiRoute(PermissionsPath, null, call => EntityLookup.Paged(organization.Permissions, call));
    }
}
