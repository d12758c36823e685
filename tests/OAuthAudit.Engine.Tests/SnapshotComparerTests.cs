using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OAuthAudit.Engine.Connections;
using OAuthAudit.Engine.Drift;
using OAuthAudit.Engine.Operations;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Tests.Shared;
using Newtonsoft.Json.Linq;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>Drift between two readings of one organization: the fixture pair's changes, listed by hand, compared one for one.</summary>
    public class SnapshotComparerTests
    {
        private static readonly string Fixtures = Path.Combine(RepositoryRoot.Path, "tests", "OAuthAudit.Engine.Tests", "Fixtures");
        private static readonly string Before = Path.Combine(Fixtures, "drift-before.json");
        private static readonly string After = Path.Combine(Fixtures, "drift-after.json");
        private static readonly string Demo = Path.Combine(RepositoryRoot.Path, "samples", "demo-org.json");
        private static readonly DateTime Now = new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc);

        private const string Desktop = "c0000000-0000-4000-8000-000000000001";
        private const string Wallboard = "c0000000-0000-4000-8000-000000000002";
        private const string Reporting = "c0000000-0000-4000-8000-000000000003";
        private const string Provisioning = "c0000000-0000-4000-8000-000000000004";
        private const string Kiosk = "c0000000-0000-4000-8000-000000000005";
        private const string NewIntegration = "c0000000-0000-4000-8000-000000000006";
        private const string ChatWidget = "c0000000-0000-4000-8000-000000000007";
        private const string SyncService = "c0000000-0000-4000-8000-000000000009";
        private const string StaticSite = "c0000000-0000-4000-8000-000000000010";

        /// <summary>Every change between drift-before.json and drift-after.json, risks judged by the built-in baseline, in the order listed.</summary>
        private static readonly (string ClientId, string ClientName, ChangeKind Change, string Property, string? Before, string? After, ChangeRisk Risk)[] Expected =
        {
            (Desktop, "Agent Desktop v2", ChangeKind.ClientRenamed, "Name", "Agent Desktop", "Agent Desktop v2", ChangeRisk.Info),
            (Desktop, "Agent Desktop v2", ChangeKind.DescriptionChanged, "Description", "Agent desktop in the CRM.", "Agent desktop in the CRM, second release.", ChangeRisk.Info),
            (Desktop, "Agent Desktop v2", ChangeKind.TokenLifetimeChanged, "AccessTokenValiditySeconds", "3600", "172800", ChangeRisk.High),
            (Desktop, "Agent Desktop v2", ChangeKind.ScopeAdded, "Scopes", null, "users", ChangeRisk.Medium),
            (Desktop, "Agent Desktop v2", ChangeKind.ScopeRemoved, "Scopes", "alerting", null, ChangeRisk.Low),
            (Desktop, "Agent Desktop v2", ChangeKind.RedirectUriAdded, "RegisteredRedirectUri", null, "http://agent.fabrikam.example/callback", ChangeRisk.High),
            (Desktop, "Agent Desktop v2", ChangeKind.RedirectUriRemoved, "RegisteredRedirectUri", "https://old.fabrikam.example/callback", null, ChangeRisk.Low),
            (ChatWidget, "Chat Widget", ChangeKind.GrantTypeChanged, "AuthorizedGrantType", "TOKEN", "CODE", ChangeRisk.Medium),
            (ChatWidget, "Chat Widget", ChangeKind.StateChanged, "State", "inactive", "active", ChangeRisk.Medium),
            (NewIntegration, "New Integration", ChangeKind.ClientAdded, "Client", null, "New Integration", ChangeRisk.High),
            (Kiosk, "Old Kiosk", ChangeKind.ClientRemoved, "Client", "Old Kiosk", null, ChangeRisk.Low),
            (Provisioning, "Provisioning Bot", ChangeKind.RoleGrantAdded, "Roles", null, "Directory Admin (Home)", ChangeRisk.High),
            (Provisioning, "Provisioning Bot", ChangeKind.RoleGrantAdded, "Roles", null, "Reporting Reader (all divisions)", ChangeRisk.High),
            (Provisioning, "Provisioning Bot", ChangeKind.RoleGrantRemoved, "Roles", "Integration Operator (East)", null, ChangeRisk.Low),
            (Reporting, "Reporting Export", ChangeKind.RoleRenamed, "Role", "Integration Operator", "Integration Operators", ChangeRisk.Info),
            (Reporting, "Reporting Export", ChangeKind.RolePermissionsChanged, "Integration Operators", "routing:queue:edit", null, ChangeRisk.Low),
            (Reporting, "Reporting Export", ChangeKind.RolePermissionsChanged, "Reporting Reader", null, "authorization:role:edit", ChangeRisk.High),
            (Reporting, "Reporting Export", ChangeKind.DivisionRenamed, "Division", "East", "East Region", ChangeRisk.Info),
            (Reporting, "Reporting Export", ChangeKind.DivisionRemoved, "Division", "Legacy", null, ChangeRisk.Low),
            (StaticSite, "Static Site", ChangeKind.ClientAdded, "Client", null, "Static Site", ChangeRisk.Medium),
            (SyncService, "Sync Service", ChangeKind.ScopeAdded, "Scopes", null, "oauth", ChangeRisk.High),
            (Wallboard, "Wallboard", ChangeKind.StateChanged, "State", "active", "disabled", ChangeRisk.Low),
            (Wallboard, "Wallboard", ChangeKind.ScopeJoinedRegistry, "ScopeRegistry", null, "webchat", ChangeRisk.Medium),
            (Wallboard, "Wallboard", ChangeKind.ScopeLeftRegistry, "ScopeRegistry", "legacy-reports", null, ChangeRisk.Low),
        };

        private static BaselineEvaluator BuiltIn => new BaselineEvaluator(Baselines.Loader.BuiltIn, Now);

        [Fact]
        public void The_fixture_pair_yields_exactly_the_hand_listed_changes_in_order()
        {
            var changes = Compare(Before, After, new SnapshotComparer(BuiltIn));

            var actual = changes.Select(change => (change.ClientId, change.ClientName, change.Change, change.Property, change.Before, change.After, change.Risk)).ToArray();
            var missing = Expected.Except(actual).Select(row => "missing: " + row);
            var unexpected = actual.Except(Expected).Select(row => "unexpected: " + row);
            Assert.True(!missing.Concat(unexpected).Any(), string.Join("\n", missing.Concat(unexpected)));
            Assert.Equal(Expected, actual);
            Assert.All(changes, change => Assert.Equal("0d1f7a52-3c55-4b6e-9a0e-5d2f6b1c7e01", change.OrganizationId));
        }

        [Fact]
        public void Every_change_kind_but_the_finding_ones_is_covered_by_the_fixture_pair()
        {
            var covered = Expected.Select(row => row.Change).ToHashSet();

            var uncovered = Enum.GetValues<ChangeKind>().Where(kind => kind != ChangeKind.FindingAppeared && kind != ChangeKind.FindingResolved && !covered.Contains(kind));

            Assert.Empty(uncovered);
            Assert.Equal(Enum.GetValues<ChangeRisk>().OrderBy(risk => risk), Expected.Select(row => row.Risk).Distinct().OrderBy(risk => risk));
        }

        [Theory]
        [InlineData("drift-before.json")]
        [InlineData("drift-after.json")]
        [InlineData("demo-org.json")]
        public void A_file_compared_with_itself_yields_nothing_even_with_findings(string name)
        {
            var path = name == "demo-org.json" ? Demo : Path.Combine(Fixtures, name);

            Assert.Empty(Compare(path, path, new SnapshotComparer(BuiltIn, compareFindings: true)));
            Assert.Empty(Compare(path, path, new SnapshotComparer()));
        }

        [Fact]
        public void Readings_of_different_organizations_are_refused_naming_both()
        {
            var failure = Assert.Throws<OrganizationMismatchException>(() => Compare(Demo, After, new SnapshotComparer(BuiltIn)));

            Assert.Equal("202f2243-e652-5cbb-80cf-2a48118f4b62", failure.ReferenceId);
            Assert.Equal("0d1f7a52-3c55-4b6e-9a0e-5d2f6b1c7e01", failure.DifferenceId);
            Assert.Contains("Northwind Contact Center", failure.Message);
            Assert.Contains("Fabrikam Drift Fixture", failure.Message);
        }

        [Fact]
        public void Swapping_the_sides_swaps_additions_and_removals()
        {
            var forward = Compare(Before, After, new SnapshotComparer());
            var backward = Compare(After, Before, new SnapshotComparer());

            Assert.Equal(forward.Count(change => change.Change == ChangeKind.ClientAdded), backward.Count(change => change.Change == ChangeKind.ClientRemoved));
            Assert.Equal(forward.Count(change => change.Change == ChangeKind.ScopeAdded), backward.Count(change => change.Change == ChangeKind.ScopeRemoved));
            Assert.Equal(forward.Count(change => change.Change == ChangeKind.RoleGrantAdded), backward.Count(change => change.Change == ChangeKind.RoleGrantRemoved));
            Assert.Equal(forward.Count(change => change.Change == ChangeKind.ScopeLeftRegistry), backward.Count(change => change.Change == ChangeKind.ScopeJoinedRegistry));
            Assert.Contains(backward, change => change.Change == ChangeKind.ClientRenamed && change.Before == "Agent Desktop v2" && change.After == "Agent Desktop");
        }

        [Fact]
        public void Without_a_baseline_risks_come_from_the_changes_alone()
        {
            var changes = Compare(Before, After, new SnapshotComparer());

            Assert.Equal(ChangeRisk.Medium, changes.Single(change => change.ClientId == SyncService).Risk);
            Assert.Equal(ChangeRisk.Medium, changes.Single(change => change.Change == ChangeKind.TokenLifetimeChanged).Risk);
            Assert.Equal(ChangeRisk.High, changes.Single(change => change.Change == ChangeKind.ClientAdded && change.ClientId == NewIntegration).Risk);
            Assert.Equal(ChangeRisk.High, changes.Single(change => change.Change == ChangeKind.RolePermissionsChanged && change.Property == "Reporting Reader").Risk);
            Assert.DoesNotContain(changes, change => change.Change == ChangeKind.FindingAppeared || change.Change == ChangeKind.FindingResolved);
        }

        [Fact]
        public void With_findings_each_one_that_appeared_or_was_resolved_is_listed_once_and_only_those()
        {
            var evaluator = BuiltIn;
            var changes = Compare(Before, After, new SnapshotComparer(evaluator, compareFindings: true));

            Assert.Equal(Expected.Length, changes.Count(change => change.Change != ChangeKind.FindingAppeared && change.Change != ChangeKind.FindingResolved));
            Assert.Contains(changes, change => change.ClientId == SyncService && change.Change == ChangeKind.FindingAppeared && change.Property == "GC-001"
                && change.After == "ForbiddenScope: oauth" && change.Risk == ChangeRisk.High);
            Assert.Contains(changes, change => change.ClientId == Desktop && change.Change == ChangeKind.FindingAppeared && change.Property == "GC-002" && change.Risk == ChangeRisk.Medium);
            Assert.Contains(changes, change => change.ClientId == ChatWidget && change.Change == ChangeKind.FindingResolved && change.Property == "GC-009" && change.Risk == ChangeRisk.Info);
            Assert.Contains(changes, change => change.ClientId == ChatWidget && change.Change == ChangeKind.FindingResolved && change.Property == "GC-005");
            Assert.Contains(changes, change => change.ClientId == NewIntegration && change.Change == ChangeKind.FindingAppeared && change.After == "AllDivisionsGrant: Reporting Reader (all divisions)");
            Assert.Contains(changes, change => change.ClientId == Kiosk && change.Change == ChangeKind.FindingResolved && change.Property == "GC-009");

            // Cross-check against the two audits themselves: appeared = after minus before, resolved = before minus after.
            var before = Findings(Before, evaluator);
            var after = Findings(After, evaluator);
            var appeared = changes.Where(change => change.Change == ChangeKind.FindingAppeared).Select(change => (change.ClientId, change.Property, change.After)).OrderBy(row => row.ToString()).ToArray();
            var resolved = changes.Where(change => change.Change == ChangeKind.FindingResolved).Select(change => (change.ClientId, change.Property, change.Before)).OrderBy(row => row.ToString()).ToArray();
            Assert.NotEmpty(appeared);
            Assert.NotEmpty(resolved);
            Assert.Equal(after.Except(before).OrderBy(row => row.ToString()), appeared!);
            Assert.Equal(before.Except(after).OrderBy(row => row.ToString()), resolved!);
        }

        [Fact]
        public void The_order_is_the_same_every_time_and_follows_client_name_then_kind()
        {
            var first = Compare(Before, After, new SnapshotComparer(BuiltIn, compareFindings: true));
            var second = Compare(Before, After, new SnapshotComparer(BuiltIn, compareFindings: true));

            Assert.Equal(first.Select(change => change.Message), second.Select(change => change.Message));
            var names = first.Select(change => change.ClientName).ToArray();
            Assert.Equal(names.OrderBy(name => name, StringComparer.OrdinalIgnoreCase), names);
        }

        [Fact]
        public void Org_text_reaches_the_message_with_control_characters_made_visible_and_stays_raw_in_the_properties()
        {
            using var files = new TempFiles();
            var hostile = "Wallboard\u001b]0;pwned\u0007\u202e";
            var after = files.Write("after.json", File.ReadAllText(Before).Replace("\"name\": \"Wallboard\"", "\"name\": \"" + hostile.Replace("\u001b", "\\u001b").Replace("\u0007", "\\u0007").Replace("\u202e", "\\u202e") + "\""));

            var change = Assert.Single(Compare(Before, after, new SnapshotComparer()));

            Assert.Equal(ChangeKind.ClientRenamed, change.Change);
            Assert.Equal(hostile, change.After);
            Assert.Equal(hostile, change.ClientName);
            Assert.Contains("Wallboard\\x1b]0;pwned\\x07\\u202e", change.Message);
            Assert.DoesNotContain("\u001b", change.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("\u202e", change.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_grant_moved_from_the_deprecated_roleIds_to_roleDivisions_in_the_home_division_is_no_change()
        {
            using var files = new TempFiles();
            var document = JObject.Parse(File.ReadAllText(Demo));
            var home = (string)document["divisions"]!.First(division => (bool)division["homeDivision"]!)["id"]!;
            var client = (JObject)document["clients"]!.First(item => (string)item["name"]! == "QA Test Harness");
            var roleId = (string)client["roleIds"]![0]!;
            client.Remove("roleIds");
            client["roleDivisions"] = new JArray(new JObject { ["roleId"] = roleId, ["divisionId"] = home });
            var moved = files.Write("moved.json", document.ToString());
            client["roleDivisions"] = new JArray(new JObject { ["roleId"] = roleId, ["divisionId"] = "*" });
            var widened = files.Write("widened.json", document.ToString());

            Assert.Empty(Compare(Demo, moved, new SnapshotComparer(BuiltIn)));
            var changes = Compare(Demo, widened, new SnapshotComparer(BuiltIn));
            Assert.Equal(new[] { (ChangeKind.RoleGrantAdded, "employee (all divisions)", ChangeRisk.High), (ChangeKind.RoleGrantRemoved, "employee (Home)", ChangeRisk.Low) },
                changes.Select(change => (change.Change, change.After ?? change.Before!, change.Risk)));
        }

        private static IReadOnlyList<OAuthClientChange> Compare(string reference, string difference, SnapshotComparer comparer)
        {
            using var left = Connector.ConnectSnapshot(reference);
            using var right = Connector.ConnectSnapshot(difference);
            return comparer.Compare(OrganizationReading.Read(left, Operation.Quiet), OrganizationReading.Read(right, Operation.Quiet));
        }

        private static (string ClientId, string RuleId, string? Text)[] Findings(string path, BaselineEvaluator evaluator)
        {
            using var context = Connector.ConnectSnapshot(path);
            return OrganizationReading.Read(context, Operation.Quiet).Clients
                .SelectMany(client => evaluator.Evaluate(client).Findings)
                .Select(finding => (finding.ClientId, finding.RuleId, (string?)$"{finding.Kind}: {finding.Subject}"))
                .ToArray();
        }
    }
}
