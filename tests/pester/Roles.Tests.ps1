# Get-GcAuthorizationRole, Get-GcAuthorizationDivision and the resolved Roles and Permissions of client-credentials
# clients, offline from samples/demo-org.json and against the emulator (a separate process) serving the same file:
# both must give the same answers.

Describe 'Roles, divisions and the role grants of client-credentials clients' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Seed = Get-DemoSnapshot
        $script:Emulator = Start-Emulator
        $script:Connection = Get-EmulatorConnection -Emulator $script:Emulator

        function Connect-Demo([string] $Source) {
            if ($Source -eq 'emulator') {
                $connection = $script:Connection
                Connect-GcOrganization @connection
            }
            else {
                Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath)
            }
        }

        function ConvertTo-OrdinalSorted([string[]] $Names) {
            $sorted = [string[]] @($Names)
            [Array]::Sort($sorted, [StringComparer]::Ordinal)
            , $sorted
        }

        # What the API's permission policies spell out: one domain:entity:action per action, in the API's order.
        function Get-SeedPermission($Role) {
            foreach ($policy in @($Role.permissionPolicies)) {
                foreach ($action in @($policy.actionSet)) {
                    '{0}:{1}:{2}' -f $policy.domain, $policy.entityName, $action
                }
            }
        }

        function Get-VerboseMessage([object[]] $Records) {
            @($Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        }
    }

    AfterAll {
        Disconnect-GcOrganization
        Stop-Emulator $script:Emulator
    }

    Context 'read from the <Source>' -ForEach @(
        @{ Source = 'snapshot' }
        @{ Source = 'emulator' }
    ) {
        BeforeAll {
            Connect-Demo $Source | Out-Null
        }

        AfterAll {
            Disconnect-GcOrganization
        }

        It 'lists every role of the organization, in name order, as AuthorizationRole objects' {
            $expectedSource = 'Snapshot'
            if ($Source -eq 'emulator') {
                $expectedSource = 'Api'
            }

            "$((Get-GcContext).Source)" | Should -Be $expectedSource

            $roles = @(Get-GcAuthorizationRole)

            $roles | Should -HaveCount 30
            $roles | Should -HaveCount @($script:Seed.roles).Count
            (ConvertTo-OrdinalSorted ($roles | ForEach-Object Id)) -join ',' | Should -Be ((ConvertTo-OrdinalSorted ($script:Seed.roles | ForEach-Object id)) -join ',')
            @($roles | ForEach-Object Name)[0..4] -join '|' | Should -Be 'admin|Communicate - Admin|Communicate - User|Contact Center Manager|CX as Code Deployer'
            foreach ($role in $roles) {
                $role.GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.AuthorizationRole'
                $seed = @($script:Seed.roles | Where-Object id -eq $role.Id)[0]
                $role.Name | Should -BeExactly $seed.name
                $role.Description | Should -BeExactly $seed.description
                $role.IsDefault | Should -Be ([bool] $seed.default)
            }
        }

        It 'spells out each permission policy as one domain:entity:action per action, "*" kept as given' {
            foreach ($role in @(Get-GcAuthorizationRole)) {
                $seed = @($script:Seed.roles | Where-Object id -eq $role.Id)[0]
                $role.Permissions.ToString() | Should -BeExactly (@(Get-SeedPermission $seed) -join '; ') -Because "the permissions of '$($role.Name)'"
            }

            (Get-GcAuthorizationRole -Name 'admin').Permissions.ToString() | Should -BeExactly '*:*:*'
            (Get-GcAuthorizationRole -Name 'Security Auditor').Permissions.ToString() |
                Should -BeExactly 'oauth:client:view; authorization:role:view; authorization:division:view; authorization:grant:view; audits:audit:view'
            $masterAdmin = Get-GcAuthorizationRole -Name 'Master Admin'
            $masterAdmin.Permissions | Should -HaveCount 13
            $masterAdmin.Permissions | Should -Contain 'oauth:*:*'
            $masterAdmin.Permissions | Should -Not -Contain '*:*:*'
            (Get-GcAuthorizationRole -Name 'Telephony Admin').Permissions.ToString() | Should -BeExactly 'telephony:plugin:all'
        }

        It 'finds the roles that can edit OAuth clients with Where-Object' {
            $names = @(Get-GcAuthorizationRole | Where-Object { $_.Permissions -contains 'oauth:client:edit' -or $_.Permissions -contains '*:*:*' } | ForEach-Object Name)

            ($names -join '|') | Should -Be 'admin|CX as Code Deployer|Developer|Platform Automation'
        }

        It 'matches -Name wildcards case-insensitively and takes names from the pipeline' {
            (@(Get-GcAuthorizationRole -Name 'outbound*' | ForEach-Object Name) -join '|') | Should -Be 'Outbound Admin|Outbound Agent|Outbound Dialer Sync'
            (@(Get-GcAuthorizationRole -Name 'ADMIN' | ForEach-Object Name) -join '|') | Should -Be 'admin'
            (@(Get-GcAuthorizationRole -Name '*admin*' | ForEach-Object Name) -join '|') | Should -Be 'admin|Communicate - Admin|Master Admin|Outbound Admin|Quality Administrator|Reporting Admin|Telephony Admin|Web Messaging Admin'
            (@('Security Auditor', 'Developer' | Get-GcAuthorizationRole | ForEach-Object Id) -join ',') | Should -Be '9e24d34b-9743-550f-acd3-1e7887d0afe2,7e91558a-5db4-5cd2-b966-de04b097c865'
            (@([pscustomobject]@{ Name = 'Recording Export' } | Get-GcAuthorizationRole | ForEach-Object Id) -join ',') | Should -Be '2d27f5cc-afe8-53ff-9b4f-84894766401b'
        }

        It 'reports a literal role name that matches nothing as RoleNotFound, and not a wildcard' {
            $roles = @(Get-GcAuthorizationRole -Name 'No Such Role', 'Security*', 'nothing-matches*' -ErrorVariable failures -ErrorAction SilentlyContinue)

            (@($roles | ForEach-Object Name) -join '|') | Should -Be 'Security Auditor'
            @($failures) | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'RoleNotFound,OAuthAudit.Commands.GetGcAuthorizationRoleCommand'
            $failures[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $failures[0].TargetObject | Should -Be 'No Such Role'
            $failures[0].ToString() | Should -BeLike "*'No Such Role'*"
            $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            { Get-GcAuthorizationRole -Name 'No Such Role' -ErrorAction Stop } | Should -Throw -ErrorId 'RoleNotFound,*'
        }

        It 'lists the divisions with the home division flagged' {
            $divisions = @(Get-GcAuthorizationDivision)

            $divisions | Should -HaveCount 8
            (@($divisions | ForEach-Object Name) -join '|') | Should -Be 'Back Office|Collections|EMEA Outbound|Home|IT & Integrations|Sales|Support|Workforce'
            foreach ($division in $divisions) {
                $division.GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.AuthorizationDivision'
                $seed = @($script:Seed.divisions | Where-Object id -eq $division.Id)[0]
                $division.Name | Should -BeExactly $seed.name
                $division.Description | Should -BeExactly $seed.description
                $division.IsHomeDivision | Should -Be ([bool] $seed.homeDivision)
            }

            $homeDivision = @(Get-GcAuthorizationDivision | Where-Object IsHomeDivision)
            $homeDivision | Should -HaveCount 1
            $homeDivision[0].Name | Should -Be 'Home'
            $homeDivision[0].Id | Should -Be 'b6d76dff-3f71-5f77-af88-e787a7caf44c'
        }

        It 'finds divisions by name, and reports a literal miss as DivisionNotFound' {
            (@('Home', 'sales' | Get-GcAuthorizationDivision | ForEach-Object Id) -join ',') | Should -Be 'b6d76dff-3f71-5f77-af88-e787a7caf44c,98cdd765-1fce-5787-9cfc-56fda2816e90'
            (@(Get-GcAuthorizationDivision -Name '*Outbound*', 'S*' | ForEach-Object Name) -join '|') | Should -Be 'EMEA Outbound|Sales|Support'

            $divisions = @(Get-GcAuthorizationDivision -Name 'Nowhere', 'Home' -ErrorVariable failures -ErrorAction SilentlyContinue)

            (@($divisions | ForEach-Object Name) -join '|') | Should -Be 'Home'
            @($failures) | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'DivisionNotFound,OAuthAudit.Commands.GetGcAuthorizationDivisionCommand'
            $failures[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $failures[0].TargetObject | Should -Be 'Nowhere'
            { Get-GcAuthorizationDivision -Name 'Nowhere' -ErrorAction Stop } | Should -Throw -ErrorId 'DivisionNotFound,*'
        }

        It 'resolves the grants of every client-credentials client to role and division names' {
            $rows = @(Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | ForEach-Object { $_.Name + ' | ' + $_.Roles.ToString() + ' | ' + $_.Permissions.Count })

            ($rows -join "`n") | Should -BeExactly (@(
                    'Chatbot Escalation Service | unknown role 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02 (Support); Data Actions Runner (Support) | 2'
                    'Genesys Cloud Admin Tooling | Platform Automation (all divisions) | 14'
                    'Jenkins Flow Deployment (CI) | Developer (Home) | 12'
                    'Legacy IVR Middleware | admin (all divisions) | 1'
                    'Okta SCIM Provisioning | SCIM Provisioning (all divisions) | 11'
                    'Outbound Campaign Loader | Outbound Dialer Sync (EMEA Outbound) | 9'
                    'Power BI Reporting Export | admin (all divisions) | 1'
                    'QA Test Harness | employee (Home, from roleIds) | 3'
                    'Salesforce Data Sync | Salesforce CTI Integration (Home); Salesforce CTI Integration (Sales) | 6'
                    'Security Audit (read-only) | Security Auditor (all divisions) | 5'
                    'Snowflake Analytics Loader | Reporting Admin (all divisions) | 10'
                    'Terraform CX as Code | CX as Code Deployer (all divisions) | 25'
                    'Verint QM Recording Export | Recording Export (Home); Recording Export (Support); Recording Export (unknown division 9e41bac3-210f-50de-8581-cce584be13ce) | 6'
                    'Wallboard Realtime Feed | Realtime Monitor (Home); Realtime Monitor (Support); Realtime Monitor (Sales) | 4'
                    'WFM Forecast Sync | WFM Forecast Sync (Workforce); WFM Forecast Sync (Support) | 6'
                    'Zendesk Ticket Sync | Zendesk Integration (Support) | 3'
                ) -join "`n")

            foreach ($client in @(Get-GcOAuthClient | Where-Object { -not $_.IsClientCredentials })) {
                $client.Roles.Count | Should -Be 0 -Because "$($client.Name) gets its rights from scopes"
                $client.Permissions.Count | Should -Be 0
            }
        }

        It "gives 'Legacy IVR Middleware' the admin role in all divisions, with permission '*:*:*'" {
            $client = Get-GcOAuthClient -Name 'Legacy IVR Middleware'

            $client.Roles | Should -HaveCount 1
            $grant = $client.Roles[0]
            $grant.GetType().FullName | Should -Be 'OAuthAudit.Engine.Model.RoleGrant'
            $grant.ToString() | Should -Be 'admin (all divisions)'
            $grant.RoleId | Should -Be '0643f010-ff9e-5b07-9a2e-0a340e58e36e'
            $grant.RoleName | Should -Be 'admin'
            $grant.IsKnownRole | Should -BeTrue
            $grant.DivisionId | Should -Be '*'
            $grant.DivisionName | Should -Be 'all divisions'
            $grant.IsAllDivisions | Should -BeTrue
            $grant.IsKnownDivision | Should -BeTrue
            $grant.Permissions.ToString() | Should -BeExactly '*:*:*'
            $client.Permissions.ToString() | Should -BeExactly '*:*:*'
            $client.Permissions | Should -Contain '*:*:*'
            $client.RoleDivisions.ToString() | Should -Be '0643f010-ff9e-5b07-9a2e-0a340e58e36e@*'
        }

        It "keeps the unknown role of 'Chatbot Escalation Service' and flags it" {
            $client = Get-GcOAuthClient -Name 'Chatbot Escalation Service'

            $client.Roles | Should -HaveCount 2
            $unknown = $client.Roles[0]
            $unknown.RoleId | Should -Be '8fc64ac8-e2e5-5b1f-9726-c0b58888ec02'
            $unknown.RoleName | Should -BeNullOrEmpty
            $unknown.RoleDisplayName | Should -Be 'unknown role 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02'
            "$unknown" | Should -Be 'unknown role 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02 (Support)'
            $unknown.IsKnownRole | Should -BeFalse
            $unknown.DivisionId | Should -Be 'eca65c5f-7164-57cc-8dbd-a4d43246d2a4'
            $unknown.DivisionName | Should -Be 'Support'
            $unknown.IsKnownDivision | Should -BeTrue
            $unknown.IsAllDivisions | Should -BeFalse
            $unknown.Permissions.Count | Should -Be 0
            $client.Roles[1].RoleName | Should -Be 'Data Actions Runner'
            $client.Roles[1].IsKnownRole | Should -BeTrue
            $client.Permissions.ToString() | Should -BeExactly 'integrations:action:view; integrations:action:execute'
            @(Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | Where-Object { @($_.Roles | Where-Object { -not $_.IsKnownRole }).Count -gt 0 } | ForEach-Object Name) -join '|' |
                Should -Be 'Chatbot Escalation Service'
        }

        It "keeps the unknown division of 'Verint QM Recording Export' and flags it" {
            $client = Get-GcOAuthClient -Name 'Verint QM Recording Export'

            $client.Roles | Should -HaveCount 3
            (@($client.Roles | ForEach-Object { "$($_.DivisionName)=$($_.IsKnownDivision)" }) -join '|') |
                Should -Be 'Home=True|Support=True|=False'
            $client.Roles[2].DivisionDisplayName | Should -Be 'unknown division 9e41bac3-210f-50de-8581-cce584be13ce'
            $unknown = $client.Roles[2]
            $unknown.DivisionId | Should -Be '9e41bac3-210f-50de-8581-cce584be13ce'
            $unknown.RoleName | Should -Be 'Recording Export'
            $unknown.IsKnownRole | Should -BeTrue
            $unknown.Permissions | Should -HaveCount 6
            # The same role in three divisions: each permission once.
            $client.Permissions.ToString() | Should -BeExactly 'recording:recording:view; recording:recordingSegment:view; recording:screenRecording:view; recording:job:view; recording:job:add; analytics:conversationDetail:view'
            @(Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | Where-Object { @($_.Roles | Where-Object { -not $_.IsKnownDivision }).Count -gt 0 } | ForEach-Object Name) -join '|' |
                Should -Be 'Verint QM Recording Export'
        }

        It 'composes with Where-Object on Permissions and Roles' {
            (@(Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | Where-Object { $_.Permissions -contains 'oauth:client:edit' } | ForEach-Object Name) -join '|') |
                Should -Be 'Genesys Cloud Admin Tooling|Jenkins Flow Deployment (CI)|Terraform CX as Code'
            (@(Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | Where-Object { $_.Permissions -contains '*:*:*' } | ForEach-Object Name) -join '|') |
                Should -Be 'Legacy IVR Middleware|Power BI Reporting Export'
            (@(Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | Where-Object { $_.Roles.IsAllDivisions -contains $true } | ForEach-Object Name) -join '|') |
                Should -Be 'Genesys Cloud Admin Tooling|Legacy IVR Middleware|Okta SCIM Provisioning|Power BI Reporting Export|Security Audit (read-only)|Snowflake Analytics Loader|Terraform CX as Code'
            (@((Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS).Roles | Where-Object DivisionName -eq 'Support' | ForEach-Object RoleDisplayName | Sort-Object -Unique) -join '|') |
                Should -Be 'Data Actions Runner|Realtime Monitor|Recording Export|unknown role 8fc64ac8-e2e5-5b1f-9726-c0b58888ec02|WFM Forecast Sync|Zendesk Integration'
        }

        It 'exports Roles and Permissions as "a; b" cells' {
            $path = Join-Path $TestDrive "clients-$Source.csv"

            Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS | Export-Csv -Path $path -NoTypeInformation

            $text = Get-Content -Path $path -Raw
            $text | Should -Not -Match 'System\.'
            $text | Should -Not -Match 'OAuthAudit\.'
            $rows = @(Import-Csv -Path $path)
            $rows | Should -HaveCount 16
            $ivr = $rows | Where-Object Name -eq 'Legacy IVR Middleware'
            $ivr.Roles | Should -BeExactly 'admin (all divisions)'
            $ivr.Permissions | Should -BeExactly '*:*:*'
            ($rows | Where-Object Name -eq 'Salesforce Data Sync').Roles | Should -BeExactly 'Salesforce CTI Integration (Home); Salesforce CTI Integration (Sales)'
            ($rows | Where-Object Name -eq 'Chatbot Escalation Service').Permissions | Should -BeExactly 'integrations:action:view; integrations:action:execute'
        }
    }

    Context 'requests to the API' {
        BeforeAll {
            # A fresh connection per It, so the once-per-connection cache starts empty.
            function Invoke-Verbose([scriptblock] $ScriptBlock) {
                $connection = $script:Connection
                & {
                    Connect-GcOrganization @connection -Verbose | Out-Null
                    & $ScriptBlock
                } 4>&1
            }
        }

        AfterAll {
            Disconnect-GcOrganization
        }

        It 'reads the referenced roles by id and every role once per connection, pages of 100 without user counts' {
            $records = Invoke-Verbose {
                Get-GcOAuthClient -Verbose | Out-Null
                Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS -Verbose | Out-Null
                Get-GcAuthorizationRole -Verbose | Out-Null
                Get-GcAuthorizationDivision -Name 'Home' -Verbose | Out-Null
                Get-GcOAuthClient -Id '4bf6071e-d122-5cd1-9351-7ef862457abf' -Verbose | Out-Null
                Get-GcOAuthClient -Verbose | Test-GcOAuthClientScope -Verbose | Out-Null
            }
            $verbose = Get-VerboseMessage $records

            # The clients' roles by id (one batch for the demo org's 16), then the whole listing for Get-GcAuthorizationRole.
            $roles = @($verbose | Where-Object { $_ -match '/api/v2/authorization/roles' })
            $roles | Should -HaveCount 2
            $roles[0] | Should -Match '/api/v2/authorization/roles\?pageSize=100&pageNumber=1&userCount=false(&id=[0-9a-f-]{36}){16} -> 200'
            $roles[1] | Should -Match '/api/v2/authorization/roles\?pageSize=100&pageNumber=1&userCount=false -> 200'
            @($verbose | Where-Object { $_ -match '^Roles: \d+ of 16 referenced role ids read in 1 request \(cached' }) | Should -HaveCount 1
            $divisions = @($verbose | Where-Object { $_ -match '/api/v2/authorization/divisions' })
            $divisions | Should -HaveCount 1
            $divisions[0] | Should -Match '/api/v2/authorization/divisions\?pageSize=100&pageNumber=1 -> 200'
            @($verbose | Where-Object { $_ -like 'Roles: 30 (cached for this connection)*' }) | Should -HaveCount 1
            @($verbose | Where-Object { $_ -like 'Divisions: 8 (cached for this connection)*' }) | Should -HaveCount 1
        }

        It 'does not read roles or divisions while no listed client has role grants' {
            $records = Invoke-Verbose {
                Get-GcOAuthClient -Name 'Ops Wallboard Dashboard', 'Knowledge Portal' -Verbose | Out-Null
                Get-GcOAuthClient -GrantType CODE -Verbose | Test-GcOAuthClientScope -Verbose | Out-Null
                Get-GcOAuthScope -Verbose | Out-Null
            }
            $verbose = Get-VerboseMessage $records

            @($verbose | Where-Object { $_ -match '/api/v2/oauth/clients' }) | Should -Not -HaveCount 0
            @($verbose | Where-Object { $_ -match '/api/v2/authorization/' }) | Should -HaveCount 0
        }

        It 'reads both for the first client-credentials client, and only roles for Get-GcAuthorizationRole alone' {
            $byClient = Get-VerboseMessage (Invoke-Verbose { Get-GcOAuthClient -Name 'Zendesk Ticket Sync' -Verbose | Out-Null })
            $byRoles = Get-VerboseMessage (Invoke-Verbose { Get-GcAuthorizationRole -Name 'admin' -Verbose | Out-Null })

            @($byClient | Where-Object { $_ -match '/api/v2/authorization/roles' }) | Should -HaveCount 1
            @($byClient | Where-Object { $_ -match '/api/v2/authorization/divisions' }) | Should -HaveCount 1
            @($byRoles | Where-Object { $_ -match '/api/v2/authorization/roles' }) | Should -HaveCount 1
            @($byRoles | Where-Object { $_ -match '/api/v2/authorization/divisions' }) | Should -HaveCount 0
        }

        It 'reads each organization through its own -Context, side by side' {
            $offline = Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath)
            $connection = $script:Connection
            $live = Connect-GcOrganization @connection

            try {
                (Get-GcContext).OrganizationName | Should -Be 'Northwind Contact Center'
                @(Get-GcAuthorizationRole -Context $offline) | Should -HaveCount 30
                @(Get-GcAuthorizationDivision -Context $offline) | Should -HaveCount 8
                @(Get-GcAuthorizationRole -Context $live -Name 'admin') | Should -HaveCount 1
                "$($offline.Source)" | Should -Be 'Snapshot'
            }
            finally {
                Disconnect-GcOrganization -Context $offline
            }
        }
    }

    Context 'a grant without a division, from the <Source>' -ForEach @(
        @{ Source = 'snapshot' }
        @{ Source = 'emulator' }
    ) {
        BeforeAll {
            $path = Join-Path $TestDrive "home-grant-$Source.json"
            [System.IO.File]::WriteAllText($path, @'
{
  "schemaVersion": 1,
  "capturedAt": "2026-11-20T06:00:00Z",
  "environment": "mypurecloud.com",
  "organization": { "id": "org-home-grant", "name": "Home Grant Test", "state": "active", "version": 1 },
  "scopes": [ { "id": "analytics", "description": "Scope analytics", "selfUri": "/api/v2/oauth/scopes/analytics" } ],
  "clients": [
    { "id": "svc-id", "name": "Service", "authorizedGrantType": "CLIENT-CREDENTIALS", "state": "active", "accessTokenValiditySeconds": 86400,
      "roleDivisions": [ { "roleId": "role-reader" }, { "roleId": "role-reader", "divisionId": "div-sales" }, { "roleId": "role-admin", "divisionId": "*" } ],
      "selfUri": "/api/v2/oauth/clients/svc-id" },
    { "id": "web-id", "name": "Web App", "authorizedGrantType": "CODE", "state": "active", "accessTokenValiditySeconds": 3600, "scope": [ "analytics" ],
      "registeredRedirectUri": [ "https://app.example.com/cb" ], "selfUri": "/api/v2/oauth/clients/web-id" }
  ],
  "roles": [
    { "id": "role-reader", "name": "Reader", "description": "Reads analytics.", "permissionPolicies": [ { "domain": "analytics", "entityName": "conversationDetail", "actionSet": [ "view" ] }, { "domain": "routing", "entityName": "queue", "actionSet": [ "view", "edit" ] } ], "permissions": [], "default": false },
    { "id": "role-admin", "name": "Org Admin", "permissionPolicies": [ { "domain": "*", "entityName": "*", "actionSet": [ "*" ] } ], "permissions": [], "default": true }
  ],
  "divisions": [
    { "id": "div-home", "name": "Home", "description": "The home division.", "homeDivision": true },
    { "id": "div-sales", "name": "Sales", "homeDivision": false }
  ]
}
'@)
            $script:HomeGrantEmulator = $null
            if ($Source -eq 'emulator') {
                $script:HomeGrantEmulator = Start-Emulator -SnapshotPath $path
                $connection = Get-EmulatorConnection -Emulator $script:HomeGrantEmulator
                Connect-GcOrganization @connection | Out-Null
            }
            else {
                Connect-GcOrganization -SnapshotPath $path | Out-Null
            }
        }

        AfterAll {
            Disconnect-GcOrganization
            Stop-Emulator $script:HomeGrantEmulator
        }

        It 'resolves a grant with no division to the home division' {
            $client = Get-GcOAuthClient -Name 'Service'

            $client.Roles.ToString() | Should -Be 'Reader (Home); Reader (Sales); Org Admin (all divisions)'
            $homeDivision = $client.Roles[0]
            $homeDivision.RoleName | Should -Be 'Reader'
            $homeDivision.DivisionName | Should -Be 'Home'
            $homeDivision.DivisionId | Should -Be 'div-home'
            $homeDivision.IsKnownDivision | Should -BeTrue
            $homeDivision.IsAllDivisions | Should -BeFalse
            $client.Roles[2].IsAllDivisions | Should -BeTrue
            $client.Roles[2].DivisionId | Should -Be '*'
            $client.Permissions.ToString() | Should -BeExactly 'analytics:conversationDetail:view; routing:queue:view; routing:queue:edit; *:*:*'
            (Get-GcOAuthClient -Name 'Web App').Roles.Count | Should -Be 0
        }

        It 'lists the roles and divisions of that organization' {
            (@(Get-GcAuthorizationRole | ForEach-Object { "$($_.Name)=$($_.IsDefault)=$($_.Permissions.Count)" }) -join '|') | Should -Be 'Org Admin=True=1|Reader=False=3'
            (@(Get-GcAuthorizationDivision | ForEach-Object { "$($_.Name)=$($_.IsHomeDivision)" }) -join '|') | Should -Be 'Home=True|Sales=False'
            (Get-GcAuthorizationRole -Name 'Org Admin').Description | Should -BeNullOrEmpty
        }
    }

    Context 'without a connection' {
        BeforeAll {
            Disconnect-GcOrganization
        }

        It 'stops with NotConnected when there is no current context' {
            Get-GcContext | Should -BeNullOrEmpty
            { Get-GcAuthorizationRole } | Should -Throw -ErrorId 'NotConnected,*'
            { Get-GcAuthorizationDivision } | Should -Throw -ErrorId 'NotConnected,*'
            (Get-TerminatingError { Get-GcAuthorizationRole }).CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidOperation)
        }

        It 'stops with NotConnected for a context that was disconnected' {
            $context = Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath)
            Disconnect-GcOrganization

            { Get-GcAuthorizationRole -Context $context } | Should -Throw -ErrorId 'NotConnected,*'
            { Get-GcAuthorizationDivision -Context $context } | Should -Throw -ErrorId 'NotConnected,*'
        }
    }
}
