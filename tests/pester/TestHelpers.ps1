# Shared by tests/pester/*.Tests.ps1. Dot-source it in BeforeAll:  . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
# Runs on Windows PowerShell 5.1 and PowerShell 7: no ProcessStartInfo.ArgumentList, no ternaries.

function Get-RepositoryRoot {
    # $PSScriptRoot in a function is the folder of the file that defines it: tests/pester.
    (Resolve-Path -Path (Join-Path $PSScriptRoot '../..')).Path
}

function Get-DemoSnapshotPath {
    Join-Path (Get-RepositoryRoot) 'samples/demo-org.json'
}

function Get-DemoSnapshot {
    # The seed the emulator serves and the snapshot cmdlets read: the expected values of the tests.
    Get-Content -Path (Get-DemoSnapshotPath) -Raw | ConvertFrom-Json
}

function Get-TestConfiguration {
    # build.ps1 -Task Test sets OAUTHAUDIT_TEST_CONFIGURATION to the configuration it built; Release otherwise.
    if ($env:OAUTHAUDIT_TEST_CONFIGURATION) {
        return $env:OAUTHAUDIT_TEST_CONFIGURATION
    }

    'Release'
}

function Get-BuiltModuleManifestPath {
    # Release lays the module out in out/OAuthAudit/<version>/, other configurations in out/<configuration>/OAuthAudit/<version>/.
    $root = Get-RepositoryRoot
    $version = (Import-PowerShellDataFile -Path (Join-Path $root 'OAuthAudit.psd1')).ModuleVersion
    $configuration = Get-TestConfiguration
    $outputRoot = if ($configuration -eq 'Release') { 'out' } else { "out/$configuration" }
    Join-Path $root "$outputRoot/OAuthAudit/$version/OAuthAudit.psd1"
}

function Import-OAuthAuditModule {
    # The built module, by its manifest, as a user imports it (build.ps1 -Task Build lays it out).
    $manifest = Get-BuiltModuleManifestPath
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The built module is not at '$manifest'. Run ./build.ps1 (or dotnet build src/OAuthAudit -c $(Get-TestConfiguration)) first."
    }

    Import-Module -Name $manifest -Force -Global -ErrorAction Stop -PassThru
}

function Find-EmulatorAssembly {
    # OAUTHAUDIT_EMULATOR_DLL overrides; else the build of tests/OAuthAudit.Emulator in the tests' configuration
    # (build.ps1 -Task Test builds it); else build it.
    if ($env:OAUTHAUDIT_EMULATOR_DLL) {
        return $env:OAUTHAUDIT_EMULATOR_DLL
    }

    $configuration = Get-TestConfiguration
    $project = Join-Path (Get-RepositoryRoot) 'tests/OAuthAudit.Emulator'
    $built = Join-Path $project "bin/$configuration/net10.0/OAuthAudit.Emulator.dll"
    if (-not (Test-Path -LiteralPath $built)) {
        & dotnet build $project --configuration $configuration --nologo | Out-Host
        if ($LASTEXITCODE -ne 0) {
            throw "dotnet build $project failed with exit code $LASTEXITCODE."
        }
    }

    $built
}

function Start-Emulator {
    <#
    Starts tests/OAuthAudit.Emulator as a process serving the snapshot, reads the one JSON line it prints and
    returns the endpoints and the auditor's credentials. Stop it with Stop-Emulator (it also stops when its
    stdin is closed).
    #>
    param(
        [string] $SnapshotPath = (Get-DemoSnapshotPath),
        [int] $ClientsPageSize = 0,
        [int] $LatencyMilliseconds = 0,
        [string] $AuditOutcome = '',
        [int] $StartTimeoutSeconds = 60
    )

    $arguments = '"{0}" --snapshot "{1}"' -f (Find-EmulatorAssembly), $SnapshotPath
    if ($ClientsPageSize -gt 0) {
        $arguments += " --clients-page-size $ClientsPageSize"
    }

    if ($LatencyMilliseconds -gt 0) {
        $arguments += " --latency-ms $LatencyMilliseconds"
    }

    if ($AuditOutcome) {
        $arguments += " --audit-outcome $AuditOutcome"
    }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new()
    $startInfo.FileName = 'dotnet'
    $startInfo.Arguments = $arguments
    $startInfo.WorkingDirectory = Get-RepositoryRoot
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true

    $process = [System.Diagnostics.Process]::Start($startInfo)
    # Drained in the background so a chatty stderr can never block the emulator; read on failure.
    $standardError = $process.StandardError.ReadToEndAsync()
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($StartTimeoutSeconds))) {
        Stop-EmulatorProcess -Process $process
        throw "The emulator did not print its endpoints within $StartTimeoutSeconds s (dotnet $arguments)."
    }

    if ([string]::IsNullOrWhiteSpace($firstLine.Result)) {
        $null = $process.WaitForExit(10000)
        $exitCode = if ($process.HasExited) { $process.ExitCode } else { 'none (still running)' }
        $errorText = if ($standardError.Wait(5000)) { $standardError.Result } else { '' }
        Stop-EmulatorProcess -Process $process
        throw "The emulator printed no endpoints (exit code $exitCode; dotnet $arguments): $errorText"
    }

    $endpoint = $firstLine.Result | ConvertFrom-Json
    [pscustomobject]@{
        Process       = $process
        LoginBaseUri  = [uri] $endpoint.loginBaseUri
        ApiBaseUri    = [uri] $endpoint.apiBaseUri
        ClientId      = [string] $endpoint.clientId
        Secret        = [string] $endpoint.secret
        StandardError = $standardError
    }
}

