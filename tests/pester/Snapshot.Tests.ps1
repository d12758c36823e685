# Offline: Connect-GcOrganization -SnapshotPath and the data cmdlets reading samples/demo-org.json. No emulator.

Describe 'Working offline from a snapshot' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:SnapshotPath = Get-DemoSnapshotPath
    }

    AfterAll {
        Disconnect-GcOrganization
    }

    Context 'connecting' {
        AfterEach {
            Disconnect-GcOrganization
        }

        It 'connects to the demo snapshot and says so in the context' {
            $context = Connect-GcOrganization -SnapshotPath $script:SnapshotPath

            $context.OrganizationName | Should -Be 'Northwind Contact Center'
            "$($context.Source)" | Should -Be 'Snapshot'
            $context.GrantType | Should -Be 'snapshot'
            $context.Region | Should -Be 'eu-west-1'
            $context.CapturedAt | Should -Be ([DateTime]::new(2026, 11, 20, 6, 0, 0, [DateTimeKind]::Utc))
            $context.TokenExpiresAt | Should -BeNullOrEmpty
            $context.SnapshotPath | Should -Not -BeNullOrEmpty
            (Get-GcContext).OrganizationId | Should -Be $context.OrganizationId
        }

        It 'resolves a relative path against the current location, and takes -Path' {
            Push-Location -Path (Get-RepositoryRoot)
            try {
                $context = Connect-GcOrganization -Path './samples/demo-org.json'
            }
            finally {
                Pop-Location
            }

            $context.OrganizationName | Should -Be 'Northwind Contact Center'
            @(Get-GcOAuthClient) | Should -HaveCount 40
        }

        It 'refuses a path where there is no file with SnapshotNotFound' {
            $missing = Join-Path $TestDrive 'no-such-snapshot.json'

            $record = Get-TerminatingError { Connect-GcOrganization -SnapshotPath $missing }

            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -BeLike 'SnapshotNotFound,*'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            Get-GcContext | Should -BeNullOrEmpty
            { Connect-GcOrganization -SnapshotPath $missing } | Should -Throw -ErrorId 'SnapshotNotFound,*'
        }

        It 'refuses a folder with SnapshotNotFound' {
            (Get-TerminatingError { Connect-GcOrganization -SnapshotPath $TestDrive }).FullyQualifiedErrorId | Should -BeLike 'SnapshotNotFound,*'
        }

        It 'refuses a file that is not a snapshot with SnapshotInvalid' {
            $broken = Join-Path $TestDrive 'broken.json'
            Set-Content -Path $broken -Value '{ "schemaVersion": 1, "organization": '

            (Get-TerminatingError { Connect-GcOrganization -SnapshotPath $broken }).FullyQualifiedErrorId | Should -BeLike 'SnapshotInvalid,*'
            Get-GcContext | Should -BeNullOrEmpty
        }
    }

    Context 'listing offline' {
        BeforeAll {
            Connect-GcOrganization -SnapshotPath $script:SnapshotPath | Out-Null
            $script:Seed = Get-DemoSnapshot
        }

        AfterAll {
            Disconnect-GcOrganization
        }

        It 'lists the 40 clients of the demo organization' {
            $clients = @(Get-GcOAuthClient)

            $clients | Should -HaveCount 40
            foreach ($seed in $script:Seed.clients) {
                $client = @($clients | Where-Object Id -eq $seed.id)
                $client | Should -HaveCount 1
                $client[0].Name | Should -BeExactly $seed.name
                (@($client[0].Scopes | ForEach-Object Name) -join '; ') | Should -BeExactly ($seed.scope -join '; ')
            }
        }

        It "flags 'web-chat', which the registry no longer lists, on 'Legacy Web Chat v2 Widget'" {
            $legacy = Get-GcOAuthClient -Name 'Legacy Web Chat v2 Widget'

            @($legacy) | Should -HaveCount 1
            @($legacy.UnknownScopes) | Should -HaveCount 1
            $legacy.UnknownScopes | Should -Contain 'web-chat'
            $legacy.UnknownScopes.ToString() | Should -Be 'web-chat'
            @(Get-GcOAuthClient | Where-Object { $_.UnknownScopes.Count -gt 0 }) | Should -HaveCount 1
            @(Get-GcOAuthClient | Where-Object { $_.UnknownScopes -contains 'web-chat' } | ForEach-Object Name) | Should -Be 'Legacy Web Chat v2 Widget'
        }

        It 'composes with Where-Object on scopes' {
            (@(Get-GcOAuthClient | Where-Object Scopes -contains 'oauth' | ForEach-Object Name) -join '|') | Should -Be 'Ops Wallboard Dashboard'
            @(Get-GcOAuthClient | Where-Object Scopes -contains 'USERS:READONLY') | Should -HaveCount 15
            (Get-GcOAuthClient -Name 'Ops Wallboard Dashboard').Scopes[3].Name | Should -Be 'oauth'
        }

        It 'reads the scope registry from the snapshot' {
            @(Get-GcOAuthScope) | Should -HaveCount @($script:Seed.scopes).Count
            (@(Get-GcOAuthScope -Name 'analytics*' | ForEach-Object Name) -join ',') | Should -Be 'analytics,analytics:readonly'
            { Get-GcOAuthScope -Name 'web-chat' -ErrorAction Stop } | Should -Throw -ErrorId 'ScopeNotFound,*'
        }

        It 'finds a client by id' {
            $seed = $script:Seed.clients[5]

            (Get-GcOAuthClient -Id $seed.id).Name | Should -BeExactly $seed.name
            { Get-GcOAuthClient -Id 'no-such-client' -ErrorAction Stop } | Should -Throw -ErrorId 'ClientNotFound,*'
        }
    }
}
