using System.Linq;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Model;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    public class ModelTests
    {
        [Fact]
        public void A_value_list_prints_its_items_joined_for_csv_cells()
        {
            Assert.Equal("a; b; c", ValueList.From(new[] { "a", "b", "c" }).ToString());
            Assert.Equal(string.Empty, ValueList<string>.Empty.ToString());
            Assert.Equal("analytics; users:readonly", ValueList.From(new[] { new OAuthScope("analytics", null), OAuthScope.Unknown("users:readonly") }).ToString());
        }

        [Fact]
        public void A_scope_equals_a_scope_or_string_of_the_same_name_in_any_case()
        {
            var scope = new OAuthScope("users:readonly", "View users");

            Assert.True(scope.Equals("USERS:readonly"));
            Assert.True(scope.Equals(OAuthScope.Unknown("users:readonly")));
            Assert.False(scope.Equals("users"));
            Assert.True(scope.IsReadOnly);
            Assert.False(new OAuthScope("users", null).IsReadOnly);
        }

        [Fact]
        public void The_registry_resolves_known_names_and_keeps_unknown_ones_marked()
        {
            var registry = new ScopeRegistry(new[] { new OAuthScope("analytics", "Manage analytics"), new OAuthScope("users", "Manage users") });

            var known = registry.Resolve("Analytics");
            var unknown = registry.Resolve("web-chat");

            Assert.True(known.IsKnown);
            Assert.Equal("Manage analytics", known.Description);
            Assert.False(unknown.IsKnown);
            Assert.Equal("web-chat", unknown.Name);
            Assert.Equal(new[] { "analytics", "users" }, registry.Scopes.Select(scope => scope.Name));
        }
    }
}
