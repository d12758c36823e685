# Get-GcOAuthScope against the emulator (a separate process) serving samples/demo-org.json.

Describe 'Get-GcOAuthScope' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Emulator = Start-Emulator
        $script:Seed = Get-DemoSnapshot
        $connection = Get-EmulatorConnection -Emulator $script:Emulator
        Connect-GcOrganization @connection | Out-Null

        function ConvertTo-OrdinalSorted([string[]] $Names) {
            $sorted = [string[]] @($Names)
            [Array]::Sort($sorted, [StringComparer]::Ordinal)
            , $sorted
        }
    }

    AfterAll {
        Disconnect-GcOrganization
        Stop-Emulator $script:Emulator
    }

    It 'lists the whole registry with descriptions' {
        $scopes = @(Get-GcOAuthScope)

        $scopes | Should -HaveCount @($script:Seed.scopes).Count
        (ConvertTo-OrdinalSorted ($scopes | ForEach-Object Name)) -join ',' | Should -Be ((ConvertTo-OrdinalSorted ($script:Seed.scopes | ForEach-Object id)) -join ',')
        foreach ($scope in $scopes) {
            $scope.GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.OAuthScope'
            $scope.IsKnown | Should -BeTrue
            $scope.Description | Should -BeExactly (@($script:Seed.scopes | Where-Object id -eq $scope.Name)[0].description)
        }
    }

    It 'matches -Name wildcards case-insensitively' {
        (@(Get-GcOAuthScope -Name 'analytics*' | ForEach-Object Name) -join ',') | Should -Be 'analytics,analytics:readonly'
        (@(Get-GcOAuthScope -Name 'ANALYTICS*' | ForEach-Object Name) -join ',') | Should -Be 'analytics,analytics:readonly'
        $readOnly = ConvertTo-OrdinalSorted (Get-GcOAuthScope -Name '*:readonly' | ForEach-Object Name)
        $readOnly.Count | Should -BeGreaterThan 10
        ($readOnly -join ',') | Should -Be ((ConvertTo-OrdinalSorted ($script:Seed.scopes | ForEach-Object id | Where-Object { $_ -like '*:readonly' })) -join ',')
        (@(Get-GcOAuthScope -Name 'oauth:readonly').Name) | Should -Be 'oauth:readonly'
    }

    It 'reports a literal name that is not in the registry as ScopeNotFound and goes on' {
        $scopes = @(Get-GcOAuthScope -Name 'analytics*', 'no-such-scope', 'oauth' -ErrorVariable failures -ErrorAction SilentlyContinue)

        (@($scopes | ForEach-Object Name) -join ',') | Should -Be 'analytics,analytics:readonly,oauth'
        @($failures) | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ScopeNotFound,OAuthAudit.Commands.GetGcOAuthScopeCommand'
        $failures[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $failures[0].TargetObject | Should -Be 'no-such-scope'
        { Get-GcOAuthScope -Name 'web-chat' -ErrorAction Stop } | Should -Throw -ErrorId 'ScopeNotFound,*'
    }

    It 'does not report a wildcard that matches nothing' {
        $scopes = @(Get-GcOAuthScope -Name 'nothing-matches*' -ErrorVariable failures)

        $scopes | Should -HaveCount 0
        @($failures) | Should -HaveCount 0
    }

    It 'takes names from the pipeline, by value and by property name' {
        $byValue = @('oauth', 'users:readonly' | Get-GcOAuthScope)
        $byProperty = @((Get-GcOAuthClient -Name 'Ops Wallboard Dashboard').Scopes | Get-GcOAuthScope)

        (@($byValue | ForEach-Object Name) -join ',') | Should -Be 'oauth,users:readonly'
        (@($byProperty | ForEach-Object Name) -join '; ') | Should -Be 'analytics; routing; users; oauth; authorization; presence:readonly; notifications; user-basic-info'
    }

    It 'prints as a table through the format view' {
        $text = Get-GcOAuthScope -Name 'oauth:readonly' | Out-PlainString

        $text | Should -Match 'Name\s+IsKnown\s+Description'
        $text | Should -Match 'oauth:readonly\s+True\s+\S+'
        $text | Should -Not -Match 'OAuthAudit\.Engine'
    }
}
