# Merge-GcOAuthAuditRun in real pwsh: run documents of two organizations (the demo snapshot and a copy with another
# id) merged from a wildcard and from Get-ChildItem, reported, merged again, and refused when a file is not a run.

Describe 'Merge-GcOAuthAuditRun' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Demo = Get-DemoSnapshotPath
        $second = Get-Content -LiteralPath $Demo -Raw | ConvertFrom-Json
        $second.organization.id = '00000000-0000-4000-8000-0000000000aa'
        $second.organization.name = 'Second Org'
        $script:SecondSnapshot = Join-Path $TestDrive 'second.json'
        $second | ConvertTo-Json -Depth 30 | Set-Content -LiteralPath $SecondSnapshot -Encoding utf8
        $script:Runs = Join-Path $TestDrive 'runs'
        $a = Connect-GcOrganization -SnapshotPath $Demo
        $b = Connect-GcOrganization -SnapshotPath $SecondSnapshot
        Invoke-GcOAuthAudit -Context $a, $b -OutputPath $Runs -Format Json | Out-Null
    }

    It 'merges the run documents a wildcard names into one set and shows its summary first' {
        $set = Merge-GcOAuthAuditRun -Path (Join-Path $Runs '*.json')

        $set.GetType().FullName | Should -Be 'OAuthAudit.Engine.Runs.AuditRunSet'
        $set.Organizations | Should -Be 2
        $set.Summary.Clients | Should -Be 80
        $lines = @(($set | Out-String -Width 250) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Organizations : 2$'
        $lines[1] | Should -Match '^Summary\s+: 80 clients: '
    }

    It 'takes the files of Get-ChildItem, writes every format and merges its own JSON again to the same bytes' {
        $out = Join-Path $TestDrive 'merged'
        Get-ChildItem -LiteralPath $Runs -Filter *.json | Merge-GcOAuthAuditRun | Export-GcOAuthAuditReport -Path (Join-Path $out 'all') -Format Html, Json, Csv, JUnit, Sarif, Markdown

        (Get-Content -LiteralPath (Join-Path $out 'all.json') -Raw | ConvertFrom-Json).summary.organizations | Should -Be 2
        ([xml](Get-Content -LiteralPath (Join-Path $out 'all.xml') -Raw)).testsuites.testsuite.Count | Should -Be 2
        Merge-GcOAuthAuditRun -LiteralPath (Join-Path $out 'all.json') | Export-GcOAuthAuditReport -Path (Join-Path $out 'again.json')
        (Get-FileHash -LiteralPath (Join-Path $out 'again.json')).Hash | Should -Be (Get-FileHash -LiteralPath (Join-Path $out 'all.json')).Hash
    }

    It 'refuses a snapshot with AuditRunInvalid and merges nothing' {
        { Merge-GcOAuthAuditRun -Path $Demo -ErrorAction Stop } | Should -Throw -ErrorId 'AuditRunInvalid,OAuthAudit.Commands.MergeGcOAuthAuditRunCommand'
    }
}
