using System.Linq;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The API's grant type vocabulary (SAML2-BEARER, with SAML2BEARER read as it) and roleIds-only clients, read from a snapshot and audited.</summary>
    public class GrantTypeTests
    {
        private static readonly System.DateTime Now = new System.DateTime(2026, 12, 1, 12, 0, 0, System.DateTimeKind.Utc);

        private const string Snapshot = """
            {
              "schemaVersion": 1,
              "capturedAt": "2026-11-20T06:00:00Z",
              "organization": { "id": "org-1", "name": "Contoso" },
              "scopes": [ { "id": "users:readonly" }, { "id": "presence" } ],
              "clients": [
                { "id": "saml", "name": "SAML Bridge", "authorizedGrantType": "SAML2-BEARER", "state": "active", "scope": ["users:readonly", "retired-scope"] },
                { "id": "saml-old", "name": "Old SAML Bridge", "authorizedGrantType": "SAML2BEARER", "state": "active", "scope": ["presence"] },
                { "id": "legacy", "name": "Legacy Service", "authorizedGrantType": "CLIENT-CREDENTIALS", "state": "active", "roleIds": ["r-admin", "r-gone", "r-admin"] },
                { "id": "both", "name": "Current Service", "authorizedGrantType": "CLIENT-CREDENTIALS", "state": "active",
                  "roleIds": ["r-admin"], "roleDivisions": [ { "roleId": "r-reader", "divisionId": "d-sales" } ] },
                { "id": "empty", "name": "Empty Divisions", "authorizedGrantType": "CLIENT-CREDENTIALS", "state": "active", "roleIds": ["r-reader"], "roleDivisions": [] }
              ],
              "roles": [
                { "id": "r-admin", "name": "Admin", "permissionPolicies": [ { "domain": "*", "entityName": "*", "actionSet": ["*"] } ] },
                { "id": "r-reader", "name": "Reader", "permissionPolicies": [ { "domain": "analytics", "entityName": "conversationDetail", "actionSet": ["view"] } ] }
              ],
              "divisions": [ { "id": "d-home", "name": "Home", "homeDivision": true }, { "id": "d-sales", "name": "Sales" } ]
            }
            """;

        [Theory]
        [InlineData("SAML2-BEARER", "SAML2-BEARER")]
        [InlineData("SAML2BEARER", "SAML2-BEARER")]
        [InlineData("saml2bearer", "SAML2-BEARER")]
        [InlineData("Saml2-Bearer", "SAML2-BEARER")]
        [InlineData("code", "CODE")]
        [InlineData("client-credentials", "CLIENT-CREDENTIALS")]
        [InlineData("SAML2_BEARER", null)]
        [InlineData("IMPLICIT", null)]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void A_grant_type_is_read_in_any_case_and_by_its_alias_as_the_api_spells_it(string? given, string? canonical)
        {
            Assert.Equal(canonical, GrantTypes.Canonical(given));
        }

        [Fact]
        public void The_grant_types_are_the_api_enum_strings()
        {
            Assert.Equal(new[] { "CODE", "TOKEN", "SAML2-BEARER", "PASSWORD", "CLIENT-CREDENTIALS" }, GrantTypes.All);
        }

        [Fact]
        public void A_snapshot_client_spelled_the_old_way_is_read_as_saml2_bearer()
        {
            var clients = Clients();

            Assert.Equal(GrantTypes.Saml2Bearer, clients["saml"].AuthorizedGrantType);
            Assert.Equal(GrantTypes.Saml2Bearer, clients["saml-old"].AuthorizedGrantType);
        }

        [Theory]
        [InlineData("SAML2-BEARER")]
        [InlineData("SAML2BEARER")]
        [InlineData("saml2-bearer")]
        public void A_baseline_grant_type_in_either_spelling_matches_saml2_bearer_clients(string spelling)
        {
            var baseline = Baselines.Parse($"apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: {{ name: t }}\nspec:\n  rules:\n    - id: R1\n      description: d\n      severity: Low\n      match: {{ grantTypes: [{spelling}] }}\n      forbidUnknownScopes: true\n    - id: R2\n      description: d\n      severity: Low\n      exemptions: {{ grantTypes: {spelling} }}\n      forbidUnknownScopes: true\n");
            var clients = Clients();

            Assert.Equal(new[] { "SAML2-BEARER" }, baseline.Rules[0].Match.GrantTypes);
            Assert.True(baseline.Rules[0].AppliesTo(clients["saml"]));
            Assert.True(baseline.Rules[0].AppliesTo(clients["saml-old"]));
            Assert.False(baseline.Rules[0].AppliesTo(clients["legacy"]));
            Assert.False(baseline.Rules[1].AppliesTo(clients["saml"]));
            Assert.True(baseline.Rules[1].AppliesTo(clients["legacy"]));
        }

        [Fact]
        public void The_built_in_baseline_audits_a_saml2_bearer_client()
        {
            var result = new BaselineEvaluator(Baselines.Loader.BuiltIn, Now).Evaluate(Clients()["saml"]);

            Assert.Contains("GC-004", result.MatchedRules);
            var finding = Assert.Single(result.Findings);
            Assert.Equal(("GC-004", FindingKind.UnknownScope, "retired-scope"), (finding.RuleId, finding.Kind, finding.Subject));
            Assert.Equal(Outcome.Warning, result.Outcome);
        }

        [Fact]
        public void Each_role_of_a_roleids_only_client_is_a_grant_in_the_home_division_marked_so()
        {
            var legacy = Clients()["legacy"];

            Assert.Equal("r-admin; r-gone", legacy.RoleIds.ToString());
            Assert.Empty(legacy.RoleDivisions);
            Assert.Equal("Admin (Home, from roleIds); unknown role r-gone (Home, from roleIds)", legacy.Roles.ToString());
            Assert.All(legacy.Roles, grant => Assert.True(grant.IsFromRoleIds));
            Assert.All(legacy.Roles, grant => Assert.Equal(("d-home", "Home", false), (grant.DivisionId, grant.DivisionName, grant.IsAllDivisions)));
            Assert.Equal("*:*:*", legacy.Permissions.ToString());
        }

        [Fact]
        public void Role_divisions_win_over_role_ids_and_an_empty_role_divisions_list_does_not()
        {
            var clients = Clients();

            Assert.Equal("Reader (Sales)", clients["both"].Roles.ToString());
            Assert.False(clients["both"].Roles.Single().IsFromRoleIds);
            Assert.Equal("Reader (Home, from roleIds)", clients["empty"].Roles.ToString());
        }

        [Fact]
        public void The_built_in_baseline_audits_the_roles_of_a_roleids_only_client()
        {
            var result = new BaselineEvaluator(Baselines.Loader.BuiltIn, Now).Evaluate(Clients()["legacy"]);

            Assert.Equal(Outcome.Fail, result.Outcome);
            Assert.Equal(
                new[] { "GC-006 PrivilegeEscalation Admin (Home, from roleIds) Critical", "GC-007 UnknownRole r-gone Low" },
                result.Findings.Select(finding => $"{finding.RuleId} {finding.Kind} {finding.Subject} {finding.Severity}"));
        }

        [Fact]
        public void Role_rules_see_roleids_grants_by_role_and_by_home_division()
        {
            var baseline = Baselines.Parse("""
                apiVersion: oauthaudit/v1
                kind: Baseline
                metadata: { name: t }
                spec:
                  rules:
                    - id: R1
                      description: d
                      severity: High
                      forbiddenRoles: [Admin]
                      forbiddenPermissions: ['*:*:*']
                      allowedDivisions: [Sales]
                """);

            var result = new BaselineEvaluator(baseline, Now).Evaluate(Clients()["legacy"]);

            Assert.Equal(
                new[] { "ForbiddenRole Admin", "ForbiddenPermission *:*:*", "DisallowedDivision Admin (Home, from roleIds)", "DisallowedDivision unknown role r-gone (Home, from roleIds)" },
                result.Findings.Select(finding => $"{finding.Kind} {finding.Subject}"));
            Assert.Equal("'Legacy Service' holds role 'Admin' in division 'Home', outside the allowed divisions.", result.Findings[2].Message);
        }

        private static System.Collections.Generic.Dictionary<string, OAuthClient> Clients()
        {
            using var files = new TempFiles();
            using var context = Connector.ConnectSnapshot(files.Write("org.json", Snapshot));
            return context.Directory.GetClients(Operation.Quiet).ToDictionary(client => client.Id);
        }
    }
}
