# Get-GcOAuthClientHistory against the emulator (a separate process) serving samples/demo-org.json and its seeded audit trail.

Describe 'Get-GcOAuthClientHistory' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Emulator = Start-Emulator
        $connection = Get-EmulatorConnection -Emulator $script:Emulator
        Connect-GcOrganization @connection | Out-Null
        # The secret values the emulator's seeded audit messages carry (tests/OAuthAudit.Emulator/AuditTrailSeed.cs).
        $script:SeededSecrets = 'EmuOldSecret-4hG7kQ2pXw9ZrT1b', 'EmuNewSecret-Vn3Lc8Yd5Jm0Qa6s', 'EmuOktaSecret-Pz4Rk7Wt2Hs9Ue1x', 'EmuDashSecret-Gq8Tn1Bv6Kc3Mf0y'
    }

    AfterAll {
        Disconnect-GcOrganization
        Stop-Emulator $script:Emulator
    }

    It 'writes the changes of a piped client, oldest first, with who made them' {
        $events = @(Get-GcOAuthClient -Name 'Salesforce Data Sync' | Get-GcOAuthClientHistory -Days 365)

        ($events | ForEach-Object Kind) -join '|' | Should -BeExactly 'secret regenerated|roles changed|renamed'
        $events[0].GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.OAuthClientChangeEvent'
        $events[0].ChangedBy | Should -BeExactly 'Dana Okafor (1e9c3a55-0d54-4c1f-9e0b-5d1a0e6f7a01)'
        $events[1].ChangedByType | Should -BeExactly 'OAuthClient'
        "$($events[1].Widened)" | Should -BeExactly 'roleDivisions +0643f010-ff9e-5b07-9a2e-0a340e58e36e/*'
        "$($events[2].Properties)" | Should -BeExactly 'name: Salesforce Sync -> Salesforce Data Sync'
        "$($events[2].RemoteIp)" | Should -BeExactly '203.0.113.24'
        $events[0].When | Should -BeLessThan $events[1].When
    }

    It 'reads every client for 30 days by default' {
        $events = @(Get-GcOAuthClientHistory)

        ($events | ForEach-Object ClientName) -join '|' | Should -BeExactly 'Salesforce Data Sync|Old Call Recorder Bridge|Salesforce Data Sync|Internal Dashboard (dev)'
    }

    It 'never shows a secret value, in the default view, a list or a CSV' {
        $events = @(Get-GcOAuthClientHistory -Days 365)
        $text = ($events | Format-Table | Out-String) + ($events | Format-List | Out-String) + ($events | ConvertTo-Csv -NoTypeInformation | Out-String)

        $text | Should -Match ([regex]::Escape('secret: (changed)'))
        foreach ($secret in $script:SeededSecrets) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }

    It 'refuses a snapshot context with HistoryNeedsLiveConnection' {
        $snapshot = Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath)
        try {
            { Get-GcOAuthClientHistory -Context $snapshot -ErrorAction Stop } | Should -Throw -ErrorId 'HistoryNeedsLiveConnection,OAuthAudit.Commands.GetGcOAuthClientHistoryCommand'
        }
        finally {
            Disconnect-GcOrganization -Context $snapshot
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            Connect-GcOrganization @connection | Out-Null
        }
    }
}

Describe 'Get-GcOAuthClientHistory when the audit query never finishes' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Emulator = Start-Emulator -AuditOutcome NeverFinishes
        $connection = Get-EmulatorConnection -Emulator $script:Emulator
        Connect-GcOrganization @connection | Out-Null
    }

    AfterAll {
        Disconnect-GcOrganization
        Stop-Emulator $script:Emulator
    }

    It 'stops with HistoryQueryTimedOut naming the transaction within -TimeoutSec' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $failure = $null
        try {
            Get-GcOAuthClientHistory -Days 7 -TimeoutSec 2 -ErrorAction Stop
        }
        catch {
            $failure = $_
        }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'HistoryQueryTimedOut,*'
        "$failure" | Should -Match 'transaction [0-9a-f-]{36} was still Running'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
    }
}
