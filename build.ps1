#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and demonstrates OAuthAudit.
.DESCRIPTION
    Build  (default) compiles the solution and lays the module out in out/OAuthAudit/<version>/ (Release;
           -Configuration Debug, like a plain dotnet build or dotnet test, uses out/Debug/ instead).
    Test   runs every xunit suite (the hosted-engine module tests among them), then every Pester test in tests/pester
           on this PowerShell, with Pester 5.9.1 from NuGet (restored into .tools/) unless Pester 5.5+ is installed.
           Writes out/test-results/<project>/xunit.trx, out/pester-results.xml (JUnit XML) and out/test-summary.txt
           (passed and failed counts), and fails when any test failed.
    Demo   imports the built module, lists the bundled demo organization (samples/demo-org.json) offline
           and audits it against samples/baseline.yml, then writes its reports to out/demo-report/.
    Package builds and writes out/OAuthAudit.zip: the module folder at the top, as Azure Automation imports it
           (Automation account > Modules > Add a module).
    Clean  removes out/, .tools/ and every bin/ and obj/ folder.

    On a machine with only the .NET SDK: dotnet tool restore, then dotnet pwsh ./build.ps1 -Task <task>.
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
# For this script's own code only: Invoke-PesterSuite turns it off again so the tests run as in a user's session.
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$manifestPath = Join-Path $root 'OAuthAudit.psd1'
$moduleVersion = (Import-PowerShellDataFile -Path $manifestPath).ModuleVersion
# Where Directory.Build.props lays out the module and its package for this configuration.
$outputRoot = if ($Configuration -eq 'Release') { Join-Path $root 'out' } else { Join-Path $root "out/$Configuration" }
$builtManifest = Join-Path $outputRoot "OAuthAudit/$moduleVersion/OAuthAudit.psd1"
$pesterVersion = '5.9.1'

function Invoke-DotNet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    # To the console, never into the caller's output.
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Invoke-DotNet -Arguments @('build', (Join-Path $root 'OAuthAudit.sln'), '--configuration', $Configuration, '--nologo')
    Write-Host "Module laid out at $(Split-Path $builtManifest -Parent)"
}

