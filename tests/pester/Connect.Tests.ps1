# Connect-GcOrganization, Get-GcContext and Disconnect-GcOrganization against the emulator (a separate process).

Describe 'Connecting to an organization' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Emulator = Start-Emulator
        $script:EnvironmentVariableNames = 'GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_ENVIRONMENT'
    }

    AfterAll {
        Disconnect-GcOrganization
        Stop-Emulator $script:Emulator
    }

    AfterEach {
        Disconnect-GcOrganization
    }

    Context 'Connect-GcOrganization' {
        It 'connects with -ClientId and -ClientSecret and makes the context current' {
            $secret = ConvertTo-SecureString -String $script:Emulator.Secret -AsPlainText -Force

            $context = Connect-GcOrganization -ClientId $script:Emulator.ClientId -ClientSecret $secret `
                -LoginBaseUri $script:Emulator.LoginBaseUri -ApiBaseUri $script:Emulator.ApiBaseUri

            @($context) | Should -HaveCount 1
            $context.GetType().FullName | Should -Be 'OAuthAudit.Engine.Connections.GcContext'
            $context.OrganizationName | Should -Be 'Northwind Contact Center'
            $context.OrganizationId | Should -Be '202f2243-e652-5cbb-80cf-2a48118f4b62'
            $context.GrantType | Should -Be 'client_credentials'
            $context.ClientId | Should -Be $script:Emulator.ClientId
            $context.IsConnected | Should -BeTrue
            (Get-GcContext).OrganizationId | Should -Be $context.OrganizationId
            @(Get-GcOAuthClient) | Should -HaveCount 40
        }

        It 'connects with -Credential (user name = client id, password = secret)' {
            $credential = [System.Management.Automation.PSCredential]::new($script:Emulator.ClientId, (ConvertTo-SecureString -String $script:Emulator.Secret -AsPlainText -Force))

            $context = Connect-GcOrganization -Credential $credential -LoginBaseUri $script:Emulator.LoginBaseUri -ApiBaseUri $script:Emulator.ApiBaseUri

            $context.OrganizationName | Should -Be 'Northwind Contact Center'
            $context.GrantType | Should -Be 'client_credentials'
            $context.ClientId | Should -Be $script:Emulator.ClientId
            @(Get-GcOAuthClient) | Should -HaveCount 40
        }

        It 'reads GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_ENVIRONMENT without credential parameters' {
            $saved = @{}
            foreach ($name in $script:EnvironmentVariableNames) {
                $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            }

            try {
                [Environment]::SetEnvironmentVariable('GENESYS_CLIENT_ID', $script:Emulator.ClientId)
                [Environment]::SetEnvironmentVariable('GENESYS_CLIENT_SECRET', $script:Emulator.Secret)
                [Environment]::SetEnvironmentVariable('GENESYS_ENVIRONMENT', 'eu-west-1')

                $context = Connect-GcOrganization -LoginBaseUri $script:Emulator.LoginBaseUri -ApiBaseUri $script:Emulator.ApiBaseUri

                $context.ClientId | Should -Be $script:Emulator.ClientId
                $context.Region | Should -Be 'eu-west-1'
                $context.Environment | Should -Be 'mypurecloud.ie'
                @(Get-GcOAuthClient) | Should -HaveCount 40
            }
            finally {
                foreach ($name in $script:EnvironmentVariableNames) {
                    [Environment]::SetEnvironmentVariable($name, $saved[$name])
                }
            }
        }

        It 'names the missing environment variables when there are no credentials at all' {
            $saved = @{}
            foreach ($name in $script:EnvironmentVariableNames) {
                $saved[$name] = [Environment]::GetEnvironmentVariable($name)
                [Environment]::SetEnvironmentVariable($name, $null)
            }

            try {
                $record = Get-TerminatingError { Connect-GcOrganization -LoginBaseUri $script:Emulator.LoginBaseUri -ApiBaseUri $script:Emulator.ApiBaseUri }
            }
            finally {
                foreach ($name in $script:EnvironmentVariableNames) {
                    [Environment]::SetEnvironmentVariable($name, $saved[$name])
                }
            }

            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -BeLike 'MissingCredentials,*'
            $record.ToString() | Should -BeLike '*GENESYS_CLIENT_ID*GENESYS_CLIENT_SECRET*'
        }

        It 'refuses a wrong secret with CredentialsRejected and stays disconnected' {
            $connection = Get-EmulatorConnection -Emulator $script:Emulator -Secret ('wrong-' + [guid]::NewGuid().ToString('N'))

            $record = Get-TerminatingError { Connect-GcOrganization @connection }

            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -BeLike 'CredentialsRejected,*'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
            $record.ToString() | Should -BeLike "*$($script:Emulator.ClientId)*"
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            Get-GcContext | Should -BeNullOrEmpty
        }

        It 'refuses plain http to a remote host with InsecureEndpoint' {
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            $connection.ApiBaseUri = [uri] 'http://api.mypurecloud.com/'

            $record = Get-TerminatingError { Connect-GcOrganization @connection }

            $record.FullyQualifiedErrorId | Should -BeLike 'InsecureEndpoint,*'
        }
    }

    Context 'Get-GcContext' {
        It 'shows the organization, region, grant and token expiry' {
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            Connect-GcOrganization @connection | Out-Null

            $context = Get-GcContext

            @($context) | Should -HaveCount 1
            $context.OrganizationName | Should -Be 'Northwind Contact Center'
            $context.OrganizationId | Should -Be '202f2243-e652-5cbb-80cf-2a48118f4b62'
            "$($context.Source)" | Should -Be 'Api'
            $context.GrantType | Should -Be 'client_credentials'
            $context.ClientId | Should -Be $script:Emulator.ClientId
            "$($context.ApiBaseUri)".TrimEnd('/') | Should -Be "$($script:Emulator.ApiBaseUri)".TrimEnd('/')
            $context.IsConnected | Should -BeTrue
            $context.TokenExpiresAt | Should -BeGreaterThan ([DateTime]::UtcNow.AddHours(23))
            $context.TokenExpiresAt | Should -BeLessThan ([DateTime]::UtcNow.AddHours(25))
            $names = @($context.PSObject.Properties | ForEach-Object Name)
            foreach ($expected in 'OrganizationName', 'OrganizationId', 'Source', 'Region', 'Environment', 'GrantType', 'ClientId', 'TokenExpiresAt', 'SnapshotPath', 'CapturedAt', 'IsConnected') {
                $names | Should -Contain $expected
            }
        }

        It 'carries no secret and no token' {
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            Connect-GcOrganization @connection | Out-Null

            $context = Get-GcContext

            @($context.PSObject.Properties | Where-Object { $_.Name -match 'Secret|Password|Credential|AccessToken$' }) | Should -BeNullOrEmpty
            $text = @($context | Get-StreamText) + ($context | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue)
            @($text | Where-Object { $_ -and $_.Contains($script:Emulator.Secret) }) | Should -BeNullOrEmpty
            ($context | Out-PlainString) | Should -Match 'OrganizationName\s+: Northwind Contact Center'
        }

        It 'returns nothing when the session is not connected' {
            Get-GcContext | Should -BeNullOrEmpty
        }
    }

    Context 'Disconnect-GcOrganization' {
        It 'closes the current context; the data cmdlets then fail with NotConnected' {
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            $context = Connect-GcOrganization @connection

            Disconnect-GcOrganization | Should -BeNullOrEmpty

            $context.IsConnected | Should -BeFalse
            Get-GcContext | Should -BeNullOrEmpty
            foreach ($command in { Get-GcOAuthClient }, { Get-GcOAuthScope }, { Get-GcOAuthClient -Id 'any' }) {
                $record = Get-TerminatingError $command
                $record | Should -Not -BeNullOrEmpty
                $record.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
                $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidOperation)
            }

            { Get-GcOAuthClient } | Should -Throw -ErrorId 'NotConnected,*'
        }

        It 'refuses a closed context passed with -Context' {
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            $context = Connect-GcOrganization @connection
            Disconnect-GcOrganization -Context $context

            (Get-TerminatingError { Get-GcOAuthClient -Context $context }).FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        }

        It '-PassThru returns the closed context' {
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            $context = Connect-GcOrganization @connection

            $closed = Disconnect-GcOrganization -PassThru

            $closed.OrganizationId | Should -Be $context.OrganizationId
            $closed.IsConnected | Should -BeFalse
        }

        It 'does nothing when not connected' {
            Disconnect-GcOrganization | Should -BeNullOrEmpty
        }
    }
}
