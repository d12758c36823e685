using System.Linq;
using System.Text;
using OAuthAudit.Engine.Organizations;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The byte scan that finds the role ids a raw client listing references, to ask for them during its parse (a hint).</summary>
    public class RoleIdScanTests
    {
        [Fact]
        public void Finds_the_ids_of_role_divisions_and_of_the_deprecated_role_id_lists_once_each()
        {
            var ids = Scan("""
                {"entities":[
                  {"id":"c1","roleDivisions":[{"roleId":"r-1","divisionId":"d1"},{"roleId":"R-1","divisionId":"d2"}]},
                  {"id":"c2","roleIds":["r_2", "r3" ,"r-1"]},
                  {"id":"c3","roleDivisions" : [ { "divisionId" : "d1" , "roleId" :
                     "r4" } ]}
                ]}
                """);

            Assert.Equal(new[] { "r-1", "r3", "r4", "r_2" }, ids!.OrderBy(id => id, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("""{"entities":[{"description":"\"roleId\":\"r9\"","roleIds":[]}]}""")]
        [InlineData("""{"entities":[{"name":"roleId","description":"roleIds"}]}""")]
        [InlineData("""{"entities":[{"roleIdentifier":"r9","roleIdsOld":["r9"]}]}""")]
        [InlineData("""{"entities":[{"roleDivisions":[{"roleId":"r\u0039"},{"roleId":"has space"},{"roleId":""},{"roleId":12}]}]}""")]
        [InlineData("""{"entities":[{"roleDivisions":[{"roleId":null}],"roleIds":null}]}""")]
        [InlineData("""{"entities":[{"roleDivisions":[{"roleId":"r9""")]
        [InlineData("")]
        public void Finds_nothing_in_names_values_escapes_or_ids_that_are_not_plain(string json)
        {
            Assert.Null(Scan(json));
        }

        [Fact]
        public void An_id_longer_than_64_characters_is_passed_over_and_the_next_one_found()
        {
            var ids = Scan("{\"roleIds\":[\"" + new string('a', 65) + "\",\"r1\"],\"x\":{\"roleId\":\"" + new string('b', 64) + "\"}}");

            Assert.Equal(new[] { new string('b', 64) }, ids);
        }

        [Fact]
        public void Gives_up_past_the_most_ids_a_hint_is_worth()
        {
            var many = string.Join(",", Enumerable.Range(0, RoleIdScan.MaxIds + 1).Select(number => "\"r" + number + "\""));

            Assert.Null(Scan("{\"roleIds\":[" + many + "]}"));
            Assert.Equal(RoleIdScan.MaxIds, Scan("{\"roleIds\":[" + string.Join(",", Enumerable.Range(0, RoleIdScan.MaxIds).Select(number => "\"r" + number + "\"")) + "]}")!.Count);
        }

        [Fact]
        public void Reads_only_the_given_range_of_the_buffer()
        {
            var bytes = Encoding.UTF8.GetBytes("{\"roleId\":\"r1\"}{\"roleId\":\"r2\"}");

            Assert.Equal(new[] { "r2" }, RoleIdScan.Scan(bytes, 15, bytes.Length - 15));
        }

        private static System.Collections.Generic.IReadOnlyCollection<string>? Scan(string json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            return RoleIdScan.Scan(bytes, 0, bytes.Length);
        }
    }
}
