using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// SAML2-BEARER clients (and the older SAML2BEARER spelling), roleIds-only clients and the end of the implicit
    /// grant, listed and audited against the emulator and against the same organization as a snapshot file.
    /// </summary>
    public sealed class GrantTypeTests : IAsyncLifetime
    {
        private const string RolesPath = "/api/v2/authorization/roles";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-granttypes-" + Guid.NewGuid().ToString("N"));
        private LiveOrganization _org = null!;

        /// <summary>GC-009's severity today: High until 2027-03-01, Critical from that day.</summary>
        private static string ImplicitSeverity => DateTime.UtcNow < new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc) ? "High" : "Critical";

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(Path.Combine(_folder, "org.json"), SnapshotJson(Organization()));
            File.WriteAllText(Path.Combine(_folder, "saml.yml"), SamlBaseline("SAML2-BEARER"));
            File.WriteAllText(Path.Combine(_folder, "saml-alias.yml"), SamlBaseline("SAML2BEARER"));
            _org = await LiveOrganization.StartAsync(Organization());
            _org.Shell.Run("$ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null", new() { ["folder"] = _folder }).ThrowIfFailed();
        }

        public async Task DisposeAsync()
        {
            await _org.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        [Theory]
        [InlineData(false, "SAML2-BEARER")]
        [InlineData(false, "SAML2BEARER")]
        [InlineData(false, "saml2bearer")]
        [InlineData(true, "SAML2-BEARER")]
        [InlineData(true, "SAML2BEARER")]
        public void GrantType_in_either_spelling_lists_the_saml2_bearer_clients_as_the_api_spells_them(bool snapshot, string spelling)
        {
            var result = Run(snapshot, $"Get-GcOAuthClient -GrantType {spelling},CODE | ForEach-Object {{ $_.Name + ' | ' + $_.AuthorizedGrantType }}");

            Assert.Equal(new[] { "SAML Bridge | SAML2-BEARER", "Old SAML Bridge | SAML2-BEARER", "Web App | CODE" }, Lines(result));
        }

        [Fact]
        public void GrantType_still_refuses_what_is_no_grant_type_and_completes_the_api_spellings()
        {
            var refused = _org.Shell.Run("Get-GcOAuthClient -GrantType SAML2_BEARER");
            var completed = _org.Shell.Run("$line = 'Get-GcOAuthClient -GrantType SAML'; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText");

            Assert.StartsWith("ParameterArgumentValidationError", refused.FirstError?.FullyQualifiedErrorId);
            Assert.Contains("CODE,TOKEN,SAML2-BEARER,PASSWORD,CLIENT-CREDENTIALS", refused.FirstError?.ToString());
            Assert.Equal(new[] { "SAML2-BEARER" }, Lines(completed));
        }

        [Theory]
        [InlineData(false, "saml.yml")]
        [InlineData(false, "saml-alias.yml")]
        [InlineData(true, "saml.yml")]
        [InlineData(true, "saml-alias.yml")]
        public void A_baseline_grant_type_in_either_spelling_audits_the_saml2_bearer_clients(bool snapshot, string baseline)
        {
            var result = Run(snapshot, $"Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./{baseline} | ForEach-Object {{ $_.ClientName + ' | ' + $_.MatchedRules.ToString() + ' | ' + $_.Outcome }}");

            Assert.Equal(
                new[] { "SAML Bridge | S-1 | Warning", "Old SAML Bridge | S-1 | Pass", "Legacy Service | | NotApplicable", "Current Service | | NotApplicable", "Web App | | NotApplicable", "Kiosk | | NotApplicable" },
                Lines(result));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void The_built_in_baseline_audits_saml2_bearer_roleids_only_and_implicit_clients(bool snapshot)
        {
            var result = Run(snapshot, "Get-GcOAuthClient | Test-GcOAuthClientScope -Expand | ForEach-Object { $_.ClientName + ' | ' + $_.RuleId + ' | ' + $_.Severity + ' | ' + $_.Kind + ' | ' + $_.Subject }");

            Assert.Equal(
                new[]
                {
                    "SAML Bridge | GC-004 | Low | UnknownScope | retired-scope",
                    "Legacy Service | GC-006 | Critical | PrivilegeEscalation | Admin (Home, from roleIds)",
                    "Legacy Service | GC-007 | Low | UnknownRole | role-deleted",
                    "Current Service | GC-008 | Low | AllDivisionsGrant | Reader (all divisions)",
                    $"Kiosk | GC-009 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN",
                },
                Lines(result));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_roleids_only_client_shows_its_roles_in_the_home_division_marked_so(bool snapshot)
        {
            var result = Run(snapshot, "Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | ForEach-Object { $_.Name + ' | ' + $_.RoleIds.ToString() + ' | ' + $_.Roles.ToString() + ' | ' + (@($_.Roles | ForEach-Object IsFromRoleIds) -join ',') + ' | ' + $_.Permissions.ToString() }");

            Assert.Equal(
                new[]
                {
                    "Legacy Service | role-admin; role-deleted | Admin (Home, from roleIds); unknown role role-deleted (Home, from roleIds) | True,True | *:*:*",
                    "Current Service | role-admin | Reader (all divisions) | False | analytics:conversationDetail:view",
                },
                Lines(result));
        }

        [Fact]
        public void A_roleids_only_client_makes_the_live_audit_read_roles()
        {
            _org.RunConnected("Get-GcOAuthClient -Name 'Legacy Service' | Out-Null").ThrowIfFailed();

            Assert.Contains(_org.Emulator.Requests, request => request.Path == RolesPath && request.Status == 200);
        }

        private ScriptResult Run(bool snapshot, string script) =>
            (snapshot
                ? _org.Shell.Run("Connect-GcOrganization -SnapshotPath ./org.json | Out-Null\n" + script)
                : _org.RunConnected(script)).ThrowIfFailed();

        private static string[] Lines(ScriptResult result) => result.Output.Select(item => item.ToString().Replace("|  |", "| |")).ToArray();

        private static string SamlBaseline(string spelling) => $"""
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata: {"{"} name: saml {"}"}
            spec:
              rules:
                - id: S-1
                  description: SAML bridges hold only known scopes.
                  severity: Low
                  match: {"{"} grantTypes: [{spelling}] {"}"}
                  forbidUnknownScopes: true
            """;

        private static EmulatorOrganization Organization() => new()
        {
            Environment = "mypurecloud.com",
            CapturedAt = "2026-11-20T06:00:00Z",
            Organization = JObject.FromObject(new { id = "org-grants", name = "Grant Type Org", thirdPartyOrgName = "grant-types", state = "active", version = 1 }),
            Scopes = new[] { "users", "users:readonly", "presence" }.Select(name => JObject.FromObject(new { id = name, description = "Scope " + name })).ToList(),
            Roles =
            {
                Role("role-admin", "Admin", "*", "*", "*"),
                Role("role-reader", "Reader", "analytics", "conversationDetail", "view"),
            },
            Divisions =
            {
                JObject.FromObject(new { id = "division-home", name = "Home", homeDivision = true }),
                JObject.FromObject(new { id = "division-sales", name = "Sales", homeDivision = false }),
            },
            Clients =
            {
                JObject.FromObject(new { id = "saml-id", name = "SAML Bridge", authorizedGrantType = "SAML2-BEARER", state = "active", accessTokenValiditySeconds = 3600, scope = new[] { "users:readonly", "retired-scope" } }),
                JObject.FromObject(new { id = "saml-old-id", name = "Old SAML Bridge", authorizedGrantType = "SAML2BEARER", state = "active", accessTokenValiditySeconds = 3600, scope = new[] { "presence" } }),
                JObject.FromObject(new { id = "legacy-id", name = "Legacy Service", authorizedGrantType = "CLIENT-CREDENTIALS", state = "active", accessTokenValiditySeconds = 3600, roleIds = new[] { "role-admin", "role-deleted" } }),
                JObject.FromObject(new
                {
                    id = "current-id", name = "Current Service", authorizedGrantType = "CLIENT-CREDENTIALS", state = "active", accessTokenValiditySeconds = 3600,
                    roleIds = new[] { "role-admin" }, roleDivisions = new[] { new { roleId = "role-reader", divisionId = "*" } },
                }),
                JObject.FromObject(new { id = "web-id", name = "Web App", authorizedGrantType = "CODE", state = "active", accessTokenValiditySeconds = 3600, scope = new[] { "users:readonly" }, registeredRedirectUri = new[] { "https://web.example.com/cb" } }),
                JObject.FromObject(new { id = "kiosk-id", name = "Kiosk", authorizedGrantType = "TOKEN", state = "active", accessTokenValiditySeconds = 3600, scope = new[] { "presence" }, registeredRedirectUri = new[] { "https://kiosk.example.com/cb" } }),
            },
        };

        private static JObject Role(string id, string name, string domain, string entity, string action) => JObject.FromObject(new
        {
            id,
            name,
            permissionPolicies = new[] { new { domain, entityName = entity, actionSet = new[] { action } } },
            permissions = new string[0],
        });

        private static string SnapshotJson(EmulatorOrganization organization) => new JObject
        {
            ["schemaVersion"] = 1,
            ["capturedAt"] = organization.CapturedAt,
            ["environment"] = organization.Environment,
            ["organization"] = organization.Organization,
            ["scopes"] = new JArray(organization.Scopes),
            ["clients"] = new JArray(organization.Clients),
            ["roles"] = new JArray(organization.Roles),
            ["divisions"] = new JArray(organization.Divisions),
        }.ToString();
    }
}