function Stop-EmulatorProcess {
    param([System.Diagnostics.Process] $Process)

    if ($null -eq $Process) {
        return
    }

    try {
        if (-not $Process.HasExited) {
            # End of stdin is the emulator's signal to shut down cleanly.
            $Process.StandardInput.Close()
            if (-not $Process.WaitForExit(10000)) {
                $Process.Kill()
                $null = $Process.WaitForExit(5000)
            }
        }
    }
    finally {
        $Process.Dispose()
    }
}

function Stop-Emulator {
    param($Emulator)

    if ($null -ne $Emulator) {
        Stop-EmulatorProcess -Process $Emulator.Process
    }
}

function ConvertTo-TestSecureString {
    param([Parameter(Mandatory)] [string] $PlainText)

    ConvertTo-SecureString -String $PlainText -AsPlainText -Force
}

function Get-EmulatorConnection {
    # Parameters for Connect-GcOrganization as the emulator's auditor: splat them.
    param([Parameter(Mandatory)] $Emulator, [string] $Secret)

    if (-not $Secret) {
        $Secret = $Emulator.Secret
    }

    @{
        ClientId      = $Emulator.ClientId
        ClientSecret  = ConvertTo-TestSecureString $Secret
        LoginBaseUri  = $Emulator.LoginBaseUri
        ApiBaseUri    = $Emulator.ApiBaseUri
        MaxRetryWait  = 0.2
    }
}

function Get-TerminatingError {
    # Runs the script block and returns the ErrorRecord that stopped it, or $null when nothing did.
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)

    try {
        & $ScriptBlock | Out-Null
    }
    catch {
        return $_
    }

    $null
}

function Out-PlainString {
    # Out-String without the ANSI colours PowerShell 7.2+ may add to table headers and list labels.
    param([Parameter(ValueFromPipeline)] $InputObject, [int] $Width = 300)

    begin {
        $items = New-Object System.Collections.Generic.List[object]
    }

    process {
        $items.Add($InputObject)
    }

    end {
        ($items | Out-String -Width $Width) -replace "$([char]27)\[[0-9;]*[A-Za-z]", ''
    }
}

function Get-StreamText {
    <#
    Every piece of text an item from any stream (*>&1) carries: the object, what its properties say, how it
    formats; an error's message, exception, details, target and id; a verbose, debug, warning or information
    message. For scanning for secrets.
    #>
    param([Parameter(ValueFromPipeline)] $InputObject)

    process {
        $item = $InputObject
        if ($null -eq $item) {
            return
        }

        if ($item -is [System.Management.Automation.ErrorRecord]) {
            $item.ToString()
            $item.FullyQualifiedErrorId
            "$($item.TargetObject)"
            if ($item.Exception) { $item.Exception.ToString() }
            if ($item.ErrorDetails) { $item.ErrorDetails.Message; $item.ErrorDetails.RecommendedAction }
            if ($item.InvocationInfo) { $item.InvocationInfo.Line }
            $item | Out-String -Width 500
            return
        }

        if ($item -is [System.Management.Automation.InformationalRecord]) {
            # Verbose, debug and warning records.
            $item.Message
            return
        }

        if ($item -is [System.Management.Automation.InformationRecord]) {
            "$($item.MessageData)"
            return
        }

        "$item"
        $item | Out-String -Width 500
        $item | Format-List -Property * | Out-String -Width 500
        foreach ($property in $item.PSObject.Properties) {
            try {
                "$($property.Value)"
            }
            catch {
                # A getter that throws tells nothing.
            }
        }
    }
}
