using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator.Tests;

internal static class TestOrganization
{
    public const string OrgId = "9d1f3c1e-0000-4000-8000-000000000001";
    public const string HomeDivisionId = "9d1f3c1e-0000-4000-8000-0000000000d1";

    public static EmulatorOrganization Create(int clients = 5, int roles = 5, int divisions = 3) => new()
    {
        Environment = "mypurecloud.ie",
        CapturedAt = "2026-11-20T06:00:00Z",
        Organization = new JObject
        {
            ["id"] = OrgId,
            ["name"] = "Test Org",
            ["domain"] = "testorg",
            ["thirdPartyOrgName"] = "testorg",
            ["state"] = "active",
            ["version"] = 3,
            ["defaultLanguage"] = "en-us",
            ["selfUri"] = $"/api/v2/organizations/{OrgId}",
        },
        Scopes =
        [
            Scope("analytics", "View and manage analytics data"),
            Scope("analytics:readonly", "View analytics data"),
            Scope("users", "View and manage users"),
        ],
        Clients = Enumerable.Range(1, clients).Select(Client).ToList(),
        Roles = Enumerable.Range(1, roles).Select(Role).ToList(),
        Divisions = Enumerable.Range(1, divisions).Select(Division).ToList(),
    };

    /// <summary>Client 3 uses the SAML2 bearer grant, spelled as the API's AuthorizedGrantTypeEnum spells it.</summary>
    public const int Saml2BearerClient = 3;

    /// <summary>Client 4 (client credentials) carries only the deprecated roleIds.</summary>
    public const int RoleIdsOnlyClient = 4;

    public static string ClientId(int n) => $"c0000000-0000-4000-8000-{n:D12}";

    public static string RoleId(int n) => $"r0000000-0000-4000-8000-{n:D12}";

    private static JObject Scope(string id, string description) => new()
    {
        ["id"] = id,
        ["description"] = description,
        ["selfUri"] = $"/api/v2/oauth/scopes/{id}",
    };

    private static JObject Client(int n)
    {
        var client = new JObject
        {
            ["id"] = ClientId(n),
            ["name"] = $"Client {n}",
            ["description"] = $"Test client {n}",
            ["authorizedGrantType"] = n % 2 == 0 ? "CLIENT-CREDENTIALS" : n == Saml2BearerClient ? "SAML2-BEARER" : "CODE",
            ["state"] = "active",
            ["accessTokenValiditySeconds"] = 86400,
            ["registeredRedirectUri"] = new JArray(n % 2 == 0 || n == Saml2BearerClient ? [] : new[] { "https://app.example.com/callback" }),
            ["scope"] = new JArray(n % 2 == 0 ? [] : new[] { "analytics:readonly" }),
            ["roleDivisions"] = n % 2 == 0
                ? new JArray(new JObject { ["roleId"] = RoleId(1), ["divisionId"] = "*" })
                : new JArray(),
            ["dateCreated"] = "2024-03-01T09:30:00.000Z",
            ["dateModified"] = "2025-01-15T12:00:00Z",
            ["createdBy"] = new JObject { ["id"] = "u1", ["selfUri"] = "/api/v2/users/u1" },
            ["selfUri"] = $"/api/v2/oauth/clients/{ClientId(n)}",
        };
        if (n == RoleIdsOnlyClient)
        {
            // An older client: only the deprecated roleIds, no roleDivisions.
            client.Remove("roleDivisions");
            client["roleIds"] = new JArray(RoleId(2));
        }

        if (n == 1)
        {
            client["secret"] = "legacy-secret-returned-by-an-older-api";
        }

        return client;
    }

    private static JObject Role(int n) => new()
    {
        ["id"] = RoleId(n),
        ["name"] = $"Role {n}",
        ["description"] = $"Test role {n}",
        ["permissionPolicies"] = new JArray(new JObject
        {
            ["domain"] = "oauth",
            ["entityName"] = "client",
            ["actionSet"] = new JArray("view"),
        }),
        ["permissions"] = new JArray(),
        ["default"] = false,
        ["base"] = false,
        ["selfUri"] = $"/api/v2/authorization/roles/{RoleId(n)}",
    };

    private static JObject Division(int n)
    {
        var id = n == 1 ? HomeDivisionId : $"d0000000-0000-4000-8000-{n:D12}";
        return new JObject
        {
            ["id"] = id,
            ["name"] = n == 1 ? "Home" : $"Division {n}",
            ["description"] = $"Test division {n}",
            ["homeDivision"] = n == 1,
            ["selfUri"] = $"/api/v2/authorization/divisions/{id}",
        };
    }

    public static IReadOnlyList<string> Ids(JObject listing) =>
        ((JArray)listing["entities"]!).Select(e => (string)e["id"]!).ToList();
}
