# No secret reaches any stream, object, error or console output, with -Verbose and -Debug on.

Describe 'Secrets stay secret' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-OAuthAuditModule | Out-Null
        $script:Emulator = Start-Emulator
        $script:WrongSecret = 'wrong-secret-' + [guid]::NewGuid().ToString('N')

        # -Debug asks before every message on Windows PowerShell 5.1; there the preference variable does the same
        # without prompting.
        $script:Streams = @{ Verbose = $true }
        if ($PSVersionTable.PSVersion.Major -ge 7) {
            $script:Streams.Debug = $true
        }

        function Get-Secrets {
            # The secrets, and the HTTP Basic header values that carry them.
            foreach ($secret in $script:Emulator.Secret, $script:WrongSecret) {
                $secret
                [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($script:Emulator.ClientId):$secret"))
            }
        }

        function Assert-NoSecret {
            param([object[]] $Text)

            foreach ($secret in Get-Secrets) {
                $leaks = @($Text | Where-Object { $null -ne $_ -and "$_".Contains($secret) })
                $leaks | Should -HaveCount 0 -Because 'no output, stream, error or formatted view may carry a secret'
            }
        }
    }

    AfterAll {
        Disconnect-GcOrganization
        Stop-Emulator $script:Emulator
    }

    It 'keeps every secret out of every stream of every cmdlet, connected, failing and disconnecting' {
        $DebugPreference = 'Continue'
        $streams = $script:Streams
        $connection = Get-EmulatorConnection -Emulator $script:Emulator
        $wrong = Get-EmulatorConnection -Emulator $script:Emulator -Secret $script:WrongSecret
        $credential = [System.Management.Automation.PSCredential]::new($script:Emulator.ClientId, (ConvertTo-SecureString -String $script:Emulator.Secret -AsPlainText -Force))

        $records = & {
            $context = Connect-GcOrganization @connection @streams
            $context
            "$context"
            $context | Format-List -Property * | Out-String -Width 500
            Get-GcContext @streams | Out-String -Width 500
            Get-GcOAuthClient @streams
            Get-GcOAuthClient @streams | Format-Table | Out-String -Width 500
            Get-GcOAuthClient @streams | Format-List -Property * | Out-String -Width 500
            Get-GcOAuthScope -Name 'oauth*' @streams | Out-String -Width 500
            Get-GcOAuthClient -Id 'no-such-client' -ErrorAction Continue @streams
            Get-GcOAuthClient -Name 'No Such Client' -ErrorAction Continue @streams
            Get-GcOAuthScope -Name 'no-such-scope' -ErrorAction Continue @streams
            try { Connect-GcOrganization @wrong @streams } catch { $_ }
            try { Connect-GcOrganization -Credential $credential -LoginBaseUri $connection.LoginBaseUri -ApiBaseUri $connection.ApiBaseUri @streams | Out-String -Width 500 } catch { $_ }
            Disconnect-GcOrganization -PassThru @streams
            try { Get-GcOAuthClient @streams } catch { $_ }
        } *>&1
        $text = @($records | Get-StreamText) + @($Error | Get-StreamText)

        # The run did what it should, so the scan below looked at real output.
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'token' }).Count | Should -BeGreaterThan 0
        @($records | Where-Object { $_.GetType().FullName -eq 'OAuthAudit.Engine.Model.OAuthClient' }) | Should -HaveCount 40
        $errorIds = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] })
        foreach ($expected in 'ClientNotFound', 'ScopeNotFound', 'CredentialsRejected', 'NotConnected') {
            $errorIds | Should -Contain $expected
        }

        ($text -join "`n") | Should -Match 'Northwind Contact Center'
        Assert-NoSecret -Text $text
    }

    It 'keeps the secret from GENESYS_CLIENT_SECRET out of every stream' {
        $DebugPreference = 'Continue'
        $streams = $script:Streams
        $names = 'GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_ENVIRONMENT'
        $saved = @{}
        foreach ($name in $names) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        }

        try {
            [Environment]::SetEnvironmentVariable('GENESYS_CLIENT_ID', $script:Emulator.ClientId)
            [Environment]::SetEnvironmentVariable('GENESYS_ENVIRONMENT', $null)
            $records = & {
                [Environment]::SetEnvironmentVariable('GENESYS_CLIENT_SECRET', $script:Emulator.Secret)
                Connect-GcOrganization -LoginBaseUri $script:Emulator.LoginBaseUri -ApiBaseUri $script:Emulator.ApiBaseUri @streams | Out-String -Width 500
                Get-GcOAuthClient -Name '*chat*' @streams | Format-List -Property * | Out-String -Width 500
                [Environment]::SetEnvironmentVariable('GENESYS_CLIENT_SECRET', $script:WrongSecret)
                try { Connect-GcOrganization -LoginBaseUri $script:Emulator.LoginBaseUri -ApiBaseUri $script:Emulator.ApiBaseUri @streams } catch { $_ }
            } *>&1
        }
        finally {
            foreach ($name in $names) {
                [Environment]::SetEnvironmentVariable($name, $saved[$name])
            }
        }

        $text = @($records | Get-StreamText)
        ($text -join "`n") | Should -Match 'Legacy Web Chat v2 Widget'
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'CredentialsRejected,*' }) | Should -HaveCount 1
        Assert-NoSecret -Text $text
    }

    It 'gives the context no property that holds a secret' {
        $connection = Get-EmulatorConnection -Emulator $script:Emulator
        $context = Connect-GcOrganization @connection

        @($context.PSObject.Properties | Where-Object { $_.Name -match 'Secret|Password|Credential' }) | Should -HaveCount 0
        Assert-NoSecret -Text (@($context | Get-StreamText) + ($context | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue))
        $path = Join-Path $TestDrive 'context.csv'
        Get-GcContext | Export-Csv -Path $path -NoTypeInformation
        Assert-NoSecret -Text (Get-Content -Path $path)
    }
}
