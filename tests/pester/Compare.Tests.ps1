# Compare-GcOAuthSnapshot in real pwsh: the two sample snapshots of the demo organization, exported with the real
# Export-Csv, and the help's examples run as pasted from the repository root. Expected rows are written out by hand.

Describe 'Comparing two snapshots of one organization' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Root = Get-RepositoryRoot
        $script:Demo = Join-Path $script:Root 'samples/demo-org.json'
        $script:NextMonth = Join-Path $script:Root 'samples/demo-org-next-month.json'
        $script:SampleBaseline = Join-Path $script:Root 'samples/baseline.yml'
    }

    It 'exports one CSV row per change with plain cells' {
        $csv = Join-Path $TestDrive 'drift.csv'

        Compare-GcOAuthSnapshot -Reference $script:Demo -Difference $script:NextMonth | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv | ForEach-Object { $_.ClientName, $_.Change, $_.Property, $_.Before, $_.After, $_.Risk -join '|' })

        $rows | Should -Be @(
            'Architect Flow Diff Tool|StateChanged|State|inactive|active|Medium'
            'Floor Wallboard Kiosk|TokenLifetimeChanged|AccessTokenValiditySeconds|172800|43200|Low'
            'Legacy Reporting Scripts|ClientRemoved|Client|Legacy Reporting Scripts||Low'
            'Marketing Automation Sync|ClientAdded|Client||Marketing Automation Sync|High'
            'Mobile Supervisor App|ClientRenamed|Name|Mobile Supervisor App (pilot)|Mobile Supervisor App|Info'
            'Mobile Supervisor App|DescriptionChanged|Description|Pilot of a mobile supervisor app for the Dublin site.|Supervisor mobile app, rolled out to every site in December.|Info'
            'Partner Portal SSO|RedirectUriAdded|RegisteredRedirectUri||https://partners.northwind.example/cb|Medium'
            'Partner Portal SSO|RedirectUriRemoved|RegisteredRedirectUri|https://*.northwind.example/cb||Low'
            'Power BI Reporting Export|RoleGrantAdded|Roles||Power BI Reporting Export (Home)|Medium'
            'Power BI Reporting Export|RoleGrantRemoved|Roles|admin (all divisions)||Low'
            'Salesforce CTI Connector|ScopeAdded|Scopes||oauth|High'
            'Wallboard Realtime Feed|RolePermissionsChanged|Realtime Monitor||analytics:conversationDetail:view|Medium'
        )
        (Get-Content -Path $csv -Raw) | Should -Not -Match 'OAuthAudit\.'
    }

    It 'exports the findings that appeared and were resolved with a baseline' {
        $csv = Join-Path $TestDrive 'findings.csv'

        Compare-GcOAuthSnapshot $script:Demo $script:NextMonth -Baseline $script:SampleBaseline | Where-Object Change -like 'Finding*' | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv)

        @($rows | Where-Object Change -eq 'FindingAppeared' | ForEach-Object { $_.ClientName, $_.Property, $_.After, $_.Risk -join '|' }) | Should -Be @(
            'Marketing Automation Sync|NW-009|PrivilegeEscalation: Developer (all divisions)|High'
            'Marketing Automation Sync|NW-011|DisallowedDivision: Developer (all divisions)|Medium'
            'Salesforce CTI Connector|NW-001|ForbiddenScope: oauth|High'
        )
        @($rows | Where-Object Change -eq 'FindingResolved' | Where-Object ClientName -eq 'Power BI Reporting Export').Count | Should -Be 8
        @($rows | Where-Object Change -eq 'FindingResolved' | ForEach-Object Risk | Sort-Object -Unique) | Should -Be @('Info')
    }

    It 'writes nothing for a file compared with itself' {
        @(Compare-GcOAuthSnapshot $script:NextMonth $script:NextMonth -Baseline $script:SampleBaseline).Count | Should -Be 0
    }

    It 'stops with OrganizationMismatch for snapshots of two organizations' {
        $other = Join-Path $script:Root 'tests/OAuthAudit.Engine.Tests/Fixtures/drift-after.json'

        { Compare-GcOAuthSnapshot $script:Demo $other } | Should -Throw -ErrorId 'OrganizationMismatch,OAuthAudit.Commands.CompareGcOAuthSnapshotCommand'
    }

    It 'runs every help example that needs no connection as pasted in the repository root' {
        $examples = @((Get-Help Compare-GcOAuthSnapshot -Examples).examples.example)
        $pasteable = @($examples | Where-Object { "$($_.code)" -notmatch 'Connect-GcOrganization -Region' })
        $pasteable.Count | Should -BeGreaterOrEqual 3

        Push-Location $TestDrive
        try {
            # The examples use paths relative to the repository root; run them there, from a copy of samples/.
            Copy-Item -Path (Join-Path $script:Root 'samples') -Destination (Join-Path $TestDrive 'samples') -Recurse
            foreach ($example in $pasteable) {
                $code = ("$($example.code)" -replace "`r", '' -split "`n`n")[0]
                $output = @(& ([scriptblock]::Create($code)) 2>&1)
                @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty -Because $code
                $output.Count | Should -BeGreaterThan 0 -Because $code
            }
        }
        finally {
            Pop-Location
        }
    }
}
