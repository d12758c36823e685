# Get-GcOAuthClient against the emulator (a separate process) serving samples/demo-org.json.

Describe 'Get-GcOAuthClient' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Emulator = Start-Emulator
        $script:Seed = Get-DemoSnapshot
        $script:Connection = Get-EmulatorConnection -Emulator $script:Emulator
        $connection = $script:Connection
        Connect-GcOrganization @connection | Out-Null
    }

    AfterAll {
        Disconnect-GcOrganization
        Stop-Emulator $script:Emulator
    }

    Context 'listing' {
        It 'lists every client of the organization as OAuthClient objects' {
            $clients = @(Get-GcOAuthClient)

            $clients | Should -HaveCount 40
            $clients | Should -HaveCount @($script:Seed.clients).Count
            foreach ($client in $clients) {
                $client.GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.OAuthClient'
                $client.OrganizationName | Should -Be 'Northwind Contact Center'
            }

            (@($clients | ForEach-Object Id | Sort-Object) -join ',') | Should -Be (@($script:Seed.clients | ForEach-Object id | Sort-Object) -join ',')
        }

        It 'carries each client as the API describes it, scopes in the API order' {
            $clients = @(Get-GcOAuthClient)

            foreach ($seed in $script:Seed.clients) {
                $client = @($clients | Where-Object Id -eq $seed.id)
                $client | Should -HaveCount 1 -Because "client $($seed.id) is in the organization"
                $client[0].Name | Should -BeExactly $seed.name
                $client[0].AuthorizedGrantType | Should -BeExactly $seed.authorizedGrantType
                $client[0].State | Should -BeExactly $seed.state
                (@($client[0].Scopes | ForEach-Object Name) -join '; ') | Should -BeExactly ($seed.scope -join '; ') -Because "the scopes of $($seed.name)"
            }
        }

        It 'resolves every scope against the registry: descriptions for known scopes, unknown ones flagged' {
            $registry = @{}
            foreach ($scope in $script:Seed.scopes) {
                $registry[$scope.id] = $scope.description
            }

            $clients = @(Get-GcOAuthClient)

            $resolved = 0
            foreach ($client in $clients) {
                foreach ($scope in $client.Scopes) {
                    $scope.GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.OAuthScope'
                    if ($registry.ContainsKey($scope.Name)) {
                        $scope.IsKnown | Should -BeTrue
                        $scope.Description | Should -BeExactly $registry[$scope.Name]
                        $resolved++
                    }
                    else {
                        $scope.IsKnown | Should -BeFalse -Because "$($scope.Name) is not in the registry"
                        $client.UnknownScopes | Should -Contain $scope.Name
                    }
                }
            }

            $resolved | Should -Be 97
            $withUnknown = @($clients | Where-Object { $_.UnknownScopes.Count -gt 0 })
            $withUnknown | Should -HaveCount 1
            $withUnknown[0].Name | Should -Be 'Legacy Web Chat v2 Widget'
            $withUnknown[0].UnknownScopes.ToString() | Should -Be 'web-chat'
        }

        It 'requests the scope registry once per connection however many commands run (seen in -Verbose)' {
            # The emulator's request log lives in its own process; the module's verbose lines name every request.
            $connection = $script:Connection
            $records = & {
                Connect-GcOrganization @connection -Verbose | Out-Null
                Get-GcOAuthClient -Verbose | Out-Null
                Get-GcOAuthClient -Name '*' -Verbose | Out-Null
                Get-GcOAuthScope -Verbose | Out-Null
                (Get-GcOAuthClient -Verbose)[0..2] | ForEach-Object Id | Get-GcOAuthClient -Verbose | Out-Null
            } 4>&1
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

            @($verbose | Where-Object { $_ -match '/api/v2/oauth/scopes' }) | Should -HaveCount 1
            @($verbose | Where-Object { $_ -match '/api/v2/oauth/clients(\s|\?|$)' }) | Should -HaveCount 3
            @($verbose | Where-Object { $_ -match '/api/v2/oauth/clients/' }) | Should -HaveCount 3
        }

        It 'follows a paged listing to the end without duplicates' {
            $paged = Start-Emulator -ClientsPageSize 7
            try {
                $pagedConnection = Get-EmulatorConnection -Emulator $paged
                $records = & {
                    Connect-GcOrganization @pagedConnection -Verbose | Out-Null
                    Get-GcOAuthClient -Verbose
                } 4>&1
            }
            finally {
                $connection = $script:Connection
                Connect-GcOrganization @connection | Out-Null
                Stop-Emulator $paged
            }

            $clients = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $clients | Should -HaveCount 40
            @($clients | ForEach-Object Id | Sort-Object -Unique) | Should -HaveCount 40
            @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '/api/v2/oauth/clients' }) | Should -HaveCount 6
        }
    }

    Context 'filters' {
        It 'filters by -Name (wildcards, case-insensitive), -GrantType and -State together' {
            $names = @(Get-GcOAuthClient -Name '*dash*', '*WALLBOARD*' -GrantType CODE, token -State active | ForEach-Object Name)

            ($names -join '|') | Should -Be 'Floor Wallboard Kiosk|Internal Dashboard (dev)|Ops Wallboard Dashboard'
        }

        It 'filters by -GrantType' {
            $names = @(Get-GcOAuthClient -Name '*wallboard*' -GrantType CLIENT-CREDENTIALS | ForEach-Object Name)

            ($names -join '|') | Should -Be 'Wallboard Realtime Feed'
            foreach ($client in @(Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS)) {
                $client.AuthorizedGrantType | Should -Be 'CLIENT-CREDENTIALS'
            }
        }

        It 'filters by -GrantType <GrantType>, the API''s SAML2-BEARER or its alias' -ForEach @(
            @{ GrantType = 'SAML2-BEARER' }
            @{ GrantType = 'SAML2BEARER' }
            @{ GrantType = 'saml2bearer' }
        ) {
            $clients = @(Get-GcOAuthClient -GrantType $GrantType)

            (@($clients | ForEach-Object Name) -join '|') | Should -Be 'Citrix Agent Launcher|Intranet SSO Token Exchange|ServiceNow SAML Bearer Bridge'
            foreach ($client in $clients) {
                $client.AuthorizedGrantType | Should -BeExactly 'SAML2-BEARER'
            }
        }

        It 'filters by -State' {
            $names = @(Get-GcOAuthClient -State disabled | ForEach-Object Name)

            ($names -join '|') | Should -Be 'Citrix Agent Launcher|Jenkins Flow Deployment (CI)|Load Test Harness|Workforce Self-Service Portal'
        }

        It 'refuses a grant type or state that does not exist' {
            { Get-GcOAuthClient -GrantType IMPLICIT } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            { Get-GcOAuthClient -State deleted } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }

        It 'reports a literal name that matches nothing as ClientNotFound, and not a wildcard' {
            $clients = @(Get-GcOAuthClient -Name 'No Such Client', '*nothing-matches*' -ErrorVariable failures -ErrorAction SilentlyContinue)

            $clients | Should -HaveCount 0
            @($failures) | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ClientNotFound,*'
            $failures[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $failures[0].ToString() | Should -BeLike "*no OAuth client named 'No Such Client'*"
        }
    }

    Context '-Id' {
        It 'takes ids by value from the pipeline' {
            $first = $script:Seed.clients[0].id
            $second = $script:Seed.clients[1].id

            $clients = @($first, $second | Get-GcOAuthClient)

            (@($clients | ForEach-Object Id) -join ',') | Should -Be "$first,$second"
            $clients[0].Name | Should -Be $script:Seed.clients[0].name
        }

        It 'takes ids by property name: Id, and ClientId' {
            $second = $script:Seed.clients[1].id

            $byClientId = @([pscustomobject]@{ ClientId = $second } | Get-GcOAuthClient)
            $byId = @(Get-GcOAuthClient -Name 'Ops Wallboard Dashboard' | Get-GcOAuthClient)

            $byClientId | Should -HaveCount 1
            $byClientId[0].Id | Should -Be $second
            $byId | Should -HaveCount 1
            $byId[0].Name | Should -Be 'Ops Wallboard Dashboard'
            $byId[0].Scopes.ToString() | Should -Be 'analytics; routing; users; oauth; authorization; presence:readonly; notifications; user-basic-info'
        }

        It 'reports an unknown id as a non-terminating ClientNotFound error and goes on' {
            $first = $script:Seed.clients[0].id
            $second = $script:Seed.clients[1].id

            $clients = @($first, 'no-such-client', $second | Get-GcOAuthClient -ErrorVariable failures -ErrorAction SilentlyContinue)

            (@($clients | ForEach-Object Id) -join ',') | Should -Be "$first,$second"
            @($failures) | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ClientNotFound,OAuthAudit.Commands.GetGcOAuthClientCommand'
            $failures[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $failures[0].TargetObject | Should -Be 'no-such-client'
        }

        It 'stops on an unknown id with -ErrorAction Stop' {
            { Get-GcOAuthClient -Id 'no-such-client' -ErrorAction Stop } | Should -Throw -ErrorId 'ClientNotFound,*'
        }
    }

    Context 'output' {
        It 'exports to CSV with lists as "a; b" cells and no type names' {
            $path = Join-Path $TestDrive 'clients.csv'

            Get-GcOAuthClient | Export-Csv -Path $path -NoTypeInformation

            $text = Get-Content -Path $path -Raw
            $text | Should -Not -Match 'System\.'
            $text | Should -Not -Match 'OAuthAudit\.'
            $text | Should -Match '"analytics; routing; users; oauth; authorization; presence:readonly; notifications; user-basic-info"'
            $rows = @(Import-Csv -Path $path)
            $rows | Should -HaveCount 40
            ($rows | Where-Object Name -eq 'Ops Wallboard Dashboard').Scopes | Should -BeExactly 'analytics; routing; users; oauth; authorization; presence:readonly; notifications; user-basic-info'
            ($rows | Where-Object Name -eq 'Legacy Web Chat v2 Widget').UnknownScopes | Should -BeExactly 'web-chat'
            ($rows | Where-Object Name -eq 'Power BI Reporting Export').RoleDivisions | Should -Not -BeNullOrEmpty
            $rows[0].PSObject.Properties.Name | Should -Not -Contain 'Secret'
        }

        It 'prints as a table through the format view, by default and with Format-Table' {
            $default = Get-GcOAuthClient | Out-PlainString
            $table = Get-GcOAuthClient | Format-Table | Out-PlainString

            foreach ($text in $default, $table) {
                $text | Should -Match '(?m)^Name\s+GrantType\s+State\s+Access\s*$'
                foreach ($header in 'Name', 'GrantType', 'State', 'Access') {
                    $text | Should -Match "\b$header\b"
                }

                $text | Should -Match '(?m)^Power BI Reporting Export\s+CLIENT-CREDENTIALS\s+active\s+admin \(all divisions\)'
                $text | Should -Match '(?m)^Ops Wallboard Dashboard\s+CODE\s+active\s+analytics; routing; users; oauth'
                $text | Should -Not -Match 'OAuthAudit\.Engine'
            }
        }

        It 'prints as a list through the format view' {
            $text = Get-GcOAuthClient -Name 'Legacy Web Chat v2 Widget' | Format-List | Out-PlainString

            $text | Should -Match 'Name\s+: Legacy Web Chat v2 Widget'
            $text | Should -Match 'UnknownScopes\s+: web-chat'
            $text | Should -Match 'OrganizationName\s+: Northwind Contact Center'
            $text | Should -Not -Match 'OAuthAudit\.Engine'
        }
    }
}
