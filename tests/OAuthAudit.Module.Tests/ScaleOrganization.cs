using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// An organization of any number of clients over 500 roles: every other client is a client-credentials client
    /// granting 12 of the same 60 roles, so the first ten clients already reference all 60, however many follow.
    /// </summary>
    internal static class ScaleOrganization
    {
        public const int RoleCount = 500;
        public const int ReferencedRoleCount = 60;
        public const int DivisionCount = 3;
        public const int PermissionDomainCount = 20;
        private const int RolesPerClient = 12;

        public static string RoleId(int number) => string.Format(CultureInfo.InvariantCulture, "a0000000-0000-4000-8000-{0:D12}", number);

        public static string ClientName(int number) => string.Format(CultureInfo.InvariantCulture, "client-{0:D5}", number);

        public static EmulatorOrganization Create(int clients) => new EmulatorOrganization
        {
            Environment = "mypurecloud.com",
            Organization = JObject.FromObject(new { id = "org-scale", name = "Scale Org", thirdPartyOrgName = "scale", state = "active", version = 1 }),
            Scopes = new[] { "users", "users:readonly", "analytics", "routing" }.Select(name => JObject.FromObject(new { id = name, description = "Scope " + name })).ToList(),
            Roles = Enumerable.Range(0, RoleCount).Select(number => JObject.FromObject(new
            {
                id = RoleId(number),
                name = string.Format(CultureInfo.InvariantCulture, "Role {0:D3}", number),
                permissionPolicies = new[] { new { domain = "domain01", entityName = "thing", actionSet = new[] { "view" }, allowConditions = false } },
                permissions = new string[0],
                @default = false,
                selfUri = "/api/v2/authorization/roles/" + RoleId(number),
            })).ToList(),
            Divisions = Enumerable.Range(0, DivisionCount).Select(number => JObject.FromObject(new
            {
                id = "division-" + number,
                name = number == 0 ? "Home" : "Division " + number,
                homeDivision = number == 0,
                selfUri = "/api/v2/authorization/divisions/division-" + number,
            })).ToList(),
            Permissions = Enumerable.Range(1, PermissionDomainCount).Select(number => new JObject
            {
                ["domain"] = string.Format(CultureInfo.InvariantCulture, "domain{0:D2}", number),
                ["permissionMap"] = new JObject
                {
                    ["thing"] = new JArray(JObject.FromObject(new { domain = string.Format(CultureInfo.InvariantCulture, "domain{0:D2}", number), entityType = "thing", action = "view", label = "View", allowsConditions = false, divisionAware = true })),
                },
            }).ToList(),
            Clients = Enumerable.Range(0, clients).Select(Client).ToList(),
        };

        private static JObject Client(int number)
        {
            var id = string.Format(CultureInfo.InvariantCulture, "c0000000-0000-4000-8000-{0:D12}", number);
            var client = new JObject
            {
                ["id"] = id,
                ["name"] = ClientName(number),
                ["state"] = "active",
                ["accessTokenValiditySeconds"] = 86400,
                ["dateCreated"] = "2025-01-01T00:00:00.000Z",
                ["selfUri"] = "/api/v2/oauth/clients/" + id,
            };
            if (number % 2 == 0)
            {
                client["authorizedGrantType"] = "CLIENT-CREDENTIALS";
                client["roleDivisions"] = new JArray(Enumerable.Range(0, RolesPerClient).Select(index => new JObject
                {
                    ["roleId"] = RoleId((number / 2 * RolesPerClient + index) % ReferencedRoleCount),
                    ["divisionId"] = "division-" + (index % DivisionCount),
                }));
            }
            else
            {
                client["authorizedGrantType"] = "CODE";
                client["scope"] = new JArray("users:readonly", "analytics");
                client["registeredRedirectUri"] = new JArray("https://app.example.com/callback");
            }

            return client;
        }
    }
}
