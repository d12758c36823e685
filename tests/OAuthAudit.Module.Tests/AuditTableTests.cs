using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>Get-GcOAuthClient | Test-GcOAuthClientScope against the emulator, with every expected finding written out by hand.</summary>
    public class AuditTableTests : IAsyncLifetime
    {
        private static readonly string[] ExpectedFindings =
        {
            "Reporting Dashboard | R-REQ | ImpliedScope | users:readonly | Info | False",
            "Reporting Dashboard | R-REQ | MissingScope | routing:* | Medium | False",
            "Reporting Dashboard | R-FORBID | ForbiddenScope | oauth | Critical | False",
            "Reporting Dashboard | R-NOUSERS | ForbiddenScope | users | High | False",
            "Chat Widget | R-ALLOW | ExcessiveScope | web-chat | High | False",
            "Chat Widget | R-URI | InsecureRedirectUri | http://chat.example.com/cb | High | True",
            "Chat Widget | R-URI | WildcardRedirectUri | https://*.example.com/cb | High | False",
            "Chat Widget | R-UNKNOWN | UnknownScope | web-chat | Low | False",
            "Dev Tool | R-TOKEN | TokenLifetime | 172800 | Medium | False",
            "Dev Tool | R-URI | LocalhostRedirectUri | https://localhost:5001/cb | High | False",
            "Old Sync | R-STATE | DisallowedState | inactive | Low | False",
            "Backend Job | (no rule) | NoRuleMatched | Backend Job | Info | False",
        };

        private static readonly string[] ExpectedResults =
        {
            "Reporting Dashboard | Fail | Critical | False | R-REQ; R-FORBID; R-NOUSERS; R-TOKEN; R-URI; R-STATE | routing:* |  | oauth; users |  | 0",
            "Chat Widget | Fail | High | False | R-ALLOW; R-FORBID; R-TOKEN; R-URI; R-STATE; R-UNKNOWN |  | web-chat |  | web-chat | 1",
            "Dev Tool | Fail | High | False | R-ALLOW; R-FORBID; R-TOKEN; R-URI; R-STATE; R-UNKNOWN |  |  |  |  | 0",
            "Admin Console | Pass |  | True | R-TOKEN; R-URI; R-STATE |  |  |  |  | 0",
            "Old Sync | Warning | Low | False | R-FORBID; R-TOKEN; R-STATE |  |  |  |  | 0",
            "Backend Job | NotApplicable | Info | False |  |  |  |  |  | 0",
        };

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-table-" + Guid.NewGuid().ToString("N"));
        private LiveOrganization _org = null!;
        private string _baseline = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_folder);
            _baseline = AuditTableOrganization.WriteBaseline(_folder);
            _org = await LiveOrganization.StartAsync(AuditTableOrganization.Create());
            _org.Shell.Run("$ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null", new() { ["folder"] = _folder }).ThrowIfFailed();
        }

        public async Task DisposeAsync()
        {
            await _org.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void Each_finding_of_each_rule_kind_is_as_written_by_hand()
        {
            var result = _org.RunConnected("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./table-test.yml -Expand").ThrowIfFailed();

            var rows = result.Output.Select(finding => string.Join(" | ",
                new[] { "ClientName", "RuleId", "Kind", "Subject", "Severity", "Waived" }.Select(name => finding.Properties[name].Value?.ToString())));
            Assert.Equal(ExpectedFindings, rows.ToArray());
            Assert.All(result.Output, finding => Assert.Equal("OAuthAudit.Engine.Rules.Finding", finding.BaseObject.GetType().FullName));
        }

        [Fact]
        public void Each_client_gets_one_result_with_outcome_severity_and_scope_lists()
        {
            var result = _org.RunConnected("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./table-test.yml").ThrowIfFailed();

            var rows = result.Output.Select(audit => string.Join(" | ",
                new[] { "ClientName", "Outcome", "Severity", "Passed", "MatchedRules", "MissingScopes", "ExcessiveScopes", "ForbiddenScopes", "UnknownScopes", "WaivedCount" }
                    .Select(name => audit.Properties[name].Value?.ToString())));
            Assert.Equal(ExpectedResults, rows.ToArray());
        }

        [Fact]
        public void Messages_say_what_was_found_and_the_rule_or_default_remediation_says_what_to_do()
        {
            var result = _org.RunConnected("Get-GcOAuthClient -Name 'Reporting Dashboard', 'Chat Widget' | Test-GcOAuthClientScope -Baseline ./table-test.yml -Expand").ThrowIfFailed();

            string Message(string rule, string subject) => (string)result.Output.Single(finding =>
                (string)finding.Properties["RuleId"].Value == rule && (string)finding.Properties["Subject"].Value == subject).Properties["Message"].Value;
            Assert.Equal("'Reporting Dashboard' requires 'users:readonly': satisfied by 'users', which also grants it.", Message("R-REQ", "users:readonly"));
            Assert.Equal("'Reporting Dashboard' requires scope 'routing:*' and holds no scope that grants it.", Message("R-REQ", "routing:*"));
            Assert.Equal("'Reporting Dashboard' holds 'users', which grants the forbidden 'users:readonly'.", Message("R-NOUSERS", "users"));
            Assert.Equal("'Chat Widget' redirect URI 'https://*.example.com/cb' has a wildcard host, so any matching host can receive the authorization code or token.", Message("R-URI", "https://*.example.com/cb"));
            var forbidden = result.Output.Single(finding => (string)finding.Properties["RuleId"].Value == "R-FORBID");
            Assert.Equal("Move OAuth administration to the admin console.", forbidden.Properties["Remediation"].Value);
            var waived = result.Output.Single(finding => (bool)finding.Properties["Waived"].Value);
            Assert.Equal("The chat vendor moves to https in its next release.", waived.Properties["WaiverRationale"].Value);
            Assert.Equal("2099-12-31T00:00:00Z", waived.Properties["WaiverExpiresOn"].Value.ToString());
        }

        [Fact]
        public void An_expired_waiver_warns_and_no_longer_applies()
        {
            var result = _org.RunConnected("Get-GcOAuthClient -Name 'Dev Tool' | Test-GcOAuthClientScope -Baseline ./table-test.yml").ThrowIfFailed();

            var warning = Assert.Single(result.Warnings);
            Assert.Equal($"The waiver of R-TOKEN for 'dev-tool-id' expired on 2020-01-01 and no longer applies ({_baseline}).", warning);
            Assert.Equal("Fail", result.Output.Single().Properties["Outcome"].Value.ToString());
        }

        [Fact]
        public void Results_filter_with_Where_Object_and_export_as_readable_cells()
        {
            var result = _org.RunConnected("""
                $results = Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./table-test.yml
                $results | Where-Object Outcome -eq Fail | ForEach-Object ClientName
                '--'
                $results | Where-Object MissingScopes -contains 'routing:*' | ForEach-Object ClientName
                '--'
                $results | Where-Object { $_.Findings.Kind -contains 'UnknownScope' } | ForEach-Object ClientName
                '--'
                $results
                """).ThrowIfFailed();

            var text = result.Output.TakeWhile(item => item.BaseObject is string).Select(item => item.ToString()).ToArray();
            Assert.Equal(new[] { "Reporting Dashboard", "Chat Widget", "Dev Tool", "--", "Reporting Dashboard", "--", "Chat Widget", "--" }, text);
            foreach (var audit in result.Output.Skip(text.Length))
            {
                foreach (var property in audit.Properties)
                {
                    var cell = property.Value?.ToString() ?? string.Empty;
                    Assert.False(cell.Contains("System.", StringComparison.Ordinal) || cell.Contains("OAuthAudit.", StringComparison.Ordinal), $"{property.Name} exports as '{cell}'");
                }
            }

            var chat = result.Output.Single(item => item.Properties["ClientName"]?.Value as string == "Chat Widget");
            Assert.Equal("R-ALLOW (High): 'Chat Widget' holds 'web-chat', but only its read-only form 'web-chat:readonly' is allowed.; R-URI (High, waived): 'Chat Widget' redirect URI 'http://chat.example.com/cb' uses plain http, so the authorization code or token crosses the network unencrypted.; R-URI (High): 'Chat Widget' redirect URI 'https://*.example.com/cb' has a wildcard host, so any matching host can receive the authorization code or token.; R-UNKNOWN (Low): 'Chat Widget' holds 'web-chat', which the scope registry does not list (retired or misspelt).",
                chat.Properties["Findings"].Value.ToString());
        }

        [Fact]
        public void Client_ids_bind_by_property_name_and_are_fetched()
        {
            var result = _org.RunConnected("""
                [pscustomobject]@{ ClientId = 'old-sync-id' }, [pscustomobject]@{ Id = 'no-such-id' } | Test-GcOAuthClientScope -Baseline ./table-test.yml
                """);

            Assert.Equal("Old Sync", Assert.Single(result.Output).Properties["ClientName"].Value);
            Assert.Equal("ClientNotFound,OAuthAudit.Commands.TestGcOAuthClientScopeCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_loaded_baseline_object_gives_the_same_verdicts_as_its_file()
        {
            var result = _org.RunConnected("""
                $baseline = Get-GcOAuthBaseline ./table-test.yml
                $baseline.Name; $baseline.Rules.Count; $baseline.Waivers.Count
                (Get-GcOAuthClient | Test-GcOAuthClientScope -BaselineObject $baseline | ForEach-Object { $_.ClientName + '=' + $_.Outcome }) -join ','
                (Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./table-test.yml | ForEach-Object { $_.ClientName + '=' + $_.Outcome }) -join ','
                """).ThrowIfFailed();

            var values = result.Output.Select(item => item.ToString()).ToArray();
            Assert.Equal(new[] { "table-test", "8", "2" }, values.Take(3));
            Assert.Equal(values[3], values[4]);
            Assert.Equal("Reporting Dashboard=Fail,Chat Widget=Fail,Dev Tool=Fail,Admin Console=Pass,Old Sync=Warning,Backend Job=NotApplicable", values[3]);
        }

        [Theory]
        [InlineData("Critical", new[] { "Reporting Dashboard" })]
        [InlineData("High", new[] { "Reporting Dashboard", "Chat Widget", "Dev Tool" })]
        [InlineData("Low", new[] { "Reporting Dashboard", "Chat Widget", "Dev Tool", "Old Sync" })]
        public void Assert_writes_every_result_then_fails_naming_the_clients_at_or_above_FailOn(string failOn, string[] failing)
        {
            var result = _org.RunConnected($"Get-GcOAuthClient | Assert-GcOAuthClientScope -Baseline ./table-test.yml -FailOn {failOn}");

            Assert.Equal(6, result.Output.Count);
            var error = result.AssertTerminating("AuditFailed", ErrorCategory.InvalidResult);
            Assert.StartsWith($"{failing.Length} OAuth client(s) fail baseline 'table-test' at or above {failOn}: ", error.ToString());
            foreach (var name in failing)
            {
                Assert.Contains($"'{name}' (", error.ToString());
            }

            Assert.Equal(failing.Length, ((object[])error.TargetObject).Length);
        }

        [Fact]
        public void Assert_is_silent_when_nothing_reaches_FailOn()
        {
            var result = _org.RunConnected("Get-GcOAuthClient -Name 'Admin Console', 'Old Sync' | Assert-GcOAuthClientScope -Baseline ./table-test.yml");

            Assert.Null(result.FirstError);
            Assert.Equal(2, result.Output.Count);
        }
    }
}
