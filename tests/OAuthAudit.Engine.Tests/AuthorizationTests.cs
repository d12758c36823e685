using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class AuthorizationTests
    {
        private static readonly AuthorizationRole[] Roles =
            new[]
            {
                new DomainOrganizationRoleDto
                {
                    Id = "r-admin",
                    Name = "admin",
                    PermissionPolicies = new() { new DomainPermissionPolicyDto { Domain = "*", EntityName = "*", ActionSet = new() { "*" } } },
                },
                new DomainOrganizationRoleDto
                {
                    Id = "r-mixed",
                    Name = "Mixed",
                    PermissionPolicies = new()
                    {
                        new DomainPermissionPolicyDto { Domain = "routing", EntityName = "queue", ActionSet = new() { "view", "edit" } },
                        new DomainPermissionPolicyDto { Domain = "oauth", EntityName = "client", ActionSet = new() { "view" } },
                    },
                    Permissions = new() { "admin", "routing:queue:view" },
                },
            }.Select(AuthorizationFactory.Role).ToArray();

        private static readonly AuthorizationRegistry Registry = new AuthorizationRegistry(
            Roles,
            new[]
            {
                new AuthzDivisionDto { Id = "d-home", Name = "Home", HomeDivision = true },
                new AuthzDivisionDto { Id = "d-sales", Name = "Sales" },
            }.Select(AuthorizationFactory.Division));

        [Fact]
        public void A_role_spells_out_one_permission_per_action_and_keeps_the_api_wildcards()
        {
            var mixed = Roles.Single(role => role.Name == "Mixed");

            Assert.Equal("*:*:*", Roles.Single(role => role.Name == "admin").Permissions.ToString());
            Assert.Equal("routing:queue:view; routing:queue:edit; oauth:client:view; *:*:*", mixed.Permissions.ToString());
            Assert.Equal("admin; routing:queue:view", mixed.LegacyPermissions.ToString());
            Assert.Empty(mixed.ConditionalPermissions);
        }

        [Fact]
        public void A_grant_without_a_division_is_in_the_home_division_even_when_the_divisions_are_not_known()
        {
            var grant = new AuthorizationRegistry(Roles, new AuthorizationDivision[0]).Resolve(new RoleDivision("r-mixed", null));

            Assert.Equal("Mixed (home division)", grant.ToString());
            Assert.True(grant.IsKnownDivision);
            Assert.Null(grant.DivisionId);
        }

        [Theory]
        [InlineData("r-mixed", "d-sales", "Mixed (Sales)", true, true, false)]
        [InlineData("r-mixed", null, "Mixed (Home)", true, true, false)]
        [InlineData("r-mixed", "", "Mixed (Home)", true, true, false)]
        [InlineData("r-admin", "*", "admin (all divisions)", true, true, true)]
        [InlineData("r-gone", "d-sales", "unknown role r-gone (Sales)", false, true, false)]
        [InlineData("r-mixed", "d-gone", "Mixed (unknown division d-gone)", true, false, false)]
        public void A_grant_resolves_to_names_with_unknown_ids_kept_and_flagged(string roleId, string? divisionId, string shown, bool knownRole, bool knownDivision, bool allDivisions)
        {
            var grant = Registry.Resolve(new RoleDivision(roleId, divisionId));

            Assert.Equal(shown, grant.ToString());
            Assert.Equal(knownRole, grant.IsKnownRole);
            Assert.Equal(knownDivision, grant.IsKnownDivision);
            Assert.Equal(allDivisions, grant.IsAllDivisions);
            Assert.Equal(roleId, grant.RoleId);
        }

        /// <summary>Changed by issue 8 from "covers" semantics: a listed pattern now matches every held permission it overlaps.</summary>
        [Theory]
        [InlineData("oauth:client:edit", "oauth:client:edit", true)]
        [InlineData("oauth:client:edit", "OAUTH:Client:Edit", true)]
        [InlineData("oauth:client:edit", "*:*:*", true)]
        [InlineData("oauth:client:edit", "oauth:*:*", true)]
        [InlineData("oauth:client:edit", "oauth:client:*", true)]
        [InlineData("oauth:client:edit", "oauth:client:view", false)]
        [InlineData("oauth:client:*", "oauth:client:edit", true)]
        [InlineData("oauth:client:*", "oauth:client:add", true)]
        [InlineData("oauth:client:*", "oauth:client:*", true)]
        [InlineData("oauth:client:*", "oauth:*:view", true)]
        [InlineData("oauth:client:*", "*:*:*", true)]
        [InlineData("oauth:client:*", "oauth:authorization:view", false)]
        [InlineData("oauth:client:*", "authorization:client:edit", false)]
        [InlineData("oauth:*:*", "oauth:client:view", true)]
        [InlineData("*:client:*", "oauth:client:view", true)]
        [InlineData("*:*:edit", "routing:queue:edit", true)]
        [InlineData("*:*:edit", "routing:queue:view", false)]
        [InlineData("*:*:edit", "routing:*:view", false)]
        [InlineData("*:*:*", "analytics:conversationDetail:view", true)]
        [InlineData("*:*:*", "*:*:*", true)]
        [InlineData("oauth:client:edit", "admin", false)]
        [InlineData("oauth:client:edit", "oauth:client", false)]
        public void A_listed_pattern_matches_every_held_permission_it_overlaps(string pattern, string held, bool overlaps)
        {
            Assert.Equal(overlaps, new PermissionPattern(pattern).Overlaps(held));
        }

        [Theory]
        [InlineData("oauth:client:edit", "oauth:client:edit", true)]
        [InlineData("oauth:client:edit", "*:*:*", true)]
        [InlineData("oauth:client:edit", "oauth:client:*", true)]
        [InlineData("oauth:client:edit", "oauth:client:view", false)]
        [InlineData("oauth:client:*", "oauth:client:edit", false)]
        [InlineData("*:*:*", "oauth:*:*", false)]
        public void A_held_permission_grants_an_escalation_path_only_when_it_covers_it(string pattern, string held, bool granted)
        {
            Assert.Equal(granted, new PermissionPattern(pattern).IsGrantedBy(held));
        }

        [Theory]
        [InlineData("oauth:client")]
        [InlineData("oauth:client:ed*")]
        [InlineData("oauth:client:edit:now")]
        [InlineData("oauth client:edit")]
        [InlineData("")]
        public void A_malformed_permission_is_refused(string text)
        {
            Assert.False(PermissionPattern.IsValid(text));
        }
    }
}
