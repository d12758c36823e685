# Get-GcOAuthClientUsage and Get-GcOAuthClient -IncludeUsage against the emulator (a separate process) serving
# samples/demo-org.json, whose clients' usage the emulator derives from their ids (UsageSeed.Derived: a tenth
# never used, a tenth idle for four months, a tenth throttled, the rest used within the last three days).

Describe 'Get-GcOAuthClientUsage' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Emulator = Start-Emulator
        $script:Seed = Get-DemoSnapshot
        $connection = Get-EmulatorConnection -Emulator $script:Emulator
        $script:Live = Connect-GcOrganization @connection
        $script:Usage = @(Get-GcOAuthClientUsage)
    }

    AfterAll {
        Disconnect-GcOrganization -Context $script:Live
        Stop-Emulator $script:Emulator
    }

    It 'writes one OAuthClientUsage per client of the organization' {
        $script:Usage | Should -HaveCount @($script:Seed.clients).Count
        foreach ($usage in $script:Usage) {
            $usage.GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.OAuthClientUsage'
            $usage.Window.Days | Should -Be 90
        }

        $ids = [string[]] @($script:Usage | ForEach-Object ClientId)
        $seeded = [string[]] @($script:Seed.clients | ForEach-Object id)
        [Array]::Sort($ids); [Array]::Sort($seeded)
        ($ids -join ',') | Should -Be ($seeded -join ',')
    }

    It 'gives a client without requests no last use, and a used client its last day' {
        $unused = @($script:Usage | Where-Object Requests -eq 0)
        $used = @($script:Usage | Where-Object Requests -gt 0)

        $unused.Count | Should -BeGreaterThan 0
        $used.Count | Should -BeGreaterThan 0
        foreach ($usage in $unused) {
            $usage.LastUsed | Should -BeNullOrEmpty
            $usage.DaysSinceLastUse | Should -BeNullOrEmpty
        }

        foreach ($usage in $used) {
            $usage.DaysSinceLastUse | Should -BeLessOrEqual 3
            $usage.LastUsed.ToString() | Should -Be ($usage.Window.End.AddDays(-$usage.DaysSinceLastUse).ToString())
            ($usage.Status200 + $usage.Status429) | Should -Be $usage.Requests
        }
    }

    It 'attaches the same usage to each client with Get-GcOAuthClient -IncludeUsage' {
        $byId = @{}
        foreach ($usage in $script:Usage) { $byId[$usage.ClientId] = $usage.Requests }

        $clients = @(Get-GcOAuthClient -IncludeUsage)

        $clients | Should -HaveCount $script:Usage.Count
        foreach ($client in $clients) {
            $client.Usage.Requests | Should -Be $byId[$client.Id]
        }

        @(Get-GcOAuthClient | Where-Object { $null -ne $_.Usage }) | Should -HaveCount 0
    }

    It 'shows a table with the days since last use' {
        $table = $script:Usage | Format-Table | Out-String -Width 80

        $table | Should -Match 'ClientName\s+Requests\s+LastUsed\s+DaysSinceLastUse\s+Status429'
    }

    It 'refuses a window outside 1 to 365 days' {
        { Get-GcOAuthClientUsage -Days 366 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Get-GcOAuthClientUsage -Days 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'says a snapshot holds no usage' {
        $snapshot = Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath)
        try {
            { Get-GcOAuthClientUsage -Context $snapshot } | Should -Throw -ErrorId 'UsageNeedsLiveConnection,OAuthAudit.Commands.GetGcOAuthClientUsageCommand'
            { Get-GcOAuthClient -IncludeUsage -Context $snapshot } | Should -Throw -ErrorId 'UsageNeedsLiveConnection,OAuthAudit.Commands.GetGcOAuthClientCommand'
        }
        finally {
            Disconnect-GcOrganization -Context $snapshot
        }
    }
}
