using System;
using System.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>The demo organization audited offline by the built-in baseline and by samples/baseline.yml, findings written out by hand.</summary>
    public sealed class DemoAuditTests : IDisposable
    {
        private readonly PowerShellSession _shell = new PowerShellSession();

        public DemoAuditTests()
        {
            _shell.Run("Connect-GcOrganization -SnapshotPath $path | Out-Null", new() { ["path"] = RepositoryPaths.DemoSnapshot }).ThrowIfFailed();
        }

        public void Dispose() => _shell.Dispose();

        [Fact]
        public void The_built_in_baseline_finds_what_the_demo_organization_was_built_to_show()
        {
            var rows = FindingRows("Get-GcOAuthClient | Test-GcOAuthClientScope -Expand");

            Assert.Equal(
                new[]
                {
                    "Architect Flow Diff Tool | GC-005 | Low | DisallowedState | inactive | False",
                    "Floor Wallboard Kiosk | GC-002 | Medium | TokenLifetime | 172800 | False",
                    "Internal Dashboard (dev) | GC-003 | High | LocalhostRedirectUri | https://localhost:5001/callback | False",
                    "Legacy Agent Desktop | GC-003 | High | InsecureRedirectUri | http://agentdesk.northwind.example/oauth/callback | False",
                    "Legacy IVR Middleware | GC-002 | Medium | TokenLifetime | 172800 | False",
                    "Legacy Web Chat v2 Widget | GC-004 | Low | UnknownScope | web-chat | False",
                    "Old Call Recorder Bridge | GC-005 | Low | DisallowedState | inactive | False",
                    "Ops Wallboard Dashboard | GC-001 | Critical | ForbiddenScope | authorization | False",
                    "Ops Wallboard Dashboard | GC-001 | Critical | ForbiddenScope | oauth | False",
                    "Partner Portal SSO | GC-003 | High | WildcardRedirectUri | https://*.northwind.example/cb | False",
                    "QA Test Harness | GC-005 | Low | DisallowedState | inactive | False",
                },
                rows);
        }

        [Fact]
        public void The_sample_baseline_exercises_every_rule_kind_on_the_demo_organization()
        {
            var rows = FindingRows("Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $baseline -Expand");

            Assert.Equal(
                new[]
                {
                    "Agent Softphone Embed | NW-002 | High | ExcessiveScope | external-contacts | False",
                    "Architect Flow Diff Tool | NW-007 | Low | DisallowedState | inactive | False",
                    "Floor Wallboard Kiosk | NW-004 | Medium | TokenLifetime | 172800 | False",
                    "Floor Wallboard Kiosk | NW-005 | High | TokenLifetime | 172800 | False",
                    "Internal Dashboard (dev) | NW-006 | High | LocalhostRedirectUri | https://localhost:5001/callback | False",
                    "Legacy Agent Desktop | NW-006 | High | InsecureRedirectUri | http://agentdesk.northwind.example/oauth/callback | False",
                    "Legacy IVR Middleware | NW-005 | High | TokenLifetime | 172800 | False",
                    "Legacy Web Chat v2 Widget | NW-002 | High | ExcessiveScope | web-chat | False",
                    "Legacy Web Chat v2 Widget | NW-008 | Low | UnknownScope | web-chat | False",
                    "Old Call Recorder Bridge | NW-007 | Low | DisallowedState | inactive | False",
                    "Ops Wallboard Dashboard | NW-001 | Critical | ForbiddenScope | authorization | False",
                    "Ops Wallboard Dashboard | NW-001 | Critical | ForbiddenScope | oauth | False",
                    "Partner Portal SSO | NW-006 | High | WildcardRedirectUri | https://*.northwind.example/cb | False",
                    "QA Test Harness | NW-007 | Low | DisallowedState | inactive | False",
                    "Salesforce CTI Connector | NW-003 | Info | ImpliedScope | presence:readonly | False",
                    "Salesforce CTI Connector | NW-003 | Medium | MissingScope | external-contacts | False",
                    "Web Messenger Deployment | NW-002 | High | ExcessiveScope | users | True",
                    "Web Messenger Deployment | NW-004 | Medium | TokenLifetime | 86400 | False",
                },
                rows);
        }

        [Fact]
        public void The_sample_baseline_warns_about_its_expired_waiver()
        {
            var result = _shell.Run("Get-GcOAuthClient -Name 'Legacy IVR Middleware' | Test-GcOAuthClientScope -Baseline $baseline", new() { ["baseline"] = SampleBaseline }).ThrowIfFailed();

            Assert.Contains("The waiver of NW-005 for 'Legacy IVR Middleware' expired on 2025-09-30 and no longer applies", Assert.Single(result.Warnings));
        }

        private static string SampleBaseline => System.IO.Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml");

        private string[] FindingRows(string script) =>
            _shell.Run(script + " -WarningAction SilentlyContinue", new() { ["baseline"] = SampleBaseline }).ThrowIfFailed().Output
                .Select(finding => string.Join(" | ", new[] { "ClientName", "RuleId", "Severity", "Kind", "Subject", "Waived" }.Select(name => finding.Properties[name].Value?.ToString())))
                .OrderBy(row => row, StringComparer.Ordinal)
                .ToArray();
    }
}
