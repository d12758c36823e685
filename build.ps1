#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and demonstrates OAuthAudit.
.DESCRIPTION
    Build  (default) compiles the solution and lays the module out in out/OAuthAudit/<version>/.
    Test   runs every xunit suite (the hosted-engine module tests among them), then the Pester tests
           in tests/pester when Pester 5 is installed.
    Demo   imports the built module, lists the bundled demo organization (samples/demo-org.json) offline
           and audits it against samples/baseline.yml.
    Package builds and writes out/OAuthAudit.zip: the module folder at the top, as Azure Automation imports it
           (Automation account > Modules > Add a module).
    Clean  removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    ./build.ps1 -Task Demo
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$manifestPath = Join-Path $root 'OAuthAudit.psd1'
$moduleVersion = (Import-PowerShellDataFile -Path $manifestPath).ModuleVersion
$builtManifest = Join-Path $root "out/OAuthAudit/$moduleVersion/OAuthAudit.psd1"

function Invoke-DotNet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Invoke-DotNet -Arguments @('build', (Join-Path $root 'OAuthAudit.sln'), '--configuration', $Configuration, '--nologo')
    Write-Host "Module laid out at $(Split-Path $builtManifest -Parent)"
}

function Invoke-Test {
    Invoke-DotNet -Arguments @('test', (Join-Path $root 'OAuthAudit.sln'), '--configuration', $Configuration, '--nologo')
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge '5.0.0' | Select-Object -First 1
    if ($null -eq $pester) {
        Write-Warning 'Pester 5 is not installed: tests/pester skipped (the xunit suites above cover the same behaviour).'
        return
    }

    Import-Module $pester
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path $root 'tests/pester'
    $configuration.Run.Exit = $false
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $configuration
    if ($result.FailedCount -gt 0) {
        throw "$($result.FailedCount) Pester test(s) failed."
    }
}

function Invoke-Demo {
    Invoke-Build
    Import-Module $builtManifest -Force
    $snapshot = Join-Path $root 'samples/demo-org.json'
    $baseline = Join-Path $root 'samples/baseline.yml'
    $context = Connect-GcOrganization -SnapshotPath $snapshot
    Write-Host "`nOrganization: $($context.OrganizationName) (snapshot captured $($context.CapturedAt.ToString('u')))`n"

    $clients = @(Get-GcOAuthClient)
    Write-Host "$($clients.Count) OAuth clients:"
    $clients | Sort-Object AuthorizedGrantType, Name | Format-Table -AutoSize | Out-Host

    Write-Host "Audit against $baseline (Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ...):"
    $results = @($clients | Test-GcOAuthClientScope -Baseline $baseline)
    $results | Sort-Object @{ Expression = 'Severity'; Descending = $true }, ClientName | Format-Table -AutoSize | Out-Host

    Write-Host 'Outstanding findings, most severe first (Test-GcOAuthClientScope -Expand):'
    $clients | Test-GcOAuthClientScope -Baseline $baseline -Expand -WarningAction SilentlyContinue |
        Where-Object { -not $_.Waived -and $_.Severity -ge 'Medium' } |
        Sort-Object @{ Expression = 'Severity'; Descending = $true }, ClientName |
        Format-Table ClientName, RuleId, Severity, Kind, Subject -AutoSize | Out-Host

    $failing = @($results | Where-Object Outcome -eq 'Fail').Count
    Write-Host "$failing of $($results.Count) clients fail the baseline. Export: ... | Test-GcOAuthClientScope -Baseline $baseline | Export-Csv audit.csv"
    Disconnect-GcOrganization
}

function Invoke-Package {
    Invoke-Build
    $zip = Join-Path $root 'out/OAuthAudit.zip'
    if (-not (Test-Path -LiteralPath $zip)) {
        throw "The build did not write $zip."
    }

    Write-Host "Azure Automation package: $zip"
}

function Invoke-Clean {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue -Path (Join-Path $root 'out')
    Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
