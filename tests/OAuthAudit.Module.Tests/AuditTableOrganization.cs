using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// A small organization and a baseline designed together so that every rule kind has a case, with the
    /// findings each client must get written out by hand in AuditTableTests.
    /// </summary>
    internal static class AuditTableOrganization
    {
        public const string Baseline = """
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata:
              name: table-test
              description: One rule of each kind.
            spec:
              reportUnmatchedClients: true
              rules:
                - id: R-REQ
                  description: Dashboards hold analytics and can read users and routing.
                  severity: Medium
                  match: { names: ['*Dashboard*'] }
                  requiredScopes: [analytics, 'users:readonly', 'routing:*']
                - id: R-ALLOW
                  description: Widgets hold read-only scopes only.
                  severity: High
                  match: { grantTypes: TOKEN }
                  allowedScopes: ['*:readonly']
                - id: R-FORBID
                  description: No OAuth administration outside the admin console.
                  severity: Critical
                  remediation: Move OAuth administration to the admin console.
                  match: { grantTypes: [CODE, TOKEN, PASSWORD] }
                  exemptions: { names: ['Admin*'] }
                  forbiddenScopes: [oauth, 'authorization*']
                - id: R-NOUSERS
                  description: Reporting never reads user profiles.
                  severity: High
                  match: { namePatterns: ['^Reporting '] }
                  forbiddenScopes: ['users:readonly']
                - id: R-TOKEN
                  description: Tokens live a day at most.
                  severity: Medium
                  match: { grantTypes: [CODE, TOKEN, PASSWORD] }
                  maxAccessTokenValiditySeconds: 86400
                - id: R-URI
                  description: Redirects are https, named hosts, not localhost.
                  severity: High
                  match: { grantTypes: [CODE, TOKEN] }
                  redirectUris: { requireHttps: true, forbidWildcardHosts: true, forbidLocalhost: true }
                - id: R-STATE
                  description: Only active clients.
                  severity: Low
                  match: { grantTypes: [CODE, TOKEN, PASSWORD] }
                  allowedStates: [active]
                - id: R-UNKNOWN
                  description: Widgets hold only registered scopes.
                  severity: Low
                  match: { grantTypes: TOKEN }
                  forbidUnknownScopes: true
              waivers:
                - client: Chat Widget
                  ruleId: R-URI
                  subject: http://chat.example.com/cb
                  rationale: The chat vendor moves to https in its next release.
                  expiresOn: 2099-12-31
                - client: dev-tool-id
                  ruleId: R-TOKEN
                  rationale: Long tokens for load testing.
                  expiresOn: 2020-01-01
            """;

        public static EmulatorOrganization Create() => new EmulatorOrganization
        {
            Environment = "mypurecloud.com",
            Organization = JObject.FromObject(new { id = "org-table", name = "Table Test Org", thirdPartyOrgName = "table-test", state = "active", version = 1 }),
            Scopes = new[] { "analytics", "users", "oauth", "authorization", "conversations", "routing" }
                .SelectMany(name => new[] { name, name + ":readonly" })
                .Select(name => JObject.FromObject(new { id = name, description = "Scope " + name, selfUri = "/api/v2/oauth/scopes/" + name }))
                .ToList(),
            Clients =
            {
                Client("reporting-id", "Reporting Dashboard", "CODE", "active", 86400, new[] { "analytics", "users", "oauth" }, "https://reports.example.com/cb"),
                Client("chat-id", "Chat Widget", "TOKEN", "active", 7200, new[] { "conversations:readonly", "web-chat" }, "http://chat.example.com/cb", "https://*.example.com/cb"),
                Client("dev-tool-id", "Dev Tool", "TOKEN", "active", 172800, new[] { "users:readonly" }, "https://localhost:5001/cb"),
                Client("admin-id", "Admin Console", "CODE", "active", 3600, new[] { "oauth", "authorization" }, "https://admin.example.com/cb"),
                Client("old-sync-id", "Old Sync", "PASSWORD", "inactive", 3600, new[] { "routing:readonly" }),
                Client("backend-id", "Backend Job", "CLIENT-CREDENTIALS", "active", 86400, new string[0]),
            },
        };

        public static string WriteBaseline(string folder)
        {
            var path = Path.Combine(folder, "table-test.yml");
            File.WriteAllText(path, Baseline);
            return path;
        }

        private static JObject Client(string id, string name, string grant, string state, int lifetime, string[] scopes, params string[] redirects) =>
            JObject.FromObject(new
            {
                id,
                name,
                authorizedGrantType = grant,
                state,
                accessTokenValiditySeconds = lifetime,
                scope = scopes,
                registeredRedirectUri = redirects,
                dateCreated = "2025-01-02T03:04:05.000Z",
                selfUri = "/api/v2/oauth/clients/" + id,
            });
    }
}
