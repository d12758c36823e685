using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Test-GcOAuthClientScope reads the change history and usage its baseline's rules demand: once per organization, never for a snapshot, never when no rule needs it.</summary>
    public class AuditDataTests
    {
        /// <summary>One secret-rotation rule over three demo clients; ManyOrganizationsTests audits with it too.</summary>
        internal const string RotationBaseline = """
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata:
              name: rotation-policy
            spec:
              rules:
                - id: ROT-001
                  description: Client secrets are rotated at least every 180 days.
                  severity: Medium
                  match:
                    names: ['Salesforce Data Sync', 'Okta SCIM Provisioning', 'Internal Dashboard (dev)']
                  maxDaysSinceSecretRotation: 180
            """;

        /// <summary>One usage rule over every active client; ManyOrganizationsTests audits with it too.</summary>
        internal const string IdleBaseline = """
            apiVersion: oauthaudit/v1
            kind: Baseline
            metadata:
              name: idle-policy
            spec:
              rules:
                - id: IDLE-001
                  description: Active clients are used at least every 90 days.
                  severity: Low
                  match:
                    states: [active]
                  maxIdleDays: 90
            """;

        private const string Matched = "Where-Object { $_.MatchedRules.Count -gt 0 }";

        private const string Line = "ForEach-Object { \"$($_.ClientName)|$($_.Outcome)|$(@($_.Findings | ForEach-Object { \"$($_.Kind):$($_.Subject)\" }) -join ',')|$($_.SkippedRules -join ',')\" }";

        [Fact]
        public async Task A_rotation_rule_audited_live_reads_the_audit_trail_once_and_judges_by_it()
        {
            await using var org = await LiveOrganization.StartAsync();
            org.Emulator.Knobs.AuditQuery.PollsToFinish = 1;
            var baseline = WriteBaseline();
            try
            {
                var result = org.RunConnected($"Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline '{baseline}' | {Matched} | {Line}").ThrowIfFailed();

                // The 180 days read show the dashboard created with a secret 150 days ago, but no secret set for Okta (370 days ago) or Salesforce (200 days ago).
                Assert.Equal(new[]
                {
                    "Internal Dashboard (dev)|Pass||",
                    "Okta SCIM Provisioning|Fail|SecretNotRotated:180|",
                    "Salesforce Data Sync|Fail|SecretNotRotated:180|",
                }, result.Output.Select(item => item.ToString()).OrderBy(line => line, StringComparer.Ordinal));
                Assert.Empty(result.Warnings);

                // 180 days are 6 audit queries of 30 days, for all clients together: one query set, not one per client.
                Assert.Equal(6, org.Emulator.Requests.Count(request => request.Method == "POST" && request.Path == "/api/v2/audits/query"));
                Assert.Contains(result.Progress, record => record.Activity.Contains("audit trail", StringComparison.Ordinal) && record.Activity.Contains("rotation-policy", StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(baseline);
            }
        }

        [Fact]
        public async Task The_rotation_rule_on_the_demo_snapshot_is_skipped_with_one_warning()
        {
            await using var org = await LiveOrganization.StartAsync();
            var baseline = WriteBaseline();
            try
            {
                var result = org.Run($"Connect-GcOrganization -SnapshotPath '{RepositoryPaths.DemoSnapshot.Replace("'", "''")}' | Out-Null\n"
                    + $"Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline '{baseline}' | {Matched} | {Line}").ThrowIfFailed();

                Assert.Equal(new[]
                {
                    "Internal Dashboard (dev)|Skipped||ROT-001",
                    "Okta SCIM Provisioning|Skipped||ROT-001",
                    "Salesforce Data Sync|Skipped||ROT-001",
                }, result.Output.Select(item => item.ToString()).OrderBy(line => line, StringComparer.Ordinal));
                var warning = Assert.Single(result.Warnings);
                Assert.Contains("no audit trail", warning);
                Assert.Contains("rotation-policy", warning);
            }
            finally
            {
                File.Delete(baseline);
            }
        }

        [Fact]
        public async Task The_built_in_baseline_live_reads_neither_usage_nor_the_audit_trail()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("(Get-GcOAuthClient | Test-GcOAuthClientScope).Count").ThrowIfFailed();

            Assert.True((int)result.Output.Single().BaseObject > 0);
            Assert.DoesNotContain(org.Emulator.Requests, request => request.Path.StartsWith("/api/v2/audits", StringComparison.Ordinal) || request.Path.StartsWith("/api/v2/usage", StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_idle_rule_that_is_not_onlyWhenLoaded_reads_the_usage_itself_once()
        {
            await using var org = await UsageCommandTests.Start();
            var baseline = Path.Combine(Path.GetTempPath(), $"oauthaudit-idle-{Guid.NewGuid():N}.yml");
            File.WriteAllText(baseline, IdleBaseline);
            try
            {
                var result = org.RunConnected($$"""
                    $results = Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline '{{baseline}}'
                    $idle = [string[]] @($results | Where-Object FailedRules -contains 'IDLE-001' | ForEach-Object ClientName); [array]::Sort($idle); $idle -join '|'
                    @($results | Where-Object { $_.SkippedRules.Count -gt 0 }).Count
                    """).ThrowIfFailed();

                Assert.Equal(new object[] { "Legacy Reporting Scripts|Salesforce Data Sync", 0 }, result.Output.Select(item => item.BaseObject).ToArray());
                Assert.Single(org.Emulator.Requests, request => request.Method == "POST" && request.Path == "/api/v2/usage/aggregates/query/jobs");
                Assert.DoesNotContain(org.Emulator.Requests, request => request.Path.StartsWith("/api/v2/audits", StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(baseline);
            }
        }

        private static string WriteBaseline()
        {
            var path = Path.Combine(Path.GetTempPath(), $"oauthaudit-rotation-{Guid.NewGuid():N}.yml");
            File.WriteAllText(path, RotationBaseline);
            return path;
        }
    }
}
