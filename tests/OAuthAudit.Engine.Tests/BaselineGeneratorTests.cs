using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Organizations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Generation;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Engine.Rules.Writing;
using OAuthAudit.Tests.Shared;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>
    /// Baselines generated from today's organization: they load with the module's parser, every client of the
    /// organization passes them (only Info findings), they are the same bytes for the same organization and time,
    /// and they never hold a waiver.
    /// </summary>
    public class BaselineGeneratorTests
    {
        internal static readonly DateTime Pinned = new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc);

        private static string DemoSnapshot => Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");

        public static IEnumerable<object[]> Groupings() => Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>().Select(grouping => new object[] { grouping });

        [Theory]
        [MemberData(nameof(Groupings))]
        public void The_demo_org_passes_the_baseline_generated_from_it(BaselineGrouping grouping)
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var generated = Generate(context, grouping);

            var parsed = Baselines.Parse(generated.Text.Text, "generated.yml");
            var evaluator = new BaselineEvaluator(parsed, Pinned);
            var clients = context.Directory.GetClients(Operation.Quiet).ToArray();
            Assert.Equal(40, clients.Length);
            foreach (var client in clients)
            {
                var result = evaluator.Evaluate(client);
                Assert.True(result.Findings.All(finding => finding.Severity == Severity.Info), $"{client.Name}: {string.Join("; ", result.Findings.Select(finding => finding.Message))}");
                Assert.Single(result.MatchedRules);
            }

            Assert.Empty(generated.StillFlagged);
            Assert.Empty(parsed.Waivers);
            Assert.Equal(generated.Baseline.Rules.Count, parsed.Rules.Count);
            Assert.True(parsed.ReportUnmatchedClients);
        }

        [Fact]
        public void Rules_per_grouping_on_the_demo_org()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var generated = Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>().ToDictionary(grouping => grouping, grouping => Generate(context, grouping));
            var counts = generated.ToDictionary(entry => entry.Key, entry => entry.Value.Baseline.Rules.Count);
            var notes = generated.ToDictionary(entry => entry.Key, entry => entry.Value.ReviewNotes.Count);

            Assert.Equal(5, counts[BaselineGrouping.GrantType]);
            Assert.Equal(40, counts[BaselineGrouping.Client]);
            Assert.Equal(40, counts[BaselineGrouping.Name]); // no two demo clients of one grant type share a first word
            Assert.Equal(new[] { 25, 25, 25 }, new[] { notes[BaselineGrouping.Name], notes[BaselineGrouping.GrantType], notes[BaselineGrouping.Client] });
        }

        [Fact]
        public void The_same_organization_gives_the_same_bytes_and_only_the_time_line_differs_at_another_time()
        {
            foreach (var grouping in Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>())
            {
                string First()
                {
                    using var context = Connector.ConnectSnapshot(DemoSnapshot);
                    return Generate(context, grouping).Text.Text;
                }

                var first = First();
                Assert.Equal(first, First());

                using var later = Connector.ConnectSnapshot(DemoSnapshot);
                var other = BaselineGenerator.Generate(later.Directory, Operation.Quiet, grouping, Pinned.AddDays(30), text => Baselines.Loader.ReadText(text, "generated.yml")).Text.Text;
                var differing = first.Split('\n').Zip(other.Split('\n'), (a, b) => (a, b)).Where(pair => pair.a != pair.b).ToArray();
                Assert.Equal(first.Split('\n').Length, other.Split('\n').Length);
                var line = Assert.Single(differing);
                Assert.Equal("# Generated at 2026-12-01T23:00:00Z.", line.a);
                Assert.Equal("# Generated at 2026-12-31T23:00:00Z.", line.b);
            }
        }

        [Fact]
        public void No_waiver_is_ever_written_and_the_writer_refuses_a_baseline_that_has_one()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            foreach (var grouping in Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>())
            {
                var generated = Generate(context, grouping);
                Assert.DoesNotContain(BaselineKeys.Waivers + ":", generated.Text.Text);
                Assert.Empty(generated.Baseline.Waivers);
            }

            var sample = Baselines.Loader.ReadFile(Path.Combine(RepositoryRoot.Path, "samples", "baseline.yml"));
            Assert.NotEmpty(sample.Waivers);
            var refused = Assert.Throws<ArgumentException>(() => BaselineYamlWriter.Write(sample, new string[0], _ => null));
            Assert.Contains("writes none", refused.Message);
        }

        [Fact]
        public void Every_key_written_is_a_key_of_the_reader_tables()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var known = new HashSet<string>(
                BaselineKeys.Root.Concat(BaselineKeys.MetadataKeys).Concat(BaselineKeys.SpecKeys).Concat(BaselineKeys.RuleOwn).Concat(BaselineKeys.MatchKeys)
                    .Concat(BaselineKeys.RedirectUriKeys).Concat(DemandKinds.All.Select(kind => kind.Key)),
                StringComparer.Ordinal);
            var keys = Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>()
                .SelectMany(grouping => Generate(context, grouping).Text.Text.Split('\n'))
                .Select(line => Regex.Match(line, "^ *(?:- )?([A-Za-z]+):(?: |$)"))
                .Where(match => match.Success)
                .Select(match => match.Groups[1].Value)
                .Distinct()
                .ToArray();

            Assert.True(keys.All(known.Contains), "keys outside the tables: " + string.Join(", ", keys.Where(key => !known.Contains(key))));
            Assert.Contains(DemandKinds.ForbidPrivilegeEscalation.Key, keys);
        }

        [Fact]
        public void Escalation_paths_all_division_grants_and_wildcard_permissions_are_review_comments_and_their_flags_are_left_out()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var generated = Generate(context, BaselineGrouping.Client);
            var text = generated.Text.Text;

            string RuleOf(string client) => generated.Baseline.Rules.Single(rule => rule.Description.StartsWith($"'{client}'", StringComparison.Ordinal)).Id;
            var admin = RuleOf("Genesys Cloud Admin Tooling");
            var legacy = RuleOf("Legacy IVR Middleware");
            var outbound = RuleOf("Outbound Campaign Loader");

            Assert.Contains(generated.ReviewNotes, note => note.RuleId == admin && note.Text.StartsWith("forbidPrivilegeEscalation not set: 'Genesys Cloud Admin Tooling' can widen access", StringComparison.Ordinal));
            Assert.Contains(generated.ReviewNotes, note => note.RuleId == legacy && note.Text.Contains("holds the wildcard permission '*:*:*'"));
            Assert.Contains(generated.ReviewNotes, note => note.RuleId == legacy && note.Text.StartsWith("forbidAllDivisions not set: 'Legacy IVR Middleware' holds role 'admin' in all divisions", StringComparison.Ordinal));
            Assert.DoesNotContain(generated.ReviewNotes, note => note.RuleId == outbound);
            Assert.Contains("    # REVIEW: forbidPrivilegeEscalation not set: 'Genesys Cloud Admin Tooling' can widen access", text);

            var rules = generated.Baseline.Rules.ToDictionary(rule => rule.Id);
            Assert.False(rules[admin].ForbidPrivilegeEscalation);
            Assert.False(rules[legacy].ForbidWildcardPermissions);
            Assert.False(rules[legacy].ForbidAllDivisions);
            Assert.Equal(new[] { "*" }, rules[legacy].AllowedDivisions);
            Assert.True(rules[outbound].ForbidPrivilegeEscalation);
            Assert.True(rules[outbound].ForbidWildcardPermissions);
            Assert.True(rules[outbound].ForbidAllDivisions);
            Assert.Equal(new[] { "Outbound Dialer Sync" }, rules[outbound].RequiredRoles);
            Assert.Equal(new[] { "EMEA Outbound" }, rules[outbound].AllowedDivisions);
        }

        [Fact]
        public void A_rule_holds_what_its_group_holds_today()
        {
            using var context = Connector.ConnectSnapshot(DemoSnapshot);
            var generated = Generate(context, BaselineGrouping.GrantType);
            var code = generated.Baseline.Rules.Single(rule => rule.Match.GrantTypes.SequenceEqual(new[] { GrantTypes.Code }));
            var clients = context.Directory.GetClients(Operation.Quiet).Where(client => client.AuthorizedGrantType == GrantTypes.Code).ToArray();

            Assert.Equal(clients.SelectMany(client => client.Scopes.Select(scope => scope.Name)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(name => name, StringComparer.OrdinalIgnoreCase),
                code.AllowedScopes!.Select(scope => scope.Text));
            Assert.Equal(new[] { "user-basic-info" }, code.RequiredScopes.Select(scope => scope.Text));
            Assert.Equal(clients.Max(client => client.AccessTokenValiditySeconds), code.MaxAccessTokenValiditySeconds);
            Assert.Equal(new[] { "active", "disabled", "inactive" }, code.AllowedStates);
            Assert.Equal(BaselineGenerator.RuleSeverity, code.Severity);
        }

        [Fact]
        public void Hostile_names_round_trip_exactly_and_never_forge_a_key_or_a_line()
        {
            var generatedAll = Enum.GetValues(typeof(BaselineGrouping)).Cast<BaselineGrouping>().Select(grouping => (grouping, HostileOrg.Generate(grouping))).ToArray();
            foreach (var (grouping, (generated, clients)) in generatedAll)
            {
                Assert.Empty(generated.StillFlagged);
                var parsed = Baselines.Parse(generated.Text.Text, "hostile.yml");
                Assert.Equal(HostileOrg.OrganizationName, parsed.Name.Substring("Generated from ".Length));
                var evaluator = new BaselineEvaluator(parsed, Pinned);
                foreach (var client in clients)
                {
                    var result = evaluator.Evaluate(client);
                    Assert.True(result.Findings.All(finding => finding.Severity == Severity.Info), $"{grouping} {client.Id}: {string.Join("; ", result.Findings.Select(finding => finding.Message))}");
                    var rule = parsed.Rules.Single(candidate => candidate.Id == Assert.Single(result.MatchedRules));
                    if (grouping == BaselineGrouping.Client || (grouping == BaselineGrouping.Name && rule.Match.Names.Count == 1 && rule.Match.Names[0] == client.Name))
                    {
                        Assert.Contains(client.Name.Replace('\uD800', '\uFFFD'), rule.Description, StringComparison.Ordinal);
                    }
                    else if (grouping == BaselineGrouping.Name && rule.Match.Names.Count == 1)
                    {
                        // A shared prefix: the pattern is the start of the name, and "*".
                        var pattern = rule.Match.Names[0];
                        Assert.EndsWith("*", pattern, StringComparison.Ordinal);
                        Assert.StartsWith(pattern.Substring(0, pattern.Length - 1), client.Name, StringComparison.OrdinalIgnoreCase);
                        Assert.Contains(pattern, rule.Description, StringComparison.Ordinal);
                    }

                    if (grouping == BaselineGrouping.Client || (grouping == BaselineGrouping.Name && client.Name.Contains('\uD800')))
                    {
                        Assert.Equal(new[] { client.Id }, rule.Match.ClientIds);
                    }
                }

                // Only the header's comment lines come before the document, and every line is a comment, a key or a list item.
                var lines = generated.Text.Text.Split('\n');
                Assert.Equal(8, lines.TakeWhile(line => line.StartsWith("#", StringComparison.Ordinal)).Count());
                Assert.Equal("apiVersion: oauthaudit/v1", lines[8]);
                Assert.All(lines.Where(line => line.Length > 0), line => Assert.Matches("^(#|( {2})+(# |- |[A-Za-z]+:)|[A-Za-z]+:)", line));
                Assert.Equal(string.Empty, lines[lines.Length - 1]);
            }

            var byName = generatedAll.Single(entry => entry.grouping == BaselineGrouping.Name).Item2.Generated.Baseline;
            Assert.Contains(byName.Rules, rule => rule.Match.Names.SequenceEqual(new[] { "line one\nline two: true" }));
            Assert.Contains(byName.Rules, rule => rule.Match.Names.SequenceEqual(new[] { "*" }) && rule.Exemptions != null && rule.Exemptions.ClientIds.Count > 3);
            var requiredRoles = generatedAll.Single(entry => entry.grouping == BaselineGrouping.Client).Item2.Generated.Baseline.Rules.SelectMany(rule => rule.RequiredRoles);
            Assert.Contains(HostileOrg.RoleName, requiredRoles);
        }

        [Fact]
        public void A_name_pattern_that_reaches_into_another_group_exempts_those_clients_by_id()
        {
            var clients = new[]
            {
                HostileOrg.Client("c1", "Sales Sync", GrantTypes.Code, "users:readonly"),
                HostileOrg.Client("c2", "Sales Data", GrantTypes.Code, "users:readonly"),
                HostileOrg.Client("c3", "Foo*", GrantTypes.Code, "analytics:readonly"),
                HostileOrg.Client("c4", "Foobar", GrantTypes.Code, "routing:readonly"),
                HostileOrg.Client("c5", "Sales Sync", GrantTypes.Token, "presence"),
            };
            var generated = BaselineGenerator.Generate(new Organization("org", "Org", null), clients, BaselineGrouping.Name, Pinned, text => Baselines.Loader.ReadText(text, "g.yml"));

            var rules = generated.Baseline.Rules;
            Assert.Equal(new[] { "Foo*", "Foobar", "Sales *", "Sales Sync" }, rules.Select(rule => rule.Match.Names.Single()));
            Assert.Equal(new[] { "c4" }, rules[0].Exemptions!.ClientIds);
            Assert.Null(rules[1].Exemptions);
            Assert.Equal(new[] { "analytics:readonly" }, rules[0].AllowedScopes!.Select(scope => scope.Text));
            Assert.Empty(generated.StillFlagged);
        }

        [Fact]
        public void A_baseline_too_large_to_load_is_refused_before_anything_is_read_back()
        {
            var clients = Enumerable.Range(1, 1000).Select(index => HostileOrg.Client($"id-{index:D4}", $"Integration {index:D4}", GrantTypes.Code, "users:readonly", "analytics:readonly")).ToArray();
            var read = 0;
            var tooLarge = Assert.Throws<BaselineTooLargeException>(() =>
                BaselineGenerator.Generate(new Organization("org", "Org", null), clients, BaselineGrouping.Client, Pinned, text => { read++; return Baselines.Loader.ReadText(text, "g.yml"); }));

            Assert.Equal(0, read);
            Assert.Equal(1000, tooLarge.Rules);
            Assert.True(tooLarge.Nodes > BaselineLoader.MaximumNodes);
            Assert.DoesNotContain("-GroupBy", tooLarge.Message);

            var byName = BaselineGenerator.Generate(new Organization("org", "Org", null), clients, BaselineGrouping.Name, Pinned, text => { read++; return Baselines.Loader.ReadText(text, "g.yml"); });
            Assert.Equal("Integration *", Assert.Single(byName.Baseline.Rules).Match.Names.Single());
            Assert.Empty(byName.StillFlagged);
        }

        internal static GeneratedBaseline Generate(GcContext context, BaselineGrouping grouping) =>
            BaselineGenerator.Generate(context.Directory, Operation.Quiet, grouping, Pinned, text => Baselines.Loader.ReadText(text, "generated.yml"));
    }

    /// <summary>Clients, roles, divisions and an organization whose names hold what YAML and terminals treat specially.</summary>
    internal static class HostileOrg
    {
        public const string OrganizationName = "Evil \"Org\"\n  injected: true # not a comment";
        public const string RoleName = "Role \"quoted\": #1\n- item";

        public static readonly string[] Names =
        {
            "He said \"hi\"", "a: b", "# not a comment", "it's", "line one\nline two: true", "*", "&anchor", "!tag", "- dash", "  leading space",
            "trailing space ", "tab\there", "\u202Ebidi override", "null", "true", "123", "~", "[x]", "{y}", "%percent", "@at", "`tick", "|pipe",
            ">fold", "?q", "back\\slash", "emoji \U0001F600", "\u00e9t\u00e9", "nel\u0085here", "ls\u2028here", "CR\rLF", "\u001b[31mred", "\u00a0nbsp", "y", "No", "lone \uD800 surrogate",
            "on", "OFF", "Yes", "NULL", "1e3", ".inf", "0x1F", "2026-12-01", "=", "<<", "a:", ":b", "users:readonly", "x:y:z", "path/to.v1-x_y",
        };

        public static (GeneratedBaseline Generated, IReadOnlyList<OAuthClient> Clients) Generate(BaselineGrouping grouping)
        {
            var clients = Clients();
            return (BaselineGenerator.Generate(new Organization("org-hostile", OrganizationName, null), clients, grouping, BaselineGeneratorTests.Pinned, text => Baselines.Loader.ReadText(text, "hostile.yml")), clients);
        }

        public static IReadOnlyList<OAuthClient> Clients()
        {
            var registry = new AuthorizationRegistry(
                new[] { AuthorizationFactory.Role(new DomainOrganizationRoleDto { Id = "r1", Name = RoleName, PermissionPolicies = new() { new DomainPermissionPolicyDto { Domain = "routing", EntityName = "queue", ActionSet = new() { "view" } } } }) },
                new[] { new AuthzDivisionDto { Id = "d-home", Name = "Home", HomeDivision = true }, new AuthzDivisionDto { Id = "d-x", Name = "Div: #x\n*" } }.Select(AuthorizationFactory.Division),
                null);
            var organization = new Organization("org-hostile", OrganizationName, null);
            var clients = Names.Select((name, index) => Client($"code-{index:D2}", name, GrantTypes.Code, "users:readonly")).ToList();
            clients.AddRange(Names.Take(12).Select((name, index) => OAuthClientFactory.Create(new OAuthClientDto
            {
                Id = $"cc-{index:D2}",
                Name = name,
                AuthorizedGrantType = GrantTypes.ClientCredentials,
                State = ClientStates.Active,
                RoleDivisions = new() { new RoleDivisionDto { RoleId = "r1", DivisionId = "d-x" } },
            }, new ScopeRegistry(new OAuthScope[0]), registry, organization)));
            return clients;
        }

        public static OAuthClient Client(string id, string name, string grantType, params string[] scopes) =>
            new OAuthClient(id, name, grantType)
            {
                State = ClientStates.Active,
                AccessTokenValiditySeconds = 3600,
                Scopes = ValueList.From(scopes.Select(scope => new OAuthScope(scope, null))),
                RegisteredRedirectUri = grantType == GrantTypes.Code ? ValueList.From(new[] { "https://app.example.com/cb" }) : ValueList<string>.Empty,
            };
    }
}
