# Invoke-GcOAuthAudit and Export-GcOAuthAuditReport in real pwsh, offline against the demo snapshot (samples/demo-org.json):
# a file for every format the module's table holds, the summary, -WhatIf, -Force, -FailOn, and the pipeline from Test-GcOAuthClientScope.

Describe 'Audit reports' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath) | Out-Null
        $script:SampleBaseline = Join-Path (Get-RepositoryRoot) 'samples/baseline.yml'
        $script:Writers = @([OAuthAudit.Engine.Reports.ReportWriters]::All)
        $script:OrganizationFile = 'oauth-audit-northwind-contact-center'
    }

    It 'Invoke-GcOAuthAudit writes one file per format of the table and returns the run' {
        $folder = Join-Path $TestDrive 'invoke'

        $run = Invoke-GcOAuthAudit -Baseline $SampleBaseline -OutputPath $folder -WarningAction SilentlyContinue

        $run.GetType().FullName | Should -Be 'OAuthAudit.Engine.Runs.AuditRun'
        $run.Summary.Clients | Should -Be 40
        $run.Baseline.Name | Should -Be 'northwind-policy'
        $expected = @($Writers | ForEach-Object { $OrganizationFile + $_.Extension } | Sort-Object)
        @(Get-ChildItem -LiteralPath $folder -Force | ForEach-Object Name | Sort-Object) | Should -Be $expected
        Get-ChildItem -LiteralPath $folder | ForEach-Object { $_.Length | Should -BeGreaterThan 0 }
        $document = Get-Content -LiteralPath (Join-Path $folder "$OrganizationFile.json") -Raw | ConvertFrom-Json
        $document.summary.clients | Should -Be 40
        $document.baseline.sha256 | Should -Be (Get-GcOAuthBaseline -Path $SampleBaseline).Sha256
    }

    It 'shows the summary of a run first' {
        $run = Invoke-GcOAuthAudit -Baseline $SampleBaseline -WarningAction SilentlyContinue

        $lines = @(($run | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^Summary\s+: 40 clients: Pass 19, Fail 18, Warning 3$'
        $lines[1].Trim() | Should -Be 'Findings: Critical 9, High 17, Medium 11, Low 4, Info 1'
    }

    It 'Export-GcOAuthAuditReport writes the results of Test-GcOAuthClientScope in the format of each extension' {
        foreach ($writer in $Writers) {
            $path = Join-Path $TestDrive "export/audit$($writer.Extension)"

            $file = Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $SampleBaseline -WarningAction SilentlyContinue | Export-GcOAuthAuditReport -Path $path -PassThru

            $file.FullName | Should -Be $path
            $file.Length | Should -BeGreaterThan 0
        }
    }

    It 'writes nothing with -WhatIf' {
        $folder = Join-Path $TestDrive 'whatif'

        Get-GcOAuthClient | Test-GcOAuthClientScope | Export-GcOAuthAuditReport -Path (Join-Path $folder 'audit.json') -WhatIf
        Invoke-GcOAuthAudit -OutputPath $folder -WhatIf | Out-Null

        Test-Path -LiteralPath $folder | Should -BeFalse
    }

    It 'keeps an existing report without -Force and replaces it with -Force' {
        $path = Join-Path $TestDrive 'existing.json'
        Set-Content -LiteralPath $path -Value 'keep me'

        { Get-GcOAuthClient | Test-GcOAuthClientScope | Export-GcOAuthAuditReport -Path $path -ErrorAction Stop } |
            Should -Throw -ErrorId 'ReportExists,OAuthAudit.Commands.ExportGcOAuthAuditReportCommand'
        Get-Content -LiteralPath $path -Raw | Should -Match '^keep me'

        Get-GcOAuthClient | Test-GcOAuthClientScope | Export-GcOAuthAuditReport -Path $path -Force
        (Get-Content -LiteralPath $path -Raw | ConvertFrom-Json).baseline.name | Should -Be 'oauthaudit-default'
    }

    It 'refuses an extension that names no format, listing the extensions' {
        $path = Join-Path $TestDrive 'audit.txt'

        $caught = $null
        try {
            Get-GcOAuthClient | Test-GcOAuthClientScope | Export-GcOAuthAuditReport -Path $path -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught.FullyQualifiedErrorId | Should -Be 'ReportFormatUnknown,OAuthAudit.Commands.ExportGcOAuthAuditReportCommand'
        "$caught" | Should -BeLike "*$([OAuthAudit.Engine.Reports.ReportWriters]::Extensions())*"
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'ends with AuditFailed after writing the reports when -FailOn is reached' {
        $folder = Join-Path $TestDrive 'failon'
        $runs = New-Object System.Collections.Generic.List[object]
        $caught = $null

        try {
            Invoke-GcOAuthAudit -Baseline $SampleBaseline -OutputPath $folder -Format Json, Markdown -FailOn High -WarningAction SilentlyContinue -ErrorAction Stop | ForEach-Object { $runs.Add($_) }
        }
        catch {
            $caught = $_
        }

        $caught.FullyQualifiedErrorId | Should -Be 'AuditFailed,OAuthAudit.Commands.InvokeGcOAuthAuditCommand'
        $runs.Count | Should -Be 1
        Test-Path -LiteralPath (Join-Path $folder "$OrganizationFile.json") | Should -BeTrue
    }

    It 'stops a script that sets $ErrorActionPreference to Stop, as CI and runbook scripts do' {
        $folder = Join-Path $TestDrive 'ci'
        $state = @{ Reached = $false }
        $caught = $null

        try {
            & {
                $ErrorActionPreference = 'Stop'
                Invoke-GcOAuthAudit -OutputPath $folder -Format Json -FailOn Critical | Out-Null
                $state.Reached = $true
            }
        }
        catch {
            $caught = $_
        }

        $state.Reached | Should -BeFalse
        $caught.FullyQualifiedErrorId | Should -Be 'AuditFailed,OAuthAudit.Commands.InvokeGcOAuthAuditCommand'
        Test-Path -LiteralPath (Join-Path $folder "$OrganizationFile.json") | Should -BeTrue
    }
}
