# New-GcOAuthBaseline in real pwsh: a policy generated from the demo snapshot loads and the demo org passes it;
# the help examples run as written; hostile input never writes a file.

Describe 'New-GcOAuthBaseline' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:SnapshotPath = Get-DemoSnapshotPath
    }

    BeforeEach {
        $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) ('oauthaudit-pester-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $script:Folder | Out-Null
        Connect-GcOrganization -SnapshotPath $script:SnapshotPath | Out-Null
    }

    AfterEach {
        Disconnect-GcOrganization
        Remove-Item -LiteralPath $script:Folder -Recurse -Force
    }

    It 'writes a baseline the demo organization passes, grouped by <_>' -ForEach @('Name', 'GrantType', 'Client') {
        $path = Join-Path $script:Folder "$_.yml"

        $file = New-GcOAuthBaseline -Path $path -GroupBy $_ -PassThru -WarningAction SilentlyContinue -WarningVariable review

        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be $path
        @($review).Count | Should -BeGreaterThan 1
        (Get-GcOAuthBaseline -Path $path).Waivers.Count | Should -Be 0
        $results = Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $path
        @($results).Count | Should -Be 40
        @($results | Where-Object Outcome -ne 'Pass') | Should -BeNullOrEmpty
    }

    It 'runs every help example as written' {
        $examples = @((Get-Help New-GcOAuthBaseline -Examples).examples.example | ForEach-Object { ($_.code | Out-String).Trim() })
        $examples.Count | Should -BeGreaterOrEqual 3
        Push-Location -LiteralPath $script:Folder
        try {
            New-Item -ItemType Directory -Path samples | Out-Null
            Copy-Item -LiteralPath $script:SnapshotPath -Destination samples/demo-org.json
            foreach ($example in $examples) {
                $errors = $null
                $null = & ([scriptblock]::Create($example)) -ErrorVariable errors 3>$null 6>$null
                $errors | Should -BeNullOrEmpty -Because $example
            }

            Test-Path -LiteralPath (Join-Path $script:Folder 'out/northwind-baseline.yml') | Should -BeTrue
            Test-Path -LiteralPath (Join-Path $script:Folder 'out/per-client.yml') | Should -BeTrue
            Test-Path -LiteralPath (Join-Path $script:Folder 'out/by-grant-type.yml') | Should -BeFalse
        }
        finally {
            Pop-Location
        }
    }

    It 'refuses an existing file without -Force and leaves it as it was' {
        $path = Join-Path $script:Folder 'kept.yml'
        Set-Content -LiteralPath $path -Value 'kept'

        { New-GcOAuthBaseline -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'BaselineExists,OAuthAudit.Commands.NewGcOAuthBaselineCommand'

        Get-Content -LiteralPath $path | Should -Be 'kept'
    }
}
