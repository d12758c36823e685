using System;
using System.Collections.Generic;
using System.Linq;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.History;
using OAuthAudit.Engine.Model;
using OAuthAudit.Engine.Rules;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>maxDaysSinceSecretRotation and recentChangeDays against histories built by hand (EvaluationContext.History).</summary>
    public class HistoryChecksTests
    {
        private static readonly DateTime Now = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

        /// <summary>Per client: its audited changes, as (days ago, action, property, old values, new values, changed by user name or null for a client).</summary>
        private static readonly (string Client, double DaysAgo, string Action, string Property, string[] Old, string[] New, string? User)[] Trail =
        {
            ("rotated-recently", 10, "Update", "secret", new string[0], new[] { "hidden-value-1" }, "Dana Okafor"),
            ("stale-secret", 200, "Update", "secret", new string[0], new[] { "hidden-value-2" }, "Dana Okafor"),
            ("stale-secret", 20, "Update", "description", new[] { "a" }, new[] { "b" }, "Dana Okafor"),
            ("created-recently", 30, "Create", "name", new string[0], new[] { "Created recently" }, "Sam Reyes"),
            ("widened-5", 5, "Update", "roleDivisions", new[] { "r1/d1" }, new[] { "r1/d1", "admin/*" }, "Dana Okafor"),
            ("widened-20", 20, "Update", "roleDivisions", new[] { "r1/d1" }, new[] { "r1/d1", "r2/d1" }, "Dana Okafor"),
            ("narrowed-2", 2, "Update", "scope", new[] { "users", "routing" }, new[] { "users" }, "Sam Reyes"),
            ("widened-by-client", 1, "Update", "scope", new[] { "users" }, new[] { "users", "oauth" }, null),
        };

        public static TheoryData<string, int, string> Rotation => new TheoryData<string, int, string>
        {
            // client, history days, expected findings (kind subject, or "none")
            { "rotated-recently", 365, "none" },
            { "stale-secret", 365, "SecretNotRotated 200" },
            { "created-recently", 365, "none" },
            { "never-changed", 365, "SecretNotRotated 365" },
            { "never-changed", 90, "SecretNotRotated 90" },
            { "rotated-recently", 30, "none" },
            { "never-changed", 30, "HistoryTooShort 30" },
            { "stale-secret", 30, "HistoryTooShort 30" },
        };

        [Theory]
        [MemberData(nameof(Rotation))]
        public void Max_days_since_secret_rotation_reads_the_latest_secret_change(string client, int historyDays, string expected)
        {
            var findings = Evaluate(DemandKinds.MaxDaysSinceSecretRotation.Of(90)!, client, History(historyDays));

            Assert.Equal(expected, Describe(findings));
            Assert.All(findings, finding => Assert.Equal(Severity.High, finding.Severity));
        }

        [Fact]
        public void The_rotation_messages_say_when_by_whom_and_what_the_window_was()
        {
            var stale = Assert.Single(Evaluate(DemandKinds.MaxDaysSinceSecretRotation.Of(90)!, "stale-secret", History(365)));
            var never = Assert.Single(Evaluate(DemandKinds.MaxDaysSinceSecretRotation.Of(90)!, "never-changed", History(365)));
            var unknown = Assert.Single(Evaluate(DemandKinds.MaxDaysSinceSecretRotation.Of(90)!, "never-changed", History(30)));

            Assert.Equal("'stale-secret' had its secret last set 200 days ago (secret regenerated on 2026-05-15 by Dana Okafor (user-dana-okafor)); the rule allows at most 90 days.", stale.Message);
            Assert.Equal("'never-changed' shows no secret rotation in the last 365 days (history since 2025-12-01); the rule allows at most 90 days.", never.Message);
            Assert.Contains("fewer than the 90 days the rule allows, so whether its secret is older cannot be told", unknown.Message);
            Assert.DoesNotContain("hidden-value", stale.Message);
        }

        public static TheoryData<string, int, string> Widening => new TheoryData<string, int, string>
        {
            { "widened-5", 365, "RecentWidening" },
            { "widened-20", 365, "none" },
            { "narrowed-2", 365, "none" },
            { "widened-by-client", 365, "RecentWidening" },
            { "never-changed", 365, "none" },
            { "widened-5", 7, "RecentWidening, HistoryTooShort 7" },
        };

        [Theory]
        [MemberData(nameof(Widening))]
        public void Recent_change_days_flags_widened_roles_and_scopes_as_info(string client, int historyDays, string expected)
        {
            var findings = Evaluate(DemandKinds.RecentChangeDays.Of(14)!, client, History(historyDays));

            Assert.Equal(expected, Describe(findings));
            Assert.All(findings, finding => Assert.Equal(Severity.Info, finding.Severity));
        }

        [Fact]
        public void A_widening_finding_names_who_when_and_what_was_added()
        {
            var byUser = Evaluate(DemandKinds.RecentChangeDays.Of(14)!, "widened-5", History(365)).Single();
            var byClient = Evaluate(DemandKinds.RecentChangeDays.Of(14)!, "widened-by-client", History(365)).Single();

            Assert.Equal("'widened-5' had its roles or scopes widened on 2026-11-26T12:00:00Z by Dana Okafor (user-dana-okafor) (roleDivisions +admin/*); review this change.", byUser.Message);
            Assert.Equal("'widened-by-client' had its roles or scopes widened on 2026-11-30T12:00:00Z by OAuthClient client-7 (scope +oauth); review this change.", byClient.Message);
        }

        [Fact]
        public void Without_history_the_checks_find_nothing_so_the_evaluator_can_skip_the_rule()
        {
            Assert.Empty(Evaluate(DemandKinds.MaxDaysSinceSecretRotation.Of(90)!, "never-changed", history: null));
            Assert.Empty(Evaluate(DemandKinds.RecentChangeDays.Of(14)!, "widened-5", history: null));
            Assert.Equal(RunData.History, DemandKinds.MaxDaysSinceSecretRotation.Needs);
            Assert.Equal(RunData.History, DemandKinds.RecentChangeDays.Needs);
            Assert.Equal(RunData.None, DemandKinds.RequiredScopes.Needs);
        }

        [Fact]
        public void A_history_read_for_other_clients_says_nothing_about_this_one()
        {
            var history = new OAuthClientHistory(Now.AddDays(-365), Now, new[] { "stale-secret" }, Events());

            Assert.Empty(Evaluate(DemandKinds.MaxDaysSinceSecretRotation.Of(90)!, "never-changed", history));
            Assert.Single(Evaluate(DemandKinds.MaxDaysSinceSecretRotation.Of(90)!, "stale-secret", history));
        }

        private static string Describe(IReadOnlyList<Finding> findings) =>
            findings.Count == 0 ? "none" : string.Join(", ", findings.Select(finding => finding.Kind == FindingKind.RecentWidening ? "RecentWidening" : $"{finding.Kind} {finding.Subject}"));

        private static IReadOnlyList<Finding> Evaluate(Demand demand, string client, OAuthClientHistory? history)
        {
            var rule = new BaselineRule("R-1", "d", Severity.High, null, ClientMatch.Everything, null, new[] { demand });
            var baseline = new Baseline("direct", null, "direct", ValueList.From(new[] { rule }), ValueList<Waiver>.Empty, reportUnmatchedClients: false);
            return new BaselineEvaluator(baseline, new EvaluationContext(Now, history: history)).Evaluate(new OAuthClient(client, client, GrantTypes.ClientCredentials)).Findings;
        }

        private static OAuthClientHistory History(int days) =>
            new OAuthClientHistory(Now.AddDays(-days), Now, null, Events().Where(change => change.When.UtcDateTime >= Now.AddDays(-days)));

        private static IReadOnlyList<OAuthClientChangeEvent> Events() =>
            ChangeEvents.From(Trail.Select((entry, index) => new AuditLogMessageDto
            {
                Id = "m" + index,
                EventDate = Now.AddDays(-entry.DaysAgo),
                Action = entry.Action,
                EntityType = "OAuthClient",
                Entity = new DomainEntityRefDto { Id = entry.Client, Name = entry.Client },
                User = entry.User == null ? null : new DomainEntityRefDto { Id = "user-" + entry.User.ToLowerInvariant().Replace(' ', '-'), Name = entry.User },
                Client = entry.User == null ? new AddressableEntityRefDto { Id = "client-7" } : null,
                PropertyChanges = new List<PropertyChangeDto> { new PropertyChangeDto { Property = entry.Property, OldValues = entry.Old.ToList(), NewValues = entry.New.ToList() } },
            }));
    }
}
