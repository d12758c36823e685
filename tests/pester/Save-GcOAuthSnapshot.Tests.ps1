# Save-GcOAuthSnapshot from the demo snapshot, in real pwsh (and Windows PowerShell 5.1). No emulator.

Describe 'Save-GcOAuthSnapshot' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath) | Out-Null
    }

    AfterAll {
        Disconnect-GcOrganization
    }

    It 'saves the demo organization, and the saved file loaded and saved again is byte-identical' {
        $first = Join-Path $TestDrive 'saved/demo.json'
        $second = Join-Path $TestDrive 'saved/again.json'

        $file = Save-GcOAuthSnapshot -Path $first -PassThru
        $context = Connect-GcOrganization -SnapshotPath $first
        Save-GcOAuthSnapshot -Path $second -Context $context
        $clients = @(Get-GcOAuthClient -Context $context)
        Disconnect-GcOrganization -Context $context
        Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath) | Out-Null

        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be ([System.IO.Path]::GetFullPath($first))
        (Get-FileHash -Path $first).Hash | Should -Be (Get-FileHash -Path $second).Hash
        $clients | Should -HaveCount 40
        $document = Get-Content -Path $first -Raw | ConvertFrom-Json
        $document.schemaVersion | Should -Be 2
        $document.kind | Should -Be 'OAuthAudit.Snapshot'
        $document.organization.id | Should -Be $context.OrganizationId
        $document.tool.name | Should -Be 'OAuthAudit'
        $bytes = [System.IO.File]::ReadAllBytes($first)
        $bytes[0] | Should -Be ([byte][char]'{')
        $bytes[-1] | Should -Be 10
        @(Get-ChildItem -Path (Split-Path $first) -Force).Name | Should -Be @('again.json', 'demo.json')
    }

    It 'writes nothing with -WhatIf and refuses to overwrite without -Force' {
        $target = Join-Path $TestDrive 'existing.json'
        Set-Content -Path $target -Value 'keep me'

        Save-GcOAuthSnapshot -Path (Join-Path $TestDrive 'whatif/org.json') -WhatIf
        $record = Get-TerminatingError { Save-GcOAuthSnapshot -Path $target }

        Test-Path -Path (Join-Path $TestDrive 'whatif') | Should -BeFalse
        $record.FullyQualifiedErrorId | Should -BeLike 'SnapshotExists,*'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ResourceExists)
        (Get-Content -Path $target -Raw).Trim() | Should -Be 'keep me'

        Save-GcOAuthSnapshot -Path $target -Force
        (Get-Content -Path $target -Raw | ConvertFrom-Json).kind | Should -Be 'OAuthAudit.Snapshot'
    }

    It 'takes the context from the pipeline' {
        $target = Join-Path $TestDrive 'piped.json'

        Get-GcContext | Save-GcOAuthSnapshot -Path $target

        Test-Path -Path $target | Should -BeTrue
    }

    It 'says a baseline is a baseline when it is loaded as a snapshot' {
        $record = Get-TerminatingError { Connect-GcOrganization -SnapshotPath (Join-Path (Get-RepositoryRoot) 'samples/baseline.yml') }

        $record.FullyQualifiedErrorId | Should -BeLike 'SnapshotInvalid,*'
        "$record" | Should -BeLike "*this is a baseline*not a snapshot*"
    }
}
