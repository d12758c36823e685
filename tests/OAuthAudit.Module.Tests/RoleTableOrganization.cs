using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// An organization of 250 roles (three pages of 100) and 30 divisions, with client-credentials clients whose
    /// grants land on every page, in all divisions, in the home division by default, and on deleted ids; and a
    /// permission catalogue of 155 domains (two pages of 100).
    /// </summary>
    internal static class RoleTableOrganization
    {
        public const int RoleCount = 250;
        public const int DivisionCount = 30;
        public const int FillerDomainCount = 150;

        public const string Baseline = """
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata: { name: role-table }
            spec:
              rules:
                - id: R-REQROLE
                  description: The sync services run with the Reader role.
                  severity: Medium
                  match: { names: ['Sync Service', 'Filler User'] }
                  requiredRoles: [Reader]
                - id: R-FORBIDROLE
                  description: No admin or client-management role.
                  severity: Critical
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  forbiddenRoles: [Admin, 'Client *']
                - id: R-PERM
                  description: No queue editing and no action on OAuth clients.
                  severity: High
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  forbiddenPermissions: ['routing:queue:edit', 'oauth:client:*']
                - id: R-WILD
                  description: No wildcard permission.
                  severity: Medium
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  forbidWildcardPermissions: true
                - id: R-DIV
                  description: Grants stay in Home and Sales.
                  severity: Medium
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  allowedDivisions: [Home, Sales]
                - id: R-ALLDIV
                  description: No grant in all divisions.
                  severity: Low
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  forbidAllDivisions: true
                - id: R-ESC
                  description: No client can widen access.
                  severity: Critical
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  forbidPrivilegeEscalation: true
                - id: R-UNKNOWN
                  description: Grants name roles and divisions that exist.
                  severity: Low
                  match: { grantTypes: CLIENT-CREDENTIALS }
                  forbidUnknownRoles: true
            """;

        private static readonly Dictionary<int, (string Id, string Name, string[] Permissions)> SpecialRoles = new()
        {
            [10] = ("role-admin", "Admin", new[] { "*:*:*" }),
            [60] = ("role-reader", "Reader", new[] { "analytics:conversationDetail:view", "routing:queue:view" }),
            [120] = ("role-queue", "Queue Editor", new[] { "routing:queue:view", "routing:queue:edit" }),
            [180] = ("role-granter", "Role Granter", new[] { "authorization:grant:add", "directory:user:view" }),
            [230] = ("role-clients", "Client Manager", new[] { "oauth:client:view", "oauth:client:add", "oauth:client:edit", "oauth:client:delete" }),
        };

        /// <summary>(domain, entity, action, divisionAware) of the catalogue's real domains; filler domains follow.</summary>
        private static readonly (string Domain, string Entity, string Action, bool DivisionAware)[] CatalogEntries =
        {
            ("analytics", "conversationDetail", "view", true),
            ("authorization", "division", "view", false),
            ("authorization", "grant", "add", true),
            ("authorization", "role", "add", false),
            ("authorization", "role", "edit", false),
            ("authorization", "role", "view", false),
            ("directory", "organization", "admin", false),
            ("directory", "user", "view", false),
            ("oauth", "client", "add", false),
            ("oauth", "client", "delete", false),
            ("oauth", "client", "edit", false),
            ("oauth", "client", "view", false),
            ("routing", "queue", "edit", true),
            ("routing", "queue", "view", true),
        };

        public static EmulatorOrganization Create() => new EmulatorOrganization
        {
            Environment = "mypurecloud.com",
            Organization = JObject.FromObject(new { id = "org-roles", name = "Role Table Org", thirdPartyOrgName = "role-table", state = "active", version = 1 }),
            Scopes = new[] { "users", "users:readonly" }.Select(name => JObject.FromObject(new { id = name, description = "Scope " + name })).ToList(),
            Roles = Enumerable.Range(1, RoleCount).Select(Role).ToList(),
            Divisions = Enumerable.Range(1, DivisionCount).Select(Division).ToList(),
            Permissions = CatalogEntries.GroupBy(entry => entry.Domain).Select(domain => Collection(domain.Key, domain.Select(entry => (entry.Entity, entry.Action, entry.DivisionAware))))
                .Concat(Enumerable.Range(1, FillerDomainCount).Select(number => Collection($"filler{number:000}", new[] { ("thing", "view", false) })))
                .ToList(),
            Clients =
            {
                Client("sync-id", "Sync Service", ("role-reader", "division-sales"), ("role-queue", null)),
                Client("ops-id", "Ops Automation", ("role-admin", "*")),
                Client("provisioner-id", "Provisioner", ("role-granter", "division-support"), ("role-clients", "division-sales")),
                Client("orphan-id", "Orphan", ("role-deleted", "division-sales"), ("role-reader", "division-deleted")),
                Client("filler-id", "Filler User", ("role-150", "division-12")),
                JObject.FromObject(new { id = "web-id", name = "Web App", authorizedGrantType = "CODE", state = "active", scope = new[] { "users:readonly" } }),
            },
        };

        private static JObject Role(int number)
        {
            var (id, name, permissions) = SpecialRoles.TryGetValue(number, out var special)
                ? special
                : ($"role-{number:000}", $"Filler Role {number:000}", new[] { $"analytics:report{number:000}:view" });
            return JObject.FromObject(new
            {
                id,
                name,
                description = "Role " + name,
                permissionPolicies = permissions.Select(permission => permission.Split(':')).Select(parts => new
                {
                    domain = parts[0],
                    entityName = parts[1],
                    policyName = parts[0] + "_" + parts[1],
                    actionSet = new[] { parts[2] },
                    allowConditions = false,
                }),
                permissions = new string[0],
                @default = false,
                @base = false,
                selfUri = "/api/v2/authorization/roles/" + id,
            });
        }

        /// <summary>A DomainPermissionCollection as GET /api/v2/authorization/permissions lists it.</summary>
        private static JObject Collection(string domain, IEnumerable<(string Entity, string Action, bool DivisionAware)> actions) =>
            new JObject
            {
                ["domain"] = domain,
                ["permissionMap"] = new JObject(actions.GroupBy(action => action.Entity).Select(entity => new JProperty(entity.Key, new JArray(entity.Select(action => JObject.FromObject(new
                {
                    domain,
                    entityType = action.Entity,
                    action = action.Action,
                    label = char.ToUpperInvariant(action.Action[0]) + action.Action.Substring(1),
                    allowsConditions = false,
                    divisionAware = action.DivisionAware,
                })))))),
            };

        private static JObject Division(int number)
        {
            var (id, name) = number switch
            {
                1 => ("division-home", "Home"),
                2 => ("division-sales", "Sales"),
                3 => ("division-support", "Support"),
                _ => ($"division-{number:00}", $"Division {number:00}"),
            };
            return JObject.FromObject(new { id, name, description = "Division " + name, homeDivision = number == 1, selfUri = "/api/v2/authorization/divisions/" + id });
        }

        private static JObject Client(string id, string name, params (string Role, string? Division)[] grants) =>
            JObject.FromObject(new
            {
                id,
                name,
                authorizedGrantType = "CLIENT-CREDENTIALS",
                state = "active",
                accessTokenValiditySeconds = 86400,
                roleDivisions = grants.Select(grant => grant.Division == null ? (object)new { roleId = grant.Role } : new { roleId = grant.Role, divisionId = grant.Division }),
                selfUri = "/api/v2/oauth/clients/" + id,
            });
    }
}
