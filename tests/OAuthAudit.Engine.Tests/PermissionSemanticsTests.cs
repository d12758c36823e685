using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// Issue 8's permission semantics: forbidden patterns overlap, legacy admin is all-powerful, conditional
    /// policies are marked, wildcards can be forbidden, and the permission catalogue expands "*" and tells
    /// whether a grant in one division reaches the whole organization.
    /// </summary>
    public class PermissionSemanticsTests
    {
        private const string CatalogJson = """
            [
              { "domain": "oauth", "permissionMap": { "client": [
                { "domain": "oauth", "entityType": "client", "action": "add", "label": "Add", "allowsConditions": false, "divisionAware": false },
                { "domain": "oauth", "entityType": "client", "action": "delete", "label": "Delete", "allowsConditions": false, "divisionAware": false },
                { "domain": "oauth", "entityType": "client", "action": "edit", "label": "Edit", "allowsConditions": false, "divisionAware": false },
                { "domain": "oauth", "entityType": "client", "action": "view", "label": "View", "allowsConditions": false, "divisionAware": false } ] } },
              { "domain": "routing", "permissionMap": { "queue": [
                { "domain": "routing", "entityType": "queue", "action": "edit", "label": "Edit", "allowsConditions": false, "divisionAware": true },
                { "domain": "routing", "entityType": "queue", "action": "view", "label": "View", "allowsConditions": true, "divisionAware": true } ],
                "skill": [ { "domain": "routing", "entityType": "skill", "action": "manage", "label": "Manage", "allowsConditions": false, "divisionAware": false } ] } },
              { "domain": "authorization", "permissionMap": { "grant": [
                { "domain": "authorization", "entityType": "grant", "action": "add", "label": "Add", "allowsConditions": false, "divisionAware": true } ] } }
            ]
            """;

        private const string BaselineYaml = """
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata: { name: permissions }
            spec:
              rules:
                - id: P-CLIENTS
                  description: No action on OAuth clients.
                  severity: High
                  forbiddenPermissions: ['oauth:client:*']
                - id: P-QUEUE
                  description: No queue editing.
                  severity: Medium
                  forbiddenPermissions: ['routing:queue:edit']
                - id: P-WILD
                  description: No wildcard permission.
                  severity: Low
                  forbidWildcardPermissions: true
                - id: P-ESC
                  description: No escalation.
                  severity: Critical
                  forbidPrivilegeEscalation: true
            """;

        private static readonly PermissionCatalog Catalog = PermissionCatalog.FromApi(JsonConvert.DeserializeObject<List<DomainPermissionCollectionDto>>(CatalogJson)!);

        private static readonly Baseline Baseline = Baselines.Parse(BaselineYaml);

        [Fact]
        public void A_role_listing_every_client_action_one_by_one_is_caught_by_oauth_client_star()
        {
            var client = Client(Catalog, ("Client Admin", "d-sales", Policy("oauth", "client", "add", "edit", "view", "delete")));

            var finding = Single(client, "P-CLIENTS");

            Assert.Equal(FindingKind.ForbiddenPermission, finding.Kind);
            Assert.Equal("oauth:client:*", finding.Subject);
            Assert.Equal(Severity.High, finding.Severity);
            Assert.Equal(
                "'App' holds the forbidden permission 'oauth:client:*': role 'Client Admin' (Sales) grants 'oauth:client:add', 'oauth:client:edit', 'oauth:client:view', 'oauth:client:delete', organization-wide (not division-aware).",
                finding.Message);
        }

        [Fact]
        public void Without_a_catalogue_overlap_still_flags_and_nothing_is_expanded_or_placed()
        {
            var client = Client(null, ("Client Admin", "d-sales", Policy("oauth", "client", "add", "edit")), ("Power", "*", Policy("*", "*", "*")));

            Assert.Equal(
                "'App' holds the forbidden permission 'oauth:client:*': role 'Client Admin' (Sales) grants 'oauth:client:add', 'oauth:client:edit'; role 'Power' (all divisions) grants '*:*:*'.",
                Single(client, "P-CLIENTS").Message);
            Assert.Equal("'App' holds the wildcard permission '*:*:*': role 'Power' (all divisions) grants '*:*:*'.", Single(client, "P-WILD").Message);
        }

        [Fact]
        public void A_held_star_expands_to_the_catalogue_actions_the_pattern_forbids()
        {
            var client = Client(Catalog, ("Power", "*", Policy("*", "*", "*")), ("Queue Lead", "d-sales", Policy("routing", "*", "*")));

            Assert.Equal(
                "'App' holds the forbidden permission 'oauth:client:*': role 'Power' (all divisions) grants '*:*:*', which includes 'oauth:client:add', 'oauth:client:delete', 'oauth:client:edit', 'oauth:client:view'.",
                Single(client, "P-CLIENTS").Message);
            Assert.Equal(
                "'App' holds the forbidden permission 'routing:queue:edit': role 'Power' (all divisions) grants '*:*:*', which includes 'routing:queue:edit'; "
                    + "role 'Queue Lead' (Sales) grants 'routing:*:*', which includes 'routing:queue:edit', only in division 'Sales'.",
                Single(client, "P-QUEUE").Message);
        }

        [Fact]
        public void Division_reach_follows_the_catalogue_both_ways()
        {
            var client = Client(Catalog, ("Mixed", "d-sales", Policy("routing", "*", "*")));

            var wildcard = Single(client, "P-WILD");

            Assert.Equal(FindingKind.WildcardPermission, wildcard.Kind);
            Assert.Equal("routing:*:*", wildcard.Subject);
            Assert.Equal(
                "'App' holds the wildcard permission 'routing:*:*': role 'Mixed' (Sales) grants 'routing:*:*', which includes 'routing:queue:edit', 'routing:queue:view', 'routing:skill:manage', "
                    + "organization-wide for 'routing:skill:manage' (not division-aware) and only in division 'Sales' for 'routing:queue:edit', 'routing:queue:view'.",
                wildcard.Message);
        }

        [Fact]
        public void An_escalation_path_in_one_division_says_whether_it_reaches_the_whole_organization()
        {
            var client = Client(Catalog, ("Client Editor", "d-sales", Policy("oauth", "client", "edit")), ("Granter", "d-sales", Policy("authorization", "grant", "add")));

            var findings = Findings(client, "P-ESC");

            Assert.Equal(
                new[]
                {
                    "'App' can widen access: role 'Client Editor' (Sales) grants 'oauth:client:edit' (can add roles and scopes to any OAuth client, itself included), organization-wide (not division-aware).",
                    "'App' can widen access: role 'Granter' (Sales) grants 'authorization:grant:add' (can grant any role to users and OAuth clients), only in division 'Sales'.",
                },
                findings.Select(finding => finding.Message));
        }

        [Theory]
        [InlineData("oauth", "client", "edit", "; the grant applies organization-wide (not division-aware).")]
        [InlineData("routing", "queue", "edit", "; the grant applies only in division 'Sales'.")]
        [InlineData("routing", "*", "*", "; the grant applies organization-wide for 'routing:skill:manage' (not division-aware) and only in division 'Sales' for 'routing:queue:edit', 'routing:queue:view'.")]
        [InlineData("quality", "evaluation", "view", ".")]
        public void A_grant_outside_the_allowed_divisions_says_how_far_it_reaches(string domain, string entity, string action, string ending)
        {
            var baseline = Baselines.Parse("""
                apiVersion: oauthaudit/v1
                kind: Baseline
                metadata: { name: divisions }
                spec:
                  rules:
                    - id: D-1
                      description: Home only.
                      severity: Medium
                      allowedDivisions: [Home]
                """);
            var client = Client(Catalog, ("Role", "d-sales", Policy(domain, entity, action)));

            var finding = Assert.Single(new BaselineEvaluator(baseline, DateTime.UtcNow).Evaluate(client).Findings);

            Assert.Equal("'App' holds role 'Role' in division 'Sales', outside the allowed divisions" + ending, finding.Message);
        }

        [Fact]
        public void The_legacy_admin_permission_counts_as_holding_everything_and_says_so()
        {
            var role = new DomainOrganizationRoleDto { Id = "r-legacy", Name = "Old Admin", Permissions = new() { "admin" } };
            var client = Client(Catalog, role, "*");

            Assert.Equal("*:*:*", client.Permissions.ToString());
            Assert.Equal(
                "'App' holds the forbidden permission 'oauth:client:*': role 'Old Admin' (all divisions) grants '*:*:*' (from the legacy 'admin' permission), which includes 'oauth:client:add', 'oauth:client:delete', 'oauth:client:edit', 'oauth:client:view'.",
                Single(client, "P-CLIENTS").Message);
            Assert.StartsWith("'App' holds the wildcard permission '*:*:*': role 'Old Admin' (all divisions) grants '*:*:*' (from the legacy 'admin' permission), which includes ", Single(client, "P-WILD").Message);
            Assert.StartsWith(
                "'App' can widen access: role 'Old Admin' (all divisions) grants '*:*:*' (from the legacy 'admin' permission), which includes 'oauth:client:add' (can create an OAuth client and give it roles), ",
                Single(client, "P-ESC").Message);
            Assert.Contains("'directory:organization:admin' (can update any user, send them activation emails and change the organization's authentication and authorization settings)", Single(client, "P-ESC").Message);
        }

        [Fact]
        public void Other_legacy_permissions_are_shown_but_grant_nothing_the_checks_see()
        {
            var role = new DomainOrganizationRoleDto { Id = "r-docs", Name = "Docs", Permissions = new() { "content_management_user" } };
            var client = Client(Catalog, role, "d-sales");

            Assert.Equal("content_management_user", AuthorizationFactory.Role(role).LegacyPermissions.ToString());
            Assert.Empty(client.Permissions);
            Assert.Empty(new BaselineEvaluator(Baseline, DateTime.UtcNow).Evaluate(client).Findings);
        }

        [Fact]
        public void A_conditional_policy_is_marked_still_counts_and_keeps_the_rule_severity()
        {
            var condition = JObject.Parse("""{ "variableName": "Queue.id", "operator": "EQ", "operands": [ { "type": "QUEUE", "queue": { "id": "q1" } } ] }""");
            var client = Client(Catalog, ("Queue Editor", "d-sales", Policy("routing", "queue", "edit", "view").With(allowConditions: true, node: condition)));

            Assert.Contains("routing:queue:edit", client.Permissions);
            Assert.Equal("routing:queue:edit; routing:queue:view", client.Roles.Single().ConditionalPermissions.ToString());
            var finding = Single(client, "P-QUEUE");
            Assert.Equal(Severity.Medium, finding.Severity);
            Assert.Equal("'App' holds the forbidden permission 'routing:queue:edit': role 'Queue Editor' (Sales) grants 'routing:queue:edit' (conditional), only in division 'Sales'.", finding.Message);
        }

        [Fact]
        public void An_escalation_path_held_both_ways_is_named_by_its_unconditional_grant()
        {
            var condition = JObject.Parse("""{ "variableName": "OAuthClient.id", "operator": "EQ" }""");
            var role = new DomainOrganizationRoleDto
            {
                Id = "r-both",
                Name = "Both",
                PermissionPolicies = new() { Policy("oauth", "client", "edit").With(allowConditions: true, node: condition), Policy("oauth", "*", "*") },
            };
            var client = Client(null, role, "*");

            Assert.Equal(
                "'App' can widen access: role 'Both' (all divisions) grants 'oauth:*:*', which includes 'oauth:client:add' (can create an OAuth client and give it roles), 'oauth:client:edit' (can add roles and scopes to any OAuth client, itself included).",
                Single(client, "P-ESC").Message);
            Assert.Equal(
                "'App' can widen access: role 'Both' (all divisions) grants 'oauth:client:edit' (conditional) (can add roles and scopes to any OAuth client, itself included).",
                Single(Client(null, new DomainOrganizationRoleDto { Id = "r-c", Name = "Both", PermissionPolicies = new() { role.PermissionPolicies[0] } }, "*"), "P-ESC").Message);
        }

        [Theory]
        [InlineData(true, true, false, "routing:queue:edit")]
        [InlineData(true, false, false, "")]
        [InlineData(false, true, false, "")]
        [InlineData(true, true, true, "")]
        public void A_permission_is_conditional_only_when_every_policy_granting_it_carries_a_condition(bool allowConditions, bool hasNode, bool alsoUnconditional, string conditional)
        {
            var policies = new List<DomainPermissionPolicyDto>
            {
                Policy("routing", "queue", "edit").With(allowConditions, hasNode ? JObject.Parse("""{ "variableName": "Queue.id", "operator": "EQ" }""") : null),
            };
            if (alsoUnconditional)
            {
                policies.Add(Policy("routing", "queue", "edit"));
            }

            var role = AuthorizationFactory.Role(new DomainOrganizationRoleDto { Id = "r", Name = "R", PermissionPolicies = policies });

            Assert.Equal("routing:queue:edit", role.Permissions.ToString());
            Assert.Equal(conditional, role.ConditionalPermissions.ToString());
        }

        [Fact]
        public void A_role_without_wildcards_passes_the_wildcard_demand()
        {
            var client = Client(Catalog, ("Reader", "d-sales", Policy("routing", "queue", "view")));

            Assert.DoesNotContain(new BaselineEvaluator(Baseline, DateTime.UtcNow).Evaluate(client).Findings, finding => finding.RuleId == "P-WILD");
        }

        [Fact]
        public void The_catalogue_passes_over_entries_that_name_nothing_and_answers_unknown_for_what_it_lacks()
        {
            var catalog = PermissionCatalog.FromApi(JsonConvert.DeserializeObject<List<DomainPermissionCollectionDto>>("""
                [ null,
                  { "domain": "oauth", "permissionMap": null },
                  { "domain": "routing", "permissionMap": { "queue": null, "skill": [ null, { "action": "manage", "divisionAware": false }, { "domain": "routing", "entityType": "skill" } ],
                    "wrapupCode": [ { "domain": "routing", "entityType": "wrapupCode", "action": "*", "divisionAware": true } ] } }
                ]
                """)!);

            Assert.Equal(1, catalog.Count);
            Assert.Equal(new[] { "routing:skill:manage" }, catalog.Including("routing:*:*"));
            Assert.False(catalog.IsDivisionAware("routing:skill:manage"));
            Assert.Null(catalog.IsDivisionAware("routing:queue:edit"));
        }

        private static Finding Single(OAuthClient client, string ruleId) => Assert.Single(Findings(client, ruleId));

        private static IReadOnlyList<Finding> Findings(OAuthClient client, string ruleId) =>
            new BaselineEvaluator(Baseline, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)).Evaluate(client).Findings.Where(finding => finding.RuleId == ruleId).ToArray();

        private static DomainPermissionPolicyDto Policy(string domain, string entity, params string[] actions) =>
            new DomainPermissionPolicyDto { Domain = domain, EntityName = entity, ActionSet = actions.ToList() };

        private static OAuthClient Client(PermissionCatalog? catalog, params (string Role, string Division, DomainPermissionPolicyDto Policy)[] grants) =>
            Build(catalog, grants.Select((grant, index) => (new DomainOrganizationRoleDto { Id = "r" + index, Name = grant.Role, PermissionPolicies = new() { grant.Policy } }, grant.Division)).ToArray());

        private static OAuthClient Client(PermissionCatalog? catalog, DomainOrganizationRoleDto role, string division) => Build(catalog, new[] { (role, division) });

        private static OAuthClient Build(PermissionCatalog? catalog, (DomainOrganizationRoleDto Role, string Division)[] grants)
        {
            var registry = new AuthorizationRegistry(
                grants.Select(grant => AuthorizationFactory.Role(grant.Role)),
                new[] { new AuthzDivisionDto { Id = "d-home", Name = "Home", HomeDivision = true }, new AuthzDivisionDto { Id = "d-sales", Name = "Sales" } }.Select(AuthorizationFactory.Division),
                catalog);
            var dto = new OAuthClientDto
            {
                Id = "app",
                Name = "App",
                AuthorizedGrantType = GrantTypes.ClientCredentials,
                RoleDivisions = grants.Select(grant => new RoleDivisionDto { RoleId = grant.Role.Id, DivisionId = grant.Division }).ToList(),
            };
            return OAuthClientFactory.Create(dto, new ScopeRegistry(new OAuthScope[0]), registry, new Organization("o", "Org", null));
        }
    }

    internal static class PolicyExtensions
    {
        public static DomainPermissionPolicyDto With(this DomainPermissionPolicyDto policy, bool allowConditions, JToken? node)
        {
            policy.AllowConditions = allowConditions;
            policy.ResourceConditionNode = node;
            return policy;
        }
    }
}
