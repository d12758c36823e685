# Invoke-GcOAuthAudit over several organizations at once (-ThrottleLimit) in real pwsh, offline: the demo snapshot and
# a copy of it renamed to another organization, runs in the order of -Context, reports per organization, verbose lines
# naming their organization, and a bad -ThrottleLimit refused before any audit.

Describe 'Invoke-GcOAuthAudit -Context $a, $b -ThrottleLimit' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $demoPath = Get-DemoSnapshotPath
        $demo = Get-DemoSnapshot
        $otherPath = Join-Path $TestDrive 'other-org.json'
        $text = [System.IO.File]::ReadAllText($demoPath)
        $text = $text.Replace($demo.organization.id, '7b1d7c5e-0b55-4a4e-9d4c-2f7e0c9a51aa').Replace('"name": "Northwind Contact Center"', '"name": "Fabrikam Support"')
        [System.IO.File]::WriteAllText($otherPath, $text)
        $script:Northwind = Connect-GcOrganization -SnapshotPath $demoPath
        $script:Fabrikam = Connect-GcOrganization -SnapshotPath $otherPath
    }

    It 'returns one run per organization in the order of -Context and writes each one''s reports' {
        $folder = Join-Path $TestDrive 'many'

        $runs = @(Invoke-GcOAuthAudit -Context $Fabrikam, $Northwind -ThrottleLimit 2 -OutputPath $folder -Format Json -WarningAction SilentlyContinue)

        $runs.Count | Should -Be 2
        $runs[0].Organization.Name | Should -Be 'Fabrikam Support'
        $runs[1].Organization.Name | Should -Be 'Northwind Contact Center'
        $runs | ForEach-Object { $_.Summary.Clients | Should -Be 40; $_.Errors.Count | Should -Be 0 }
        @(Get-ChildItem -LiteralPath $folder | ForEach-Object Name | Sort-Object) | Should -Be @('oauth-audit-fabrikam-support.json', 'oauth-audit-northwind-contact-center.json')
        (Get-Content -LiteralPath (Join-Path $folder 'oauth-audit-fabrikam-support.json') -Raw | ConvertFrom-Json).organization.name | Should -Be 'Fabrikam Support'
    }

    It 'starts each verbose line about an organization with its name' {
        $verbose = @(Invoke-GcOAuthAudit -Context $Northwind, $Fabrikam -ThrottleLimit 2 -Verbose -WarningAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $verbose | Where-Object { $_ -like 'Northwind Contact Center: Audited 40 clients of Northwind Contact Center*' } | Should -HaveCount 1
        $verbose | Where-Object { $_ -like 'Fabrikam Support: Audited 40 clients of Fabrikam Support*' } | Should -HaveCount 1
    }

    It 'judges each organization as it does alone' {
        $alone = Invoke-GcOAuthAudit -Context $Northwind -WarningAction SilentlyContinue
        $together = @(Invoke-GcOAuthAudit -Context $Fabrikam, $Northwind, $Fabrikam -ThrottleLimit 3 -WarningAction SilentlyContinue)

        $together.Count | Should -Be 3
        $together[1].Summary.ToString() | Should -Be $alone.Summary.ToString()
        @($together[1].Results | ForEach-Object { "$($_.ClientId)|$($_.Outcome)|$($_.FailedRules -join ',')" }) |
            Should -Be @($alone.Results | ForEach-Object { "$($_.ClientId)|$($_.Outcome)|$($_.FailedRules -join ',')" })
    }

    It 'refuses a -ThrottleLimit of <Value> before auditing anything' -ForEach @(@{ Value = 0 }, @{ Value = 65 }) {
        $caught = $null
        try {
            Invoke-GcOAuthAudit -Context $Northwind -ThrottleLimit $Value -ErrorAction Stop | Out-Null
        }
        catch {
            $caught = $_
        }

        $caught.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,OAuthAudit.Commands.InvokeGcOAuthAuditCommand'
    }
}
