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

        /// <summary>The implicit-grant rules' severity today: High until the end of life on 2027-03-01, Critical from it.</summary>
        private static string ImplicitSeverity => DateTime.UtcNow < new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc) ? "High" : "Critical";

        [Fact]
        public void The_built_in_baseline_finds_what_the_demo_organization_was_built_to_show()
        {
            var rows = FindingRows("Get-GcOAuthClient | Test-GcOAuthClientScope -Expand");

            Assert.Equal(
                new[]
                {
                    $"Agent Softphone Embed | GC-009 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Architect Flow Diff Tool | GC-005 | Low | DisallowedState | inactive | False",
                    "Chatbot Escalation Service | GC-007 | Low | UnknownRole | 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02 | False",
                    "Floor Wallboard Kiosk | GC-002 | Medium | TokenLifetime | 172800 | False",
                    $"Floor Wallboard Kiosk | GC-009 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Genesys Cloud Admin Tooling | GC-006 | Critical | PrivilegeEscalation | Platform Automation (all divisions) | False",
                    "Genesys Cloud Admin Tooling | GC-008 | Low | AllDivisionsGrant | Platform Automation (all divisions) | False",
                    "Internal Dashboard (dev) | GC-003 | High | LocalhostRedirectUri | https://localhost:5001/callback | False",
                    $"Internal Dashboard (dev) | GC-009 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Jenkins Flow Deployment (CI) | GC-006 | Critical | PrivilegeEscalation | Developer (Home) | False",
                    "Legacy Agent Desktop | GC-003 | High | InsecureRedirectUri | http://agentdesk.northwind.example/oauth/callback | False",
                    "Legacy IVR Middleware | GC-002 | Medium | TokenLifetime | 172800 | False",
                    "Legacy IVR Middleware | GC-006 | Critical | PrivilegeEscalation | admin (all divisions) | False",
                    "Legacy IVR Middleware | GC-008 | Low | AllDivisionsGrant | admin (all divisions) | False",
                    "Legacy Web Chat v2 Widget | GC-004 | Low | UnknownScope | web-chat | False",
                    $"Legacy Web Chat v2 Widget | GC-009 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Okta SCIM Provisioning | GC-006 | Critical | PrivilegeEscalation | SCIM Provisioning (all divisions) | False",
                    "Okta SCIM Provisioning | GC-008 | Low | AllDivisionsGrant | SCIM Provisioning (all divisions) | False",
                    "Old Call Recorder Bridge | GC-005 | Low | DisallowedState | inactive | False",
                    "Ops Wallboard Dashboard | GC-001 | Critical | ForbiddenScope | authorization | False",
                    "Ops Wallboard Dashboard | GC-001 | Critical | ForbiddenScope | oauth | False",
                    "Partner Portal SSO | GC-003 | High | WildcardRedirectUri | https://*.northwind.example/cb | False",
                    "Power BI Reporting Export | GC-006 | Critical | PrivilegeEscalation | admin (all divisions) | False",
                    "Power BI Reporting Export | GC-008 | Low | AllDivisionsGrant | admin (all divisions) | False",
                    "QA Test Harness | GC-005 | Low | DisallowedState | inactive | False",
                    "Security Audit (read-only) | GC-008 | Low | AllDivisionsGrant | Security Auditor (all divisions) | False",
                    "Snowflake Analytics Loader | GC-008 | Low | AllDivisionsGrant | Reporting Admin (all divisions) | False",
                    $"Supervisor Chrome Extension | GC-009 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Terraform CX as Code | GC-006 | Critical | PrivilegeEscalation | CX as Code Deployer (all divisions) | False",
                    "Terraform CX as Code | GC-008 | Low | AllDivisionsGrant | CX as Code Deployer (all divisions) | False",
                    "Verint QM Recording Export | GC-007 | Low | UnknownDivision | 9e41bac3-210f-50de-8581-cce584be13ce | False",
                    $"Web Messenger Deployment | GC-009 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
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
                    $"Agent Softphone Embed | NW-013 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Architect Flow Diff Tool | NW-007 | Low | DisallowedState | inactive | False",
                    "Chatbot Escalation Service | NW-011 | Medium | UnknownRole | 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02 | False",
                    "Floor Wallboard Kiosk | NW-004 | Medium | TokenLifetime | 172800 | False",
                    "Floor Wallboard Kiosk | NW-005 | High | TokenLifetime | 172800 | False",
                    $"Floor Wallboard Kiosk | NW-013 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Genesys Cloud Admin Tooling | NW-009 | Critical | PrivilegeEscalation | Platform Automation (all divisions) | False",
                    "Genesys Cloud Admin Tooling | NW-011 | Medium | DisallowedDivision | Platform Automation (all divisions) | False",
                    "Internal Dashboard (dev) | NW-006 | High | LocalhostRedirectUri | https://localhost:5001/callback | False",
                    $"Internal Dashboard (dev) | NW-013 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Jenkins Flow Deployment (CI) | NW-009 | Critical | PrivilegeEscalation | Developer (Home) | False",
                    "Legacy Agent Desktop | NW-006 | High | InsecureRedirectUri | http://agentdesk.northwind.example/oauth/callback | False",
                    "Legacy IVR Middleware | NW-005 | High | TokenLifetime | 172800 | False",
                    "Legacy IVR Middleware | NW-009 | Critical | ForbiddenRole | admin | False",
                    "Legacy IVR Middleware | NW-009 | Critical | PrivilegeEscalation | admin (all divisions) | False",
                    "Legacy IVR Middleware | NW-011 | Medium | DisallowedDivision | admin (all divisions) | False",
                    "Legacy Web Chat v2 Widget | NW-002 | High | ExcessiveScope | web-chat | False",
                    "Legacy Web Chat v2 Widget | NW-008 | Low | UnknownScope | web-chat | False",
                    $"Legacy Web Chat v2 Widget | NW-013 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Okta SCIM Provisioning | NW-009 | Critical | PrivilegeEscalation | SCIM Provisioning (all divisions) | False",
                    "Okta SCIM Provisioning | NW-011 | Medium | DisallowedDivision | SCIM Provisioning (all divisions) | False",
                    "Old Call Recorder Bridge | NW-007 | Low | DisallowedState | inactive | False",
                    "Ops Wallboard Dashboard | NW-001 | Critical | ForbiddenScope | authorization | False",
                    "Ops Wallboard Dashboard | NW-001 | Critical | ForbiddenScope | oauth | False",
                    "Partner Portal SSO | NW-006 | High | WildcardRedirectUri | https://*.northwind.example/cb | False",
                    "Power BI Reporting Export | NW-009 | Critical | ForbiddenRole | admin | False",
                    "Power BI Reporting Export | NW-009 | Critical | PrivilegeEscalation | admin (all divisions) | False",
                    "Power BI Reporting Export | NW-010 | High | ForbiddenPermission | directory:user:edit | False",
                    "Power BI Reporting Export | NW-010 | High | ForbiddenPermission | recording:recording:delete | False",
                    "Power BI Reporting Export | NW-010 | High | ForbiddenPermission | routing:queue:edit | False",
                    "Power BI Reporting Export | NW-010 | High | WildcardPermission | *:*:* | False",
                    "Power BI Reporting Export | NW-011 | Medium | DisallowedDivision | admin (all divisions) | False",
                    "Power BI Reporting Export | NW-012 | Medium | MissingRole | Power BI Reporting Export | False",
                    "QA Test Harness | NW-007 | Low | DisallowedState | inactive | False",
                    "Salesforce CTI Connector | NW-003 | Info | ImpliedScope | presence:readonly | False",
                    "Salesforce CTI Connector | NW-003 | Medium | MissingScope | external-contacts | False",
                    "Snowflake Analytics Loader | NW-011 | Medium | DisallowedDivision | Reporting Admin (all divisions) | False",
                    $"Supervisor Chrome Extension | NW-013 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                    "Verint QM Recording Export | NW-011 | Medium | UnknownDivision | 9e41bac3-210f-50de-8581-cce584be13ce | False",
                    "Web Messenger Deployment | NW-002 | High | ExcessiveScope | users | True",
                    "Web Messenger Deployment | NW-004 | Medium | TokenLifetime | 86400 | False",
                    $"Web Messenger Deployment | NW-013 | {ImplicitSeverity} | DeprecatedGrantType | TOKEN | False",
                },
                rows);
        }

        [Fact]
        public void The_sample_baseline_warns_about_its_expired_waiver()
        {
            var result = _shell.Run("Get-GcOAuthClient -Name 'Legacy IVR Middleware' | Test-GcOAuthClientScope -Baseline $baseline", new() { ["baseline"] = SampleBaseline }).ThrowIfFailed();

            Assert.Contains("The waiver of NW-005 for 'Legacy IVR Middleware' expired on 2025-09-30 and no longer applies", Assert.Single(result.Warnings));
        }

        [Fact]
        public void The_demo_implicit_clients_are_told_the_end_of_life_and_the_move_to_the_code_grant_with_pkce()
        {
            var findings = _shell.Run("Get-GcOAuthClient -GrantType TOKEN | Test-GcOAuthClientScope -Expand | Where-Object Kind -eq DeprecatedGrantType").ThrowIfFailed().Output;

            Assert.Equal(6, findings.Count);
            Assert.All(findings, finding => Assert.Equal("GC-009", finding.Properties["RuleId"].Value?.ToString()));
            Assert.All(findings, finding => Assert.Contains("grant type, which " + (ImplicitSeverity == "High" ? "is being retired: it stops working on 2027-03-01" : "was due to stop working on 2027-03-01"), (string)finding.Properties["Message"].Value));
            Assert.All(findings, finding => Assert.StartsWith("Move the integration to the Authorization Code grant with PKCE", (string)finding.Properties["Remediation"].Value));
        }

        [Fact]
        public void The_demo_saml2_bearer_clients_are_listed_by_either_spelling_and_the_roleids_only_client_holds_its_role_at_home()
        {
            var canonical = _shell.Run("Get-GcOAuthClient -GrantType SAML2-BEARER | ForEach-Object { $_.Name + ' | ' + $_.AuthorizedGrantType }").ThrowIfFailed();
            var alias = _shell.Run("Get-GcOAuthClient -GrantType SAML2BEARER | ForEach-Object { $_.Name + ' | ' + $_.AuthorizedGrantType }").ThrowIfFailed();
            var legacy = _shell.Run("(Get-GcOAuthClient -Name 'QA Test Harness').Roles | ForEach-Object { $_.ToString() + ' | ' + $_.IsFromRoleIds }").ThrowIfFailed();

            var expected = new[] { "Citrix Agent Launcher | SAML2-BEARER", "Intranet SSO Token Exchange | SAML2-BEARER", "ServiceNow SAML Bearer Bridge | SAML2-BEARER" };
            Assert.Equal(expected, canonical.Output.Select(item => item.ToString()).OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(expected, alias.Output.Select(item => item.ToString()).OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(new[] { "employee (Home, from roleIds) | True" }, legacy.Output.Select(item => item.ToString()));
        }

        private static string SampleBaseline => System.IO.Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml");

        private string[] FindingRows(string script) =>
            _shell.Run(script + " -WarningAction SilentlyContinue", new() { ["baseline"] = SampleBaseline }).ThrowIfFailed().Output
                .Select(finding => string.Join(" | ", new[] { "ClientName", "RuleId", "Severity", "Kind", "Subject", "Waived" }.Select(name => finding.Properties[name].Value?.ToString())))
                .OrderBy(row => row, StringComparer.Ordinal)
                .ToArray();
    }
}
