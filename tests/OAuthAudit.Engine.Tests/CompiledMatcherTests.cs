using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// The matchers compiled once per baseline give the answers the plain definitions give: each reference below is
    /// the matcher as it was written before it was compiled (split at every call, LINQ over lists), run on edge cases
    /// (case, non-ASCII letters that fold to ASCII, "*" in the middle, empty parts) and on many generated inputs.
    /// </summary>
    public class CompiledMatcherTests
    {
        // Letters whose invariant upper or lower case is an ASCII letter (Kelvin sign, dotless i, long s), Turkish dotted I, and look-alikes that fold to nothing.
        private const string Alphabet = "aAbBkKsSiI*?:-_.\u212a\u0131\u017f\u0130\u00e9\u00c9 ";

        [Theory]
        [InlineData("users", "USERS")]
        [InlineData("k*", "\u212aelvin")]
        [InlineData("users", "u\u017fers")]
        [InlineData("admin", "adm\u0131n")]
        [InlineData("*In*", "L\u0130ne")]
        [InlineData("a*b*c", "AxBxC")]
        [InlineData("*ab*ab", "aab")]
        [InlineData("a?c", "A\u00e9C")]
        [InlineData("@", "`")]
        [InlineData("[", "{")]
        [InlineData("*", "")]
        [InlineData("", "")]
        public void A_wildcard_answers_as_the_character_by_character_definition(string pattern, string text)
        {
            Assert.Equal(ReferenceWildcard(pattern, text), new Wildcard(pattern).IsMatch(text));
        }

        [Fact]
        public void Wildcards_agree_with_the_definition_on_generated_patterns_and_names()
        {
            var random = new Random(14);
            for (var run = 0; run < 20000; run++)
            {
                var pattern = Generate(random, random.Next(0, 6));
                var text = Generate(random, random.Next(0, 8)).Replace("*", "x").Replace("?", "y");
                Assert.True(ReferenceWildcard(pattern, text) == new Wildcard(pattern).IsMatch(text), $"'{pattern}' on '{text}'");
            }
        }

        [Theory]
        [InlineData("oauth:client:*", "oauth:client:edit")]
        [InlineData("OAuth:Client:Edit", "oauth:client:edit")]
        [InlineData("*:*:*", "a:b:c")]
        [InlineData("a:b:c", "*:*:*")]
        [InlineData("a::c", "a::c")]
        [InlineData("a:*:c", "a::c")]
        [InlineData("a:b", "a:b")]
        [InlineData("a:b:c:d", "a:b:c:d")]
        [InlineData("a:b:c", "a:b:cd")]
        [InlineData("**:b:c", "a:b:c")]
        [InlineData("\u212a:b:c", "k:b:c")]
        [InlineData("", "")]
        public void Permission_covering_and_overlap_answer_as_splitting_into_parts_does(string left, string right)
        {
            Assert.Equal(ReferencePermission(left, right, eitherSide: false), PermissionPattern.Covers(left, right));
            if (PermissionPattern.IsValid(right))
            {
                Assert.Equal(ReferencePermission(left, right, eitherSide: true), new PermissionPattern(right).Overlaps(left));
                Assert.Equal(ReferencePermission(left, right, eitherSide: false), new PermissionPattern(right).IsGrantedBy(left));
            }
        }

        [Fact]
        public void Permissions_agree_with_the_definition_on_generated_permissions()
        {
            var random = new Random(7);
            var parts = new[] { "*", "oauth", "OAuth", "client", "edit", "", "**", "a" };
            string Permission() => string.Join(":", Enumerable.Range(0, random.Next(2, 5)).Select(_ => parts[random.Next(parts.Length)]));
            for (var run = 0; run < 20000; run++)
            {
                var (left, right) = (Permission(), Permission());
                Assert.True(ReferencePermission(left, right, eitherSide: false) == PermissionPattern.Covers(left, right), $"{left} covers {right}");
                if (PermissionPattern.IsValid(right))
                {
                    Assert.True(ReferencePermission(left, right, eitherSide: true) == new PermissionPattern(right).Overlaps(left), $"{left} overlaps {right}");
                }
            }
        }

        [Fact]
        public void The_catalogue_gives_the_same_actions_for_a_wildcard_every_time_it_is_asked()
        {
            var catalog = Catalog(("oauth", "client", new[] { "add", "edit", "view" }), ("routing", "queue", new[] { "view" }));

            var first = catalog.Including("oauth:*:*");
            var again = catalog.Including("OAUTH:client:*");

            Assert.Equal(new[] { "oauth:client:add", "oauth:client:edit", "oauth:client:view" }, first);
            Assert.Equal(first, again);
            Assert.Equal(new[] { "routing:queue:view" }, catalog.Including("*:queue:view"));
            Assert.Empty(catalog.Including("oauth:client"));
        }

        [Theory]
        [InlineData("grantTypes: [code]", GrantTypes.Code, "active", true)]
        [InlineData("grantTypes: [CLIENT-CREDENTIALS]", GrantTypes.Code, "active", false)]
        [InlineData("states: [ACTIVE]", GrantTypes.Code, "active", true)]
        [InlineData("states: [inactive]", GrantTypes.Code, null, false)]
        [InlineData("clientIds: [CLIENT-7]", GrantTypes.Code, "active", true)]
        [InlineData("clientIds: [client-8]", GrantTypes.Code, "active", false)]
        [InlineData("namePatterns: ['^Sales']", GrantTypes.Code, "active", true)]
        [InlineData("namePatterns: ['^CTI']", GrantTypes.Code, "active", false)]
        [InlineData("namePatterns: ['cti$']", GrantTypes.Code, "active", true)]
        [InlineData("namePatterns: ['Force C']", GrantTypes.Code, "active", true)]
        [InlineData("names: ['sales*cti']", GrantTypes.Code, "active", true)]
        [InlineData("names: ['sales*x*cti']", GrantTypes.Code, "active", false)]
        [InlineData("names: ['*FORCE*']", GrantTypes.Code, "active", true)]
        [InlineData("{ grantTypes: [CODE], states: [disabled] }", GrantTypes.Code, "active", false)]
        public void A_rule_match_answers_as_its_criteria_say_ignoring_case(string match, string grantType, string? state, bool applies)
        {
            var baseline = Baselines.Parse("apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: { name: test }\nspec:\n  rules:\n"
                + $"    - id: R-1\n      description: d\n      severity: High\n      match: {(match.StartsWith("{", StringComparison.Ordinal) ? match : "{ " + match + " }")}\n      allowedStates: [active]\n");
            var client = new OAuthClient("client-7", "SalesForce CTI", grantType) { State = state };

            var result = new BaselineEvaluator(baseline, DateTime.UtcNow).Evaluate(client);

            Assert.Equal(applies, result.MatchedRules.Count == 1);
        }

        /// <summary>Wildcard.IsMatch as first written: split at "*", each segment compared character by character ignoring case (invariant upper or lower).</summary>
        private static bool ReferenceWildcard(string pattern, string text)
        {
            static bool Same(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b) || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
            static bool At(string segment, string text, int at) => Enumerable.Range(0, segment.Length).All(index => segment[index] == '?' || Same(segment[index], text[at + index]));

            var segments = pattern.Split('*');
            if (segments.Length == 1)
            {
                return text.Length == pattern.Length && At(pattern, text, 0);
            }

            var (prefix, suffix) = (segments[0], segments[segments.Length - 1]);
            if (text.Length < prefix.Length + suffix.Length || !At(prefix, text, 0) || !At(suffix, text, text.Length - suffix.Length))
            {
                return false;
            }

            var position = prefix.Length;
            var end = text.Length - suffix.Length;
            foreach (var segment in segments.Skip(1).Take(segments.Length - 2))
            {
                var found = Enumerable.Range(position, Math.Max(0, end - segment.Length - position + 1)).Where(at => At(segment, text, at)).DefaultIfEmpty(-1).First();
                if (found < 0)
                {
                    return false;
                }

                position = found + segment.Length;
            }

            return true;
        }

        /// <summary>PermissionPattern's comparison as first written: both split at ':', three parts each, each pair "*" (left, or either side) or equal ignoring case.</summary>
        private static bool ReferencePermission(string left, string right, bool eitherSide)
        {
            var lefts = left.Split(':');
            var rights = right.Split(':');
            return lefts.Length == 3 && rights.Length == 3
                && lefts.Zip(rights, (l, r) => l == "*" || (eitherSide && r == "*") || string.Equals(l, r, StringComparison.OrdinalIgnoreCase)).All(same => same);
        }

        private static string Generate(Random random, int length) =>
            new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

        private static PermissionCatalog Catalog(params (string Domain, string Entity, string[] Actions)[] entries) =>
            PermissionCatalog.FromApi(entries.GroupBy(entry => entry.Domain).Select(domain => new Api.Dto.DomainPermissionCollectionDto
            {
                Domain = domain.Key,
                PermissionMap = domain.ToDictionary(entry => entry.Entity, entry => (List<Api.Dto.DomainPermissionDto>?)entry.Actions
                    .Select(action => new Api.Dto.DomainPermissionDto { Domain = domain.Key, EntityType = entry.Entity, Action = action, DivisionAware = true }).ToList()),
            }));
    }
}
