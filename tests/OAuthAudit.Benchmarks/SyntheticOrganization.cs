using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Benchmarks
{
    /// <summary>
    /// A made-up organization in the API's own JSON, the same every time for the same size: the scope registry, the
    /// permission catalogue, 500 roles (permission policies, some with "*", some conditional, a few legacy admin),
    /// 20 divisions and the clients: client-credentials clients with role grants over the roles (named divisions, the
    /// home division, all divisions, now and then a deleted role or division), code-authorization clients with scopes
    /// and redirect URIs (mostly https, some http, localhost or wildcard hosts), implicit, SAML2-BEARER and password
    /// clients; some inactive, some disabled, now and then a retired scope or a name with a control character.
    /// </summary>
    public sealed class SyntheticOrganization
    {
        public const int RoleCount = 500;
        public const int DivisionCount = 20;

        public static readonly string[] Teams = { "Salesforce CTI", "Reporting", "WFM Sync", "Quality", "Billing", "Data Lake", "Admin Tooling", "CX as Code", "Chat Widget", "Survey", "Recording Export", "Agent Desktop" };

        internal static readonly string[] Domains =
        {
            "analytics", "users", "routing", "conversations", "presence", "notifications", "architect", "outbound", "quality", "recordings",
            "telephony", "integrations", "external-contacts", "knowledge", "scripts", "messaging", "journey", "workforce-management", "learning", "gamification",
            "oauth", "authorization", "organization", "organization-authorization", "alerting", "billing", "greetings", "groups", "locations", "response-management",
        };

        private static readonly string[] Entities = { "report", "queue", "user", "flow", "campaign", "evaluation", "recording", "client", "role", "grant" };
        private static readonly string[] Actions = { "view", "add", "edit", "delete", "export", "assign" };
        private static readonly string[] States = { "active", "active", "active", "active", "active", "active", "active", "disabled", "inactive" };
        private static readonly int[] Lifetimes = { 3600, 7200, 43200, 86400, 86400, 172800, 1209600 };

        private SyntheticOrganization(int clients)
        {
            var random = new Random(14);
            Scopes = BuildScopes();
            Divisions = Enumerable.Range(0, DivisionCount).Select(index => new JObject
            {
                ["id"] = Id("d", index),
                ["name"] = index == 0 ? "Home" : $"Division {index:00}",
                ["homeDivision"] = index == 0,
                ["selfUri"] = "/api/v2/authorization/divisions/" + Id("d", index),
            }).ToList();
            Permissions = BuildCatalogue(random);
            Roles = Enumerable.Range(0, RoleCount).Select(index => BuildRole(index, random)).ToList();
            Clients = Enumerable.Range(0, clients).Select(index => BuildClient(index, random)).ToList();
        }

        public List<JObject> Scopes { get; }

        public List<JObject> Divisions { get; }

        /// <summary>DomainPermissionCollection objects, one per domain.</summary>
        public List<JObject> Permissions { get; }

        public List<JObject> Roles { get; }

        public List<JObject> Clients { get; }

        public static SyntheticOrganization Build(int clients) => new SyntheticOrganization(clients);

        /// <summary>GET /api/v2/oauth/clients: one OAuthClientEntityListing holding every client.</summary>
        public string ClientListingJson() => Listing(Clients, "/api/v2/oauth/clients");

        public string ScopeListingJson() => Listing(Scopes, "/api/v2/oauth/scopes");

        public string RoleListingJson() => Listing(Roles, "/api/v2/authorization/roles");

        public string DivisionListingJson() => Listing(Divisions, "/api/v2/authorization/divisions");

        public string PermissionListingJson() => Listing(Permissions, "/api/v2/authorization/permissions");

        private static string Listing(IReadOnlyCollection<JObject> entities, string path) =>
            new JObject
            {
                ["entities"] = new JArray(entities),
                ["pageSize"] = Math.Max(entities.Count, 1),
                ["pageNumber"] = 1,
                ["total"] = entities.Count,
                ["pageCount"] = 1,
                ["selfUri"] = path,
            }.ToString(Formatting.None);

        private static List<JObject> BuildScopes()
        {
            var names = Domains.SelectMany(domain => new[] { domain, domain + ":readonly" })
                .Concat(new[] { "user-basic-info", "openid", "profile", "email", "upload", "widgets", "web-chat" });
            return names.Select(name => new JObject { ["id"] = name, ["description"] = $"The {name} APIs", ["selfUri"] = "/api/v2/oauth/scopes/" + name }).ToList();
        }

        private static List<JObject> BuildCatalogue(Random random) =>
            Domains.Select(domain => new JObject
            {
                ["id"] = domain,
                ["domain"] = domain,
                ["permissionMap"] = new JObject(Entities.Take(4 + (domain.Length % 6)).Select(entity => new JProperty(entity,
                    new JArray(Actions.Take(3 + (entity.Length % 4)).Select(action => new JObject
                    {
                        ["domain"] = domain,
                        ["entityType"] = entity,
                        ["action"] = action,
                        ["label"] = $"{domain} {entity} {action}",
                        ["allowsConditions"] = random.Next(4) == 0,
                        ["divisionAware"] = random.Next(2) == 0,
                    }))))),
            }).ToList();

        private static JObject BuildRole(int index, Random random)
        {
            var policies = new JArray();
            var count = 2 + random.Next(9);
            for (var policy = 0; policy < count; policy++)
            {
                var domain = Domains[random.Next(Domains.Length)];
                var entity = random.Next(12) == 0 ? "*" : Entities[random.Next(Entities.Length)];
                var actions = random.Next(15) == 0 ? new[] { "*" } : Actions.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
                var conditional = random.Next(10) == 0;
                policies.Add(new JObject
                {
                    ["domain"] = domain,
                    ["entityName"] = entity,
                    ["policyName"] = $"{domain}-{entity}",
                    ["actionSet"] = new JArray(actions.Cast<object>().ToArray()),
                    ["allowConditions"] = conditional,
                    ["resourceConditionNode"] = conditional ? new JObject { ["variableName"] = "Queue.id", ["operator"] = "EQ", ["operands"] = new JArray() } : null,
                });
            }

            var name = index switch
            {
                0 => "Master Admin",
                1 => "Employee",
                _ when index % 25 == 0 => $"Admin {index:000}",
                _ => $"{Teams[index % Teams.Length]} {(index % 3 == 0 ? "Reader" : index % 3 == 1 ? "Editor" : "Supervisor")} {index:000}",
            };
            return new JObject
            {
                ["id"] = Id("r", index),
                ["name"] = name,
                ["description"] = "Role " + name,
                ["permissions"] = index == 0 || index % 97 == 0 ? new JArray("admin") : new JArray(),
                ["permissionPolicies"] = policies,
                ["default"] = index < 10,
                ["selfUri"] = "/api/v2/authorization/roles/" + Id("r", index),
            };
        }

        private JObject BuildClient(int index, Random random)
        {
            var kind = random.Next(100);
            var grantType = kind < 40 ? "CLIENT-CREDENTIALS" : kind < 75 ? "CODE" : kind < 85 ? "TOKEN" : kind < 95 ? "SAML2-BEARER" : "PASSWORD";
            var state = States[random.Next(States.Length)];
            var team = Teams[random.Next(Teams.Length)];
            var name = $"{team} {(grantType == "CLIENT-CREDENTIALS" ? "service" : "app")} {index:00000}" + (random.Next(400) == 0 ? "\u001b[2J" : string.Empty);
            var client = new JObject
            {
                ["id"] = Id("c", index),
                ["name"] = name,
                ["description"] = random.Next(3) == 0 ? null : $"{team} integration number {index}",
                ["authorizedGrantType"] = grantType,
                ["state"] = state,
                ["accessTokenValiditySeconds"] = Lifetimes[random.Next(Lifetimes.Length)],
                ["dateCreated"] = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(index).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["dateModified"] = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(index).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["createdBy"] = new JObject { ["id"] = "u-admin", ["selfUri"] = "/api/v2/users/u-admin" },
                ["selfUri"] = "/api/v2/oauth/clients/" + Id("c", index),
            };
            if (state == "inactive")
            {
                client["dateToDelete"] = "2026-12-31T00:00:00.000Z";
            }

            if (grantType == "CLIENT-CREDENTIALS")
            {
                client["roleDivisions"] = new JArray(Enumerable.Range(0, 1 + random.Next(6)).Select(_ => new JObject
                {
                    ["roleId"] = random.Next(150) == 0 ? "r-deleted-" + index : Id("r", Skewed(random, RoleCount)),
                    ["divisionId"] = random.Next(8) switch
                    {
                        0 => "*",
                        1 => Id("d", 0),
                        2 when random.Next(20) == 0 => "d-removed",
                        _ => Id("d", 1 + random.Next(DivisionCount - 1)),
                    },
                }));
                client["scope"] = new JArray();
            }
            else
            {
                var scopes = Scopes.OrderBy(_ => random.Next()).Take(2 + random.Next(14)).Select(scope => (string)scope["id"]!).ToList();
                if (random.Next(30) == 0)
                {
                    scopes.Add("retired-scope");
                }

                client["scope"] = new JArray(scopes.Cast<object>().ToArray());
                if (grantType == "CODE" || grantType == "TOKEN")
                {
                    client["registeredRedirectUri"] = new JArray(Enumerable.Range(0, 1 + random.Next(4)).Select(uri => (object)RedirectUri(index, uri, random)).ToArray());
                }
            }

            return client;
        }

        private static string RedirectUri(int index, int uri, Random random) =>
            random.Next(40) switch
            {
                0 => $"http://app{index}.example.com/callback",
                1 => $"https://*.example.com/cb{uri}",
                2 => $"http://localhost:{8000 + uri}/callback",
                3 => "https://127.0.0.1./cb",
                4 => "myapp://oauth/callback",
                _ => $"https://app{index}.example.com/oauth/callback{uri}",
            };

        /// <summary>Most grants go to a few hundred popular roles, as in a real organization.</summary>
        private static int Skewed(Random random, int count) => Math.Min(count - 1, (int)(Math.Pow(random.NextDouble(), 1.6) * count));

        private static string Id(string prefix, int index) => $"{prefix}-{index:00000}-0000-4000-8000-{index:000000000000}";
    }
}
