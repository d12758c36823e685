# Test-GcOAuthClientScope, Assert-GcOAuthClientScope and Get-GcOAuthBaseline, offline against the demo snapshot
# (samples/demo-org.json) with the built-in baseline, samples/baseline.yml and small baselines written to $TestDrive.
# Every expected finding and outcome is written out by hand.

Describe 'Auditing OAuth clients against a baseline' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath) | Out-Null
        $script:SampleBaseline = Join-Path (Get-RepositoryRoot) 'samples/baseline.yml'
        # GC-009 and NW-013 flag the Implicit grant (TOKEN): High until its end of life on 2027-03-01, Critical from that day.
        $script:ImplicitEnded = [DateTime]::UtcNow -ge [DateTime]::new(2027, 3, 1, 0, 0, 0, [DateTimeKind]::Utc)
        $script:ImplicitSeverity = if ($script:ImplicitEnded) { 'Critical' } else { 'High' }

        function ConvertTo-OrdinalSorted([string[]] $Lines) {
            $sorted = [string[]] @($Lines)
            [Array]::Sort($sorted, [StringComparer]::Ordinal)
            , $sorted
        }

        # One line per finding, as the xunit DemoAuditTests write them: client | rule | severity | kind | subject | waived.
        function Get-FindingRow {
            param([Parameter(ValueFromPipeline)] $Finding)

            process {
                "$($Finding.ClientName) | $($Finding.RuleId) | $($Finding.Severity) | $($Finding.Kind) | $($Finding.Subject) | $($Finding.Waived)"
            }
        }

        # The names of the clients whose result has the given outcome, in the order they were audited.
        function Get-ClientNamesWithOutcome {
            param([object[]] $Results, [string] $Outcome)

            @($Results | Where-Object { "$($_.Outcome)" -eq $Outcome } | ForEach-Object ClientName)
        }

        # Runs the script block, keeping what it wrote before a terminating error stopped it.
        function Invoke-Collecting {
            param([scriptblock] $ScriptBlock)

            $written = New-Object System.Collections.Generic.List[object]
            $caught = $null
            try {
                & $ScriptBlock | ForEach-Object { $written.Add($_) }
            }
            catch {
                $caught = $_
            }

            [pscustomobject]@{ Output = $written.ToArray(); Error = $caught }
        }

        function Write-TestFile([string] $Name, [string[]] $Lines) {
            $path = Join-Path $TestDrive $Name
            [System.IO.File]::WriteAllText($path, (($Lines -join "`n") + "`n"))
            $path
        }
    }

    AfterAll {
        Disconnect-GcOrganization
    }

    Context 'the built-in baseline' {
        It 'finds what the demo organization was built to show' {
            $rows = ConvertTo-OrdinalSorted (Get-GcOAuthClient | Test-GcOAuthClientScope -Expand | Get-FindingRow)

            ($rows -join "`n") | Should -BeExactly (@(
                    "Agent Softphone Embed | GC-009 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Architect Flow Diff Tool | GC-005 | Low | DisallowedState | inactive | False'
                    'Chatbot Escalation Service | GC-007 | Low | UnknownRole | 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02 | False'
                    'Floor Wallboard Kiosk | GC-002 | Medium | TokenLifetime | 172800 | False'
                    "Floor Wallboard Kiosk | GC-009 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Genesys Cloud Admin Tooling | GC-006 | Critical | PrivilegeEscalation | Platform Automation (all divisions) | False'
                    'Genesys Cloud Admin Tooling | GC-008 | Low | AllDivisionsGrant | Platform Automation (all divisions) | False'
                    'Internal Dashboard (dev) | GC-003 | High | LocalhostRedirectUri | https://localhost:5001/callback | False'
                    "Internal Dashboard (dev) | GC-009 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Jenkins Flow Deployment (CI) | GC-006 | Critical | PrivilegeEscalation | Developer (Home) | False'
                    'Legacy Agent Desktop | GC-003 | High | InsecureRedirectUri | http://agentdesk.northwind.example/oauth/callback | False'
                    'Legacy IVR Middleware | GC-002 | Medium | TokenLifetime | 172800 | False'
                    'Legacy IVR Middleware | GC-006 | Critical | PrivilegeEscalation | admin (all divisions) | False'
                    'Legacy IVR Middleware | GC-008 | Low | AllDivisionsGrant | admin (all divisions) | False'
                    'Legacy Web Chat v2 Widget | GC-004 | Low | UnknownScope | web-chat | False'
                    "Legacy Web Chat v2 Widget | GC-009 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Okta SCIM Provisioning | GC-006 | Critical | PrivilegeEscalation | SCIM Provisioning (all divisions) | False'
                    'Okta SCIM Provisioning | GC-008 | Low | AllDivisionsGrant | SCIM Provisioning (all divisions) | False'
                    'Old Call Recorder Bridge | GC-005 | Low | DisallowedState | inactive | False'
                    'Ops Wallboard Dashboard | GC-001 | Critical | ForbiddenScope | authorization | False'
                    'Ops Wallboard Dashboard | GC-001 | Critical | ForbiddenScope | oauth | False'
                    'Partner Portal SSO | GC-003 | High | WildcardRedirectUri | https://*.northwind.example/cb | False'
                    'Power BI Reporting Export | GC-006 | Critical | PrivilegeEscalation | admin (all divisions) | False'
                    'Power BI Reporting Export | GC-008 | Low | AllDivisionsGrant | admin (all divisions) | False'
                    'QA Test Harness | GC-005 | Low | DisallowedState | inactive | False'
                    'Security Audit (read-only) | GC-008 | Low | AllDivisionsGrant | Security Auditor (all divisions) | False'
                    'Snowflake Analytics Loader | GC-008 | Low | AllDivisionsGrant | Reporting Admin (all divisions) | False'
                    "Supervisor Chrome Extension | GC-009 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Terraform CX as Code | GC-006 | Critical | PrivilegeEscalation | CX as Code Deployer (all divisions) | False'
                    'Terraform CX as Code | GC-008 | Low | AllDivisionsGrant | CX as Code Deployer (all divisions) | False'
                    'Verint QM Recording Export | GC-007 | Low | UnknownDivision | 9e41bac3-210f-50de-8581-cce584be13ce | False'
                    "Web Messenger Deployment | GC-009 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                ) -join "`n")
        }

        It 'gives each client one result: Fail at Medium or above, Warning for Low only, Pass otherwise' {
            $results = @(Get-GcOAuthClient | Test-GcOAuthClientScope -WarningVariable warnings)

            $results | Should -HaveCount 40
            foreach ($result in $results) {
                $result.GetType().FullName | Should -Be 'OAuthAudit.Engine.Rules.ClientAuditResult'
                $result.BaselineName | Should -Be 'oauthaudit-default'
                $result.OrganizationName | Should -Be 'Northwind Contact Center'
            }

            (Get-ClientNamesWithOutcome $results 'Fail') -join '|' | Should -Be ((
                    'Agent Softphone Embed', 'Floor Wallboard Kiosk', 'Genesys Cloud Admin Tooling', 'Internal Dashboard (dev)', 'Jenkins Flow Deployment (CI)',
                    'Legacy Agent Desktop', 'Legacy IVR Middleware', 'Legacy Web Chat v2 Widget', 'Okta SCIM Provisioning', 'Ops Wallboard Dashboard',
                    'Partner Portal SSO', 'Power BI Reporting Export', 'Supervisor Chrome Extension', 'Terraform CX as Code', 'Web Messenger Deployment') -join '|')
            (Get-ClientNamesWithOutcome $results 'Warning') -join '|' | Should -Be ((
                    'Architect Flow Diff Tool', 'Chatbot Escalation Service', 'Old Call Recorder Bridge',
                    'QA Test Harness', 'Security Audit (read-only)', 'Snowflake Analytics Loader', 'Verint QM Recording Export') -join '|')
            Get-ClientNamesWithOutcome $results 'Pass' | Should -HaveCount 18
            Get-ClientNamesWithOutcome $results 'NotApplicable' | Should -HaveCount 0
            @($warnings) | Should -HaveCount 0

            $floor = $results | Where-Object ClientName -eq 'Floor Wallboard Kiosk'
            "$($floor.Severity)" | Should -Be $script:ImplicitSeverity
            $floor.Passed | Should -BeFalse
            $citrix = $results | Where-Object ClientName -eq 'Citrix Agent Launcher'
            "$($citrix.Outcome)" | Should -Be 'Pass'
            $citrix.Severity | Should -BeNullOrEmpty
            $citrix.Passed | Should -BeTrue
            $citrix.Findings.Count | Should -Be 0
        }

        It 'is what Get-GcOAuthBaseline shows without a path' {
            $baseline = Get-GcOAuthBaseline

            $baseline.GetType().FullName | Should -Be 'OAuthAudit.Engine.Rules.Baseline'
            $baseline.Name | Should -Be 'oauthaudit-default'
            $baseline.Source | Should -Be '(built-in)'
            (@($baseline.Rules | ForEach-Object { "$($_.Id)=$($_.Severity)" }) -join ',') |
                Should -Be 'GC-001=Critical,GC-002=Medium,GC-003=High,GC-004=Low,GC-005=Low,GC-006=Critical,GC-007=Low,GC-008=Low,GC-009=High,GC-010=Medium,GC-011=Low'
            $baseline.Waivers.Count | Should -Be 0
        }
    }

    Context 'samples/baseline.yml' {
        It 'exercises every rule kind on the demo organization' {
            $rows = ConvertTo-OrdinalSorted (Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -Expand -WarningAction SilentlyContinue | Get-FindingRow)

            ($rows -join "`n") | Should -BeExactly (@(
                    'Agent Softphone Embed | NW-002 | High | ExcessiveScope | external-contacts | False'
                    "Agent Softphone Embed | NW-013 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Architect Flow Diff Tool | NW-007 | Low | DisallowedState | inactive | False'
                    'Chatbot Escalation Service | NW-011 | Medium | UnknownRole | 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02 | False'
                    'Floor Wallboard Kiosk | NW-004 | Medium | TokenLifetime | 172800 | False'
                    'Floor Wallboard Kiosk | NW-005 | High | TokenLifetime | 172800 | False'
                    "Floor Wallboard Kiosk | NW-013 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Genesys Cloud Admin Tooling | NW-009 | Critical | PrivilegeEscalation | Platform Automation (all divisions) | False'
                    'Genesys Cloud Admin Tooling | NW-011 | Medium | DisallowedDivision | Platform Automation (all divisions) | False'
                    'Internal Dashboard (dev) | NW-006 | High | LocalhostRedirectUri | https://localhost:5001/callback | False'
                    "Internal Dashboard (dev) | NW-013 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Jenkins Flow Deployment (CI) | NW-009 | Critical | PrivilegeEscalation | Developer (Home) | False'
                    'Legacy Agent Desktop | NW-006 | High | InsecureRedirectUri | http://agentdesk.northwind.example/oauth/callback | False'
                    'Legacy IVR Middleware | NW-005 | High | TokenLifetime | 172800 | False'
                    'Legacy IVR Middleware | NW-009 | Critical | ForbiddenRole | admin | False'
                    'Legacy IVR Middleware | NW-009 | Critical | PrivilegeEscalation | admin (all divisions) | False'
                    'Legacy IVR Middleware | NW-011 | Medium | DisallowedDivision | admin (all divisions) | False'
                    'Legacy Web Chat v2 Widget | NW-002 | High | ExcessiveScope | web-chat | False'
                    'Legacy Web Chat v2 Widget | NW-008 | Low | UnknownScope | web-chat | False'
                    "Legacy Web Chat v2 Widget | NW-013 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Okta SCIM Provisioning | NW-009 | Critical | PrivilegeEscalation | SCIM Provisioning (all divisions) | False'
                    'Okta SCIM Provisioning | NW-011 | Medium | DisallowedDivision | SCIM Provisioning (all divisions) | False'
                    'Old Call Recorder Bridge | NW-007 | Low | DisallowedState | inactive | False'
                    'Ops Wallboard Dashboard | NW-001 | Critical | ForbiddenScope | authorization | False'
                    'Ops Wallboard Dashboard | NW-001 | Critical | ForbiddenScope | oauth | False'
                    'Partner Portal SSO | NW-006 | High | WildcardRedirectUri | https://*.northwind.example/cb | False'
                    'Power BI Reporting Export | NW-009 | Critical | ForbiddenRole | admin | False'
                    'Power BI Reporting Export | NW-009 | Critical | PrivilegeEscalation | admin (all divisions) | False'
                    'Power BI Reporting Export | NW-010 | High | ForbiddenPermission | directory:user:edit | False'
                    'Power BI Reporting Export | NW-010 | High | ForbiddenPermission | recording:recording:delete | False'
                    'Power BI Reporting Export | NW-010 | High | ForbiddenPermission | routing:queue:edit | False'
                    'Power BI Reporting Export | NW-010 | High | WildcardPermission | *:*:* | False'
                    'Power BI Reporting Export | NW-011 | Medium | DisallowedDivision | admin (all divisions) | False'
                    'Power BI Reporting Export | NW-012 | Medium | MissingRole | Power BI Reporting Export | False'
                    'QA Test Harness | NW-007 | Low | DisallowedState | inactive | False'
                    'Salesforce CTI Connector | NW-003 | Info | ImpliedScope | presence:readonly | False'
                    'Salesforce CTI Connector | NW-003 | Medium | MissingScope | external-contacts | False'
                    'Snowflake Analytics Loader | NW-011 | Medium | DisallowedDivision | Reporting Admin (all divisions) | False'
                    "Supervisor Chrome Extension | NW-013 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                    'Verint QM Recording Export | NW-011 | Medium | UnknownDivision | 9e41bac3-210f-50de-8581-cce584be13ce | False'
                    'Web Messenger Deployment | NW-002 | High | ExcessiveScope | users | True'
                    'Web Messenger Deployment | NW-004 | Medium | TokenLifetime | 86400 | False'
                    "Web Messenger Deployment | NW-013 | $($script:ImplicitSeverity) | DeprecatedGrantType | TOKEN | False"
                ) -join "`n")
        }

        It 'gives the outcomes those findings imply' {
            $results = @(Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue)

            $results | Should -HaveCount 40
            (Get-ClientNamesWithOutcome $results 'Fail') -join '|' | Should -Be ((
                    'Agent Softphone Embed', 'Chatbot Escalation Service', 'Floor Wallboard Kiosk', 'Genesys Cloud Admin Tooling',
                    'Internal Dashboard (dev)', 'Jenkins Flow Deployment (CI)', 'Legacy Agent Desktop', 'Legacy IVR Middleware',
                    'Legacy Web Chat v2 Widget', 'Okta SCIM Provisioning', 'Ops Wallboard Dashboard', 'Partner Portal SSO',
                    'Power BI Reporting Export', 'Salesforce CTI Connector', 'Snowflake Analytics Loader', 'Supervisor Chrome Extension',
                    'Verint QM Recording Export', 'Web Messenger Deployment') -join '|')
            (Get-ClientNamesWithOutcome $results 'Warning') -join '|' | Should -Be 'Architect Flow Diff Tool|Old Call Recorder Bridge|QA Test Harness'
            Get-ClientNamesWithOutcome $results 'Pass' | Should -HaveCount 19
            Get-ClientNamesWithOutcome $results 'NotApplicable' | Should -HaveCount 0
            foreach ($result in $results) {
                $result.BaselineName | Should -Be 'northwind-policy'
                $result.Passed | Should -Be ("$($result.Outcome)" -eq 'Pass') -Because "$($result.ClientName) is $($result.Outcome)"
            }

            # Exempt from NW-009 and NW-011, so nothing is outstanding.
            $terraform = $results | Where-Object ClientName -eq 'Terraform CX as Code'
            "$($terraform.Outcome)" | Should -Be 'Pass'
            $terraform.MatchedRules.ToString() | Should -Be 'NW-005; NW-007; NW-008'
            $powerBi = $results | Where-Object ClientName -eq 'Power BI Reporting Export'
            $powerBi.MatchedRules.ToString() | Should -Be 'NW-005; NW-007; NW-008; NW-009; NW-010; NW-011; NW-012'
            "$($powerBi.Severity)" | Should -Be 'Critical'
            $powerBi.Findings | Should -HaveCount 8
        }

        It 'lists the missing, excessive, forbidden and unknown scopes of each result' {
            $results = @(Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue)
            $byName = @{}
            foreach ($result in $results) {
                $byName[$result.ClientName] = $result
            }

            $byName['Salesforce CTI Connector'].MissingScopes.ToString() | Should -Be 'external-contacts'
            "$($byName['Salesforce CTI Connector'].Severity)" | Should -Be 'Medium'
            $byName['Agent Softphone Embed'].ExcessiveScopes.ToString() | Should -Be 'external-contacts'
            $byName['Ops Wallboard Dashboard'].ForbiddenScopes.ToString() | Should -Be 'oauth; authorization'
            $byName['Ops Wallboard Dashboard'].ForbiddenScopes | Should -Contain 'OAUTH'
            $byName['Legacy Web Chat v2 Widget'].ExcessiveScopes.ToString() | Should -Be 'web-chat'
            $byName['Legacy Web Chat v2 Widget'].UnknownScopes.ToString() | Should -Be 'web-chat'
            $byName['Citrix Agent Launcher'].Findings.Count | Should -Be 0
            $byName['Citrix Agent Launcher'].MissingScopes.Count | Should -Be 0

            @($results | Where-Object MissingScopes -contains 'external-contacts' | ForEach-Object ClientName) -join '|' | Should -Be 'Salesforce CTI Connector'
            @($results | Where-Object { $_.Findings.Kind -contains 'UnknownRole' } | ForEach-Object ClientName) -join '|' | Should -Be 'Chatbot Escalation Service'
            @($results | Where-Object { $_.Findings.Kind -contains 'UnknownDivision' } | ForEach-Object ClientName) -join '|' | Should -Be 'Verint QM Recording Export'
        }

        It 'warns about its expired waiver, which no longer applies' {
            $records = @(& { Get-GcOAuthClient -Name 'Legacy IVR Middleware' | Test-GcOAuthClientScope -Baseline $script:SampleBaseline } 3>&1)

            $warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
            $results = @($records | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -BeLike "The waiver of NW-005 for 'Legacy IVR Middleware' expired on 2025-09-30 and no longer applies (*baseline.yml)."
            $results | Should -HaveCount 1
            "$($results[0].Outcome)" | Should -Be 'Fail'
            $results[0].WaivedCount | Should -Be 0
            $lifetime = @($results[0].Findings | Where-Object RuleId -eq 'NW-005')
            $lifetime | Should -HaveCount 1
            $lifetime[0].Waived | Should -BeFalse
            $lifetime[0].Message | Should -BeExactly "'Legacy IVR Middleware' issues tokens valid for 172800 s (48 h); the rule allows at most 86400 s (24 h)."
        }

        It 'warns once per command, not once per client' {
            $records = @(& { Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline } 3>&1)

            @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -HaveCount 1
            @($records | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }) | Should -HaveCount 40
        }

        It 'keeps a waived finding listed, with its rationale, and out of the outcome' {
            $result = Get-GcOAuthClient -Name 'Web Messenger Deployment' | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue

            $result.WaivedCount | Should -Be 1
            $result.Findings.ToString() | Should -BeLike ('NW-002 (High, waived): ''Web Messenger Deployment'' holds ''users'', but only its read-only form ''users:readonly'' is allowed.; NW-004 (Medium): ''Web Messenger Deployment'' issues tokens valid for 86400 s (24 h); the rule allows at most 43200 s (12 h).; NW-013 ({0}): ''Web Messenger Deployment'' uses the TOKEN grant type, which is being retired: *' -f $script:ImplicitSeverity)
            $waived = @($result.Findings | Where-Object Waived)
            $waived | Should -HaveCount 1
            $waived[0].RuleId | Should -Be 'NW-002'
            $waived[0].Subject | Should -Be 'users'
            $waived[0].IsOutstanding | Should -BeFalse
            $waived[0].WaiverRationale | Should -BeExactly "The messenger's co-browse add-on reads agent profiles; vendor ticket WM-3302 tracks the move to users:readonly."
            $waived[0].WaiverExpiresOn | Should -Be ([DateTime]::new(2030, 12, 31, 0, 0, 0, [DateTimeKind]::Utc))
            "$($waived[0].Severity)" | Should -Be 'High'
            # Only the outstanding findings decide (Medium NW-004 and the implicit grant's NW-013), and the waived scope is not listed as excessive.
            "$($result.Outcome)" | Should -Be 'Fail'
            "$($result.Severity)" | Should -Be $script:ImplicitSeverity
            $result.ExcessiveScopes.Count | Should -Be 0
        }

        It 'says what it found and uses the rule''s remediation' {
            $findings = @(Get-GcOAuthClient -Name 'Ops Wallboard Dashboard', 'Salesforce CTI Connector', 'Chatbot Escalation Service', 'Verint QM Recording Export' |
                    Test-GcOAuthClientScope -Baseline $script:SampleBaseline -Expand -WarningAction SilentlyContinue)

            $findings | Should -HaveCount 6
            foreach ($finding in $findings) {
                $finding.GetType().FullName | Should -Be 'OAuthAudit.Engine.Rules.Finding'
                $finding.Remediation | Should -Not -BeNullOrEmpty
            }

            $oauth = @($findings | Where-Object { $_.RuleId -eq 'NW-001' -and $_.Subject -eq 'oauth' })
            $oauth[0].Message | Should -BeExactly "'Ops Wallboard Dashboard' holds 'oauth', which is forbidden (by 'oauth')."
            $oauth[0].Remediation | Should -BeExactly 'Remove oauth, authorization and organization-authorization from the client (Admin > Integrations > OAuth > Scope); give reporting tools the :readonly scopes they need.'
            $oauth[0].ClientId | Should -Be 'af889544-689d-5bb1-a3b3-cd7a698011f1'
            $missing = @($findings | Where-Object Kind -eq 'MissingScope')
            $missing[0].Message | Should -BeExactly "'Salesforce CTI Connector' requires scope 'external-contacts' and holds no scope that grants it."
            $missing[0].Remediation | Should -BeExactly "Add the missing scopes to the connector's client so screen pops and contact lookups work."
            $implied = @($findings | Where-Object Kind -eq 'ImpliedScope')
            $implied[0].Message | Should -BeExactly "'Salesforce CTI Connector' requires 'presence:readonly': satisfied by 'presence', which also grants it."
            $unknownRole = @($findings | Where-Object Kind -eq 'UnknownRole')
            $unknownRole[0].Message | Should -BeExactly "'Chatbot Escalation Service' is granted role id '8fc64ac8-e2e5-5b1f-9726-c0b58888ec02' (Support), which the organization has no role for."
            $unknownDivision = @($findings | Where-Object Kind -eq 'UnknownDivision')
            $unknownDivision[0].Message | Should -BeExactly "'Verint QM Recording Export' is granted role 'Recording Export' in division id '9e41bac3-210f-50de-8581-cce584be13ce', which the organization has no division for."
        }
    }

    Context '-Expand' {
        It 'writes one Finding per row, which Where-Object filters by waiver and severity' {
            $findings = @(Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -Expand -WarningAction SilentlyContinue)

            $findings | Should -HaveCount 43
            @($findings | Where-Object Waived) | Should -HaveCount 1
            @($findings | Where-Object { -not $_.Waived -and $_.Severity -ge 'High' }) | Should -HaveCount 26
            @($findings | Where-Object Severity -eq 'Info') | Should -HaveCount 1
            @($findings | Where-Object RuleId -eq 'NW-010' | ForEach-Object Subject) -join '|' | Should -Be 'routing:queue:edit|directory:user:edit|recording:recording:delete|*:*:*'
            @($findings | Where-Object Kind -eq 'WildcardPermission' | ForEach-Object Subject) -join '|' | Should -Be '*:*:*'
        }

        It 'writes nothing for a client without findings' {
            @(Get-GcOAuthClient -Name 'Citrix Agent Launcher' | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -Expand -WarningAction SilentlyContinue) | Should -HaveCount 0
        }
    }

    Context 'clients by id' {
        It 'takes client ids by property name, reads them, and reports an unknown one as ClientNotFound' {
            $results = @([pscustomobject]@{ ClientId = '4bf6071e-d122-5cd1-9351-7ef862457abf' }, [pscustomobject]@{ Id = 'no-such-client' } |
                    Test-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue)

            $results | Should -HaveCount 1
            $results[0].ClientName | Should -Be 'Legacy IVR Middleware'
            "$($results[0].Outcome)" | Should -Be 'Fail'
            @($failures) | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ClientNotFound,OAuthAudit.Commands.TestGcOAuthClientScopeCommand'
            $failures[0].TargetObject | Should -Be 'no-such-client'
        }
    }

    Context 'a baseline loaded once with Get-GcOAuthBaseline' {
        It 'loads and checks samples/baseline.yml' {
            $baseline = Get-GcOAuthBaseline -Path $script:SampleBaseline

            $baseline.Name | Should -Be 'northwind-policy'
            $baseline.Source | Should -BeLike '*baseline.yml'
            (@($baseline.Rules | ForEach-Object Id) -join ',') | Should -Be 'NW-001,NW-002,NW-003,NW-004,NW-005,NW-006,NW-007,NW-008,NW-009,NW-010,NW-011,NW-012,NW-013'
            "$($baseline.Rules[0].Severity)" | Should -Be 'Critical'
            $baseline.Waivers.Count | Should -Be 2
            $baseline.Waivers.ToString() | Should -Be 'NW-002 for Web Messenger Deployment (users) until 2030-12-31; NW-005 for Legacy IVR Middleware until 2025-09-30'
            $baseline.ReportUnmatchedClients | Should -BeTrue
        }

        It 'takes the path from the pipeline, as FullName of a file' {
            $baseline = [System.IO.FileInfo]::new($script:SampleBaseline) | Get-GcOAuthBaseline

            $baseline.Name | Should -Be 'northwind-policy'
        }

        It 'gives the same verdicts through -BaselineObject as through -Baseline' {
            $baseline = Get-GcOAuthBaseline $script:SampleBaseline

            $fromObject = @(Get-GcOAuthClient | Test-GcOAuthClientScope -BaselineObject $baseline -Expand -WarningAction SilentlyContinue | Get-FindingRow)
            $fromFile = @(Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -Expand -WarningAction SilentlyContinue | Get-FindingRow)
            $outcomes = @(Get-GcOAuthClient | Test-GcOAuthClientScope -BaselineObject $baseline -WarningAction SilentlyContinue | ForEach-Object { "$($_.ClientName)=$($_.Outcome)" })

            $fromObject | Should -HaveCount 43
            ($fromObject -join "`n") | Should -BeExactly ($fromFile -join "`n")
            $outcomes | Should -HaveCount 40
            $outcomes | Should -Contain 'Web Messenger Deployment=Fail'
            $outcomes | Should -Contain 'Terraform CX as Code=Pass'
            $outcomes | Should -Contain 'QA Test Harness=Warning'
        }

        It 'still warns about the expired waiver when the object is used' {
            $baseline = Get-GcOAuthBaseline $script:SampleBaseline

            $records = @(& { Get-GcOAuthClient -Name 'Legacy IVR Middleware' | Test-GcOAuthClientScope -BaselineObject $baseline } 3>&1)

            @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -HaveCount 1
        }

        It 'refuses -Baseline and -BaselineObject together with ConflictingBaselines' {
            $run = Invoke-Collecting { Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -BaselineObject (Get-GcOAuthBaseline) }

            $run.Output | Should -HaveCount 0
            $run.Error.FullyQualifiedErrorId | Should -BeLike 'ConflictingBaselines,*'
            $run.Error.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        }
    }

    Context 'Assert-GcOAuthClientScope' {
        It 'writes every result, then fails with AuditFailed naming the clients at or above -FailOn' {
            $run = Invoke-Collecting { Get-GcOAuthClient | Assert-GcOAuthClientScope -Baseline $script:SampleBaseline -FailOn Critical -WarningAction SilentlyContinue }

            $run.Output | Should -HaveCount 40
            $run.Output[0].GetType().FullName | Should -Be 'OAuthAudit.Engine.Rules.ClientAuditResult'
            $run.Error | Should -Not -BeNullOrEmpty
            $run.Error.FullyQualifiedErrorId | Should -Be 'AuditFailed,OAuthAudit.Commands.AssertGcOAuthClientScopeCommand'
            $run.Error.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidResult)
            if ($script:ImplicitEnded) {
                # From 2027-03-01 the six implicit-grant clients fail at Critical too (NW-013).
                $run.Error.ToString() | Should -BeLike "12 OAuth client(s) fail baseline 'northwind-policy' at or above Critical: *'Web Messenger Deployment' (Critical: NW-013)."
                @($run.Error.TargetObject) | Should -HaveCount 12
            }
            else {
                $run.Error.ToString() | Should -BeExactly ("6 OAuth client(s) fail baseline 'northwind-policy' at or above Critical: " +
                    "'Genesys Cloud Admin Tooling' (Critical: NW-009); 'Jenkins Flow Deployment (CI)' (Critical: NW-009); " +
                    "'Legacy IVR Middleware' (Critical: NW-009); 'Okta SCIM Provisioning' (Critical: NW-009); " +
                    "'Ops Wallboard Dashboard' (Critical: NW-001); 'Power BI Reporting Export' (Critical: NW-009).")
                @($run.Error.TargetObject) | Should -HaveCount 6
                (@($run.Error.TargetObject | ForEach-Object ClientName) -join '|') | Should -Be 'Genesys Cloud Admin Tooling|Jenkins Flow Deployment (CI)|Legacy IVR Middleware|Okta SCIM Provisioning|Ops Wallboard Dashboard|Power BI Reporting Export'
            }
            $run.Error.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'counts only outstanding findings at or above -FailOn <FailOn>' -ForEach @(
            # The six implicit-grant clients reach Critical from 2027-03-01 (NW-013).
            @{ FailOn = 'Critical'; Failing = $(if ([DateTime]::UtcNow -ge [DateTime]::new(2027, 3, 1, 0, 0, 0, [DateTimeKind]::Utc)) { 12 } else { 6 }) }
            @{ FailOn = 'High'; Failing = 14 }
            @{ FailOn = 'Medium'; Failing = 18 }
            @{ FailOn = 'Low'; Failing = 21 }
            @{ FailOn = 'Info'; Failing = 21 }
        ) {
            $run = Invoke-Collecting { Get-GcOAuthClient | Assert-GcOAuthClientScope -Baseline $script:SampleBaseline -FailOn $FailOn -WarningAction SilentlyContinue }

            $run.Output | Should -HaveCount 40
            $run.Error.FullyQualifiedErrorId | Should -BeLike 'AuditFailed,*'
            $run.Error.ToString() | Should -BeLike "$Failing OAuth client(s) fail baseline 'northwind-policy' at or above $($FailOn): *"
            @($run.Error.TargetObject) | Should -HaveCount $Failing
        }

        It 'fails at High by default, and not for a waived High finding' {
            $run = Invoke-Collecting { Get-GcOAuthClient | Assert-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue }
            $messenger = Invoke-Collecting { Get-GcOAuthClient -Name 'Web Messenger Deployment' | Assert-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue }

            @($run.Error.TargetObject) | Should -HaveCount 14
            $run.Error.ToString() | Should -BeLike '* at or above High: *'
            # The messenger fails for the implicit grant (NW-013) alone: its waived High finding (NW-002) does not count.
            $run.Error.ToString() | Should -BeLike "*'Web Messenger Deployment' ($($script:ImplicitSeverity): NW-013)*"
            $messenger.Output | Should -HaveCount 1
            $messenger.Error.ToString() | Should -BeLike "*'Web Messenger Deployment' ($($script:ImplicitSeverity): NW-013)."
        }

        It 'is silent when nothing reaches -FailOn' {
            $run = Invoke-Collecting { Get-GcOAuthClient -Name 'Citrix Agent Launcher', 'Architect Flow Diff Tool' | Assert-GcOAuthClientScope -Baseline $script:SampleBaseline -FailOn Medium -WarningAction SilentlyContinue }

            $run.Error | Should -BeNullOrEmpty
            (@($run.Output | ForEach-Object { "$($_.ClientName)=$($_.Outcome)" }) -join '|') | Should -Be 'Architect Flow Diff Tool=Warning|Citrix Agent Launcher=Pass'
        }

        It 'stops a script with -ErrorAction, as CI and runbooks need' {
            { Get-GcOAuthClient | Assert-GcOAuthClientScope -FailOn Critical | Out-Null } | Should -Throw -ErrorId 'AuditFailed,*'
            { Get-GcOAuthClient -Name 'Citrix Agent Launcher' | Assert-GcOAuthClientScope -FailOn Low | Out-Null } | Should -Not -Throw
        }
    }

    Context 'bad baselines' {
        It 'stops before any client is judged with BaselineInvalid, naming file, line and column (<Problem>)' -ForEach @(
            @{ Problem = 'a severity that does not exist'; Line = 8; Fragment = 'Severe'; Yaml = @('apiVersion: oauthaudit/v1', 'kind: Baseline', 'metadata: { name: x }', 'spec:', '  rules:', '    - id: A', '      description: d', '      severity: Severe', '      forbiddenScopes: [oauth]') }
            @{ Problem = 'a misspelt key'; Line = 9; Fragment = 'forbiddenScope'; Yaml = @('apiVersion: oauthaudit/v1', 'kind: Baseline', 'metadata: { name: x }', 'spec:', '  rules:', '    - id: A', '      description: d', '      severity: High', '      forbiddenScope: [oauth]') }
            @{ Problem = 'a regex that does not compile'; Line = 9; Fragment = '(unclosed'; Yaml = @('apiVersion: oauthaudit/v1', 'kind: Baseline', 'metadata: { name: x }', 'spec:', '  rules:', '    - id: A', '      description: d', '      severity: High', "      match: { namePatterns: ['(unclosed'] }", '      forbiddenScopes: [oauth]') }
            @{ Problem = 'YAML that does not parse'; Line = 4; Fragment = ''; Yaml = @('apiVersion: oauthaudit/v1', 'kind: Baseline', 'metadata: { name: x', 'spec: [') }
        ) {
            $path = Write-TestFile 'bad.yml' $Yaml

            $run = Invoke-Collecting { Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $path }

            $run.Output | Should -HaveCount 0
            $run.Error | Should -Not -BeNullOrEmpty
            $run.Error.FullyQualifiedErrorId | Should -BeLike 'BaselineInvalid,*'
            $run.Error.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
            $run.Error.ToString().StartsWith("Baseline '$path', line $Line, column ") | Should -BeTrue -Because "the message is '$($run.Error.ToString())'"
            $run.Error.ToString().Contains($Fragment) | Should -BeTrue
            $run.Error.TargetObject | Should -Be $path
        }

        It 'lists every mistake of a baseline in one BaselineInvalid error, judging nothing' {
            $path = Write-TestFile 'several.yml' @('apiVersion: oauthaudit/v1', 'kind: Baseline', 'metadata: { name: x }', 'spec:', '  rules:', '    - id: A', '      description: d', '      severity: Severe', '      forbiddenScopes: [oauth]', '    - id: B', '      description: d', '      severity: High', '      forbiddenScope: [oauth]')

            $run = Invoke-Collecting { Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $path }

            $run.Output | Should -HaveCount 0
            @($run.Error) | Should -HaveCount 1
            $run.Error.FullyQualifiedErrorId | Should -BeLike 'BaselineInvalid,*'
            $lines = $run.Error.ToString() -split '\r?\n'
            $lines | Should -HaveCount 3
            $lines[0] | Should -BeLike "Baseline '$path', line 8, column 17: 'spec.rules[[]0[]].severity' is 'Severe'*"
            $lines[1] | Should -BeLike "Baseline '$path', line 13, column 7: unknown key 'forbiddenScope' in 'spec.rules[[]1[]]'*"
            $lines[2] | Should -Be '2 problems in all; fix each, then run the command again.'
            $run.Error.Exception.Problems | Should -HaveCount 2
        }

        It 'refuses a bad baseline in Get-GcOAuthBaseline and Assert-GcOAuthClientScope the same way' {
            $path = Write-TestFile 'bad-severity.yml' @('apiVersion: oauthaudit/v1', 'kind: Baseline', 'metadata: { name: x }', 'spec:', '  rules:', '    - id: A', '      description: d', '      severity: Severe', '      forbiddenScopes: [oauth]')

            { Get-GcOAuthBaseline -Path $path } | Should -Throw -ErrorId 'BaselineInvalid,*'
            $run = Invoke-Collecting { Get-GcOAuthClient | Assert-GcOAuthClientScope -Baseline $path }
            $run.Output | Should -HaveCount 0
            $run.Error.FullyQualifiedErrorId | Should -BeLike 'BaselineInvalid,*'
        }

        It 'refuses a missing file and a folder with BaselineNotFound' {
            $missing = Invoke-Collecting { Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline (Join-Path $TestDrive 'absent.yml') }
            $folder = Invoke-Collecting { Get-GcOAuthBaseline -Path $TestDrive }

            $missing.Output | Should -HaveCount 0
            $missing.Error.FullyQualifiedErrorId | Should -BeLike 'BaselineNotFound,*'
            $missing.Error.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $missing.Error.ToString() | Should -BeLike '*There is no baseline file*'
            $folder.Error.FullyQualifiedErrorId | Should -BeLike 'BaselineNotFound,*'
            $folder.Error.ToString() | Should -BeLike '*is a folder*'
        }
    }

    Context 'a small baseline with one rule of each scope kind' {
        BeforeAll {
            # The table-test baseline of the xunit AuditTableTests, minus its emulator organization: here it judges the demo clients.
            $script:TableBaseline = Write-TestFile 'table-test.yml' @(
                'apiVersion: oauthaudit/v1'
                'kind: Baseline'
                'metadata:'
                '  name: table-test'
                'spec:'
                '  reportUnmatchedClients: true'
                '  rules:'
                '    - id: R-FORBID'
                '      description: No OAuth administration outside the admin tooling.'
                '      severity: Critical'
                '      remediation: Move OAuth administration to the admin tooling.'
                '      match: { grantTypes: [CODE, TOKEN, PASSWORD] }'
                "      forbiddenScopes: [oauth, 'authorization*']"
                '    - id: R-TOKEN'
                '      description: Browser tokens live a day at most.'
                '      severity: Medium'
                '      match: { grantTypes: TOKEN }'
                '      maxAccessTokenValiditySeconds: 86400'
                '  waivers:'
                '    - client: Floor Wallboard Kiosk'
                '      ruleId: R-TOKEN'
                '      rationale: Kiosk tokens are rotated by the kiosk vendor.'
                '      expiresOn: 2099-12-31'
            )
        }

        It 'reports the clients no rule applies to as NotApplicable, with an Info finding' {
            $results = @(Get-GcOAuthClient -Name 'Ops Wallboard Dashboard', 'Floor Wallboard Kiosk', 'Okta SCIM Provisioning' | Test-GcOAuthClientScope -Baseline $script:TableBaseline)

            (@($results | ForEach-Object { "$($_.ClientName)=$($_.Outcome)=$($_.Severity)=$($_.WaivedCount)" }) -join '|') |
                Should -Be 'Floor Wallboard Kiosk=Pass==1|Okta SCIM Provisioning=NotApplicable=Info=0|Ops Wallboard Dashboard=Fail=Critical=0'
            $unmatched = ($results | Where-Object ClientName -eq 'Okta SCIM Provisioning').Findings
            $unmatched.ToString() | Should -Be "(no rule) (Info): No rule of baseline 'table-test' applies to 'Okta SCIM Provisioning', so nothing about it was checked."
            ($results | Where-Object ClientName -eq 'Ops Wallboard Dashboard').ForbiddenScopes.ToString() | Should -Be 'oauth; authorization'
            ($results | Where-Object ClientName -eq 'Ops Wallboard Dashboard').Findings[0].Remediation | Should -Be 'Move OAuth administration to the admin tooling.'
        }
    }

    Context 'exporting' {
        It 'exports results with list properties as "a; b" cells and no type names' {
            $path = Join-Path $TestDrive 'audit.csv'

            Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue | Export-Csv -Path $path -NoTypeInformation

            $text = Get-Content -Path $path -Raw
            $text | Should -Not -Match 'System\.'
            $text | Should -Not -Match 'OAuthAudit\.'
            $rows = @(Import-Csv -Path $path)
            $rows | Should -HaveCount 40
            $ops = $rows | Where-Object ClientName -eq 'Ops Wallboard Dashboard'
            $ops.Outcome | Should -Be 'Fail'
            $ops.Severity | Should -Be 'Critical'
            $ops.ForbiddenScopes | Should -BeExactly 'oauth; authorization'
            $ops.MatchedRules | Should -BeExactly 'NW-001; NW-005; NW-006; NW-007; NW-008'
            $ops.Findings | Should -BeExactly 'NW-001 (Critical): ''Ops Wallboard Dashboard'' holds ''oauth'', which is forbidden (by ''oauth'').; NW-001 (Critical): ''Ops Wallboard Dashboard'' holds ''authorization'', which is forbidden (by ''authorization'').'
            ($rows | Where-Object ClientName -eq 'Web Messenger Deployment').Findings | Should -BeLike ('NW-002 (High, waived): ''Web Messenger Deployment'' holds ''users'', but only its read-only form ''users:readonly'' is allowed.; NW-004 (Medium): ''Web Messenger Deployment'' issues tokens valid for 86400 s (24 h); the rule allows at most 43200 s (12 h).; NW-013 ({0}): ''Web Messenger Deployment'' uses the TOKEN grant type, which is being retired: *' -f $script:ImplicitSeverity)
            ($rows | Where-Object ClientName -eq 'Salesforce CTI Connector').MissingScopes | Should -BeExactly 'external-contacts'
            ($rows | Where-Object ClientName -eq 'Citrix Agent Launcher').Severity | Should -BeNullOrEmpty
        }

        It 'exports -Expand findings one per row' {
            $path = Join-Path $TestDrive 'findings.csv'

            Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -Expand -WarningAction SilentlyContinue | Export-Csv -Path $path -NoTypeInformation

            $text = Get-Content -Path $path -Raw
            $text | Should -Not -Match 'System\.'
            $rows = @(Import-Csv -Path $path)
            $rows | Should -HaveCount 43
            $waived = @($rows | Where-Object Waived -eq 'True')
            $waived | Should -HaveCount 1
            $waived[0].ClientName | Should -Be 'Web Messenger Deployment'
            $waived[0].RuleId | Should -Be 'NW-002'
            $waived[0].Kind | Should -Be 'ExcessiveScope'
            $waived[0].Severity | Should -Be 'High'
            $waived[0].Subject | Should -Be 'users'
            @($rows | Where-Object Kind -eq 'ForbiddenPermission' | ForEach-Object Subject) -join '|' | Should -Be 'routing:queue:edit|directory:user:edit|recording:recording:delete'
            @($rows | Where-Object Kind -eq 'WildcardPermission' | ForEach-Object Subject) -join '|' | Should -Be '*:*:*'
        }
    }
}