function Invoke-Test {
    $out = Join-Path $root 'out'
    $xunitResults = Join-Path $out 'test-results'
    $summaryPath = Join-Path $out 'test-summary.txt'
    Remove-Item -LiteralPath $xunitResults, $summaryPath -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $out -Force

    # Every test assembly of the solution: out/test-results/<project>/xunit.trx (TestResultsRoot, Directory.Build.props).
    & dotnet test (Join-Path $root 'OAuthAudit.sln') --configuration $Configuration --nologo `
        "-p:TestResultsRoot=$xunitResults" --logger 'trx;LogFileName=xunit.trx'
    $dotnetExitCode = $LASTEXITCODE
    $xunit = Read-TrxCounts -Folder $xunitResults
    # Every test project: *.Tests and *BrowserTests (tests/OAuthAudit.Reports.BrowserTests).
    $testProjects = @(Get-ChildItem -Path (Join-Path $root 'tests') -Filter '*Tests.csproj' -Recurse).Count
    if ($xunit.Assemblies -lt $testProjects) {
        Write-Host "Only $($xunit.Assemblies) of $testProjects test projects wrote results; each missing one counts as a failure."
        $xunit.Failed += $testProjects - $xunit.Assemblies
    }

    if ($dotnetExitCode -ne 0 -and $xunit.Failed -eq 0) {
        # The build or a test host failed before any test could report: count it, never report a clean run.
        $xunit.Failed = 1
    }

    Write-Host "xunit ($($xunit.Assemblies) assemblies): $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped"

    $pester = Invoke-PesterSuite -ResultPath (Join-Path $out 'pester-results.xml')
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"

    # Read by .ci/run: one 'suite.passed=N' / 'suite.failed=N' line per suite.
    Set-Content -LiteralPath $summaryPath -Encoding ascii -Value @(
        "xunit.passed=$($xunit.Passed)", "xunit.failed=$($xunit.Failed)",
        "pester.passed=$($pester.Passed)", "pester.failed=$($pester.Failed)")

    $failed = $xunit.Failed + $pester.Failed
    Write-Host "Tests: $($xunit.Passed + $pester.Passed) passed, $failed failed"
    if ($failed -gt 0) {
        throw "$failed test(s) failed (xunit: out/test-results/<project>/xunit.trx; Pester: out/pester-results.xml)."
    }
}

function Read-TrxCounts {
    param([Parameter(Mandatory)] [string] $Folder)

    $counts = [pscustomobject]@{ Assemblies = 0; Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in @(Get-ChildItem -LiteralPath $Folder -Filter '*.trx' -Recurse -ErrorAction SilentlyContinue)) {
        $counters = ([xml] (Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $counts.Assemblies++
        $counts.Passed += [int] $counters.GetAttribute('passed')
        foreach ($name in 'failed', 'error', 'timeout', 'aborted') {
            $counts.Failed += [int] $counters.GetAttribute($name)
        }

        $counts.Skipped += [int] $counters.GetAttribute('notExecuted')
    }

    $counts
}

function Import-Pester {
    # An installed Pester 5.5+, else Pester $pesterVersion from NuGet (build/Pester.proj restores it into .tools/).
    $installed = Import-Module -Name Pester -MinimumVersion 5.5 -PassThru -ErrorAction SilentlyContinue
    if ($installed) {
        return $installed
    }

    $module = Join-Path $root ".tools/packages/pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $module)) {
        Invoke-DotNet -Arguments @('restore', (Join-Path $root 'build/Pester.proj'), '--nologo')
    }

    Import-Module -Name $module -Force -PassThru
}

function Invoke-PesterSuite {
    param([Parameter(Mandatory)] [string] $ResultPath)

    $pester = Import-Pester
    Write-Host "Pester $($pester.Version) from $($pester.ModuleBase)"

    $pesterConfiguration = New-PesterConfiguration
    $pesterConfiguration.Run.Path = Join-Path $root 'tests/pester'
    $pesterConfiguration.Run.PassThru = $true
    $pesterConfiguration.Run.Exit = $false
    $pesterConfiguration.Run.Throw = $false
    $pesterConfiguration.TestResult.Enabled = $true
    $pesterConfiguration.TestResult.OutputFormat = 'JUnitXml'
    $pesterConfiguration.TestResult.OutputPath = $ResultPath
    $pesterConfiguration.Output.Verbosity = 'Detailed'
    if ($env:CI -or [Console]::IsOutputRedirected) {
        $pesterConfiguration.Output.RenderMode = 'Plaintext'
    }

    # The tests run in this scope's session state: no strict mode and no 'Stop' from this script leak into them.
    Set-StrictMode -Off
    $ErrorActionPreference = 'Continue'
    $env:OAUTHAUDIT_TEST_CONFIGURATION = $Configuration
    $result = Invoke-Pester -Configuration $pesterConfiguration

    # A file or block that fails outside an It (discovery, BeforeAll) counts once, so it can never pass unseen.
    [pscustomobject]@{
        Passed  = $result.PassedCount
        Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Skipped = $result.SkippedCount + $result.NotRunCount
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

    $reports = Join-Path $root 'out/demo-report'
    Write-Host "`nThe whole audit in one command, reports in every format (Invoke-GcOAuthAudit -Baseline ... -OutputPath $reports -Force):"
    Invoke-GcOAuthAudit -Baseline $baseline -OutputPath $reports -Force -WarningAction SilentlyContinue | Out-Host
    Get-ChildItem -LiteralPath $reports -File | Sort-Object Name | Format-Table Name, Length -AutoSize | Out-Host
    Disconnect-GcOrganization
}

function Invoke-Package {
    Invoke-Build
    $zip = Join-Path $outputRoot 'OAuthAudit.zip'
    if (-not (Test-Path -LiteralPath $zip)) {
        throw "The build did not write $zip."
    }

    Write-Host "Azure Automation package: $zip"
}

function Invoke-Clean {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue -Path (Join-Path $root 'out'), (Join-Path $root '.tools')
    Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests'), (Join-Path $root 'build') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
