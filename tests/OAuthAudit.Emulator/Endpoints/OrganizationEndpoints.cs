using System.Collections.Generic;

namespace OAuthAudit.Emulator.Endpoints;

internal static class OrganizationEndpoints
{
    public static IEnumerable<ApiRoute> Routes(EmulatorOrganization organization)
    {
        yield return new ApiRoute("/api/v2/organizations/me", null, _ => EmulatorResponse.Json(200, organization.Organization.DeepClone()));
    }
}
