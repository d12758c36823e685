#Requires -Version 5.1
<#
.SYNOPSIS
    One measured module run for bench/Invoke-Benchmark.ps1, in a fresh `pwsh -NoProfile` (the benchmark starts it).
.DESCRIPTION
    -Mode Audit: Import-Module, Connect-GcOrganization to the emulator, Get-GcOAuthClient | Test-GcOAuthClientScope
    (the full audit, the built-in baseline or -Baseline). -Mode Evaluation: the same audit offline from the snapshot file, timed on a
    second pass (the first warms up), for the evaluation throughput (clients x rules per second through the cmdlet).
    Writes what it measured from inside itself as JSON to -ResultPath: times from the script's first line, CPU
    (Process.TotalProcessorTime) and peak memory (Process.PeakWorkingSet64: VmHWM on Linux). The emulator's
    client secret comes in $env:OAUTHAUDIT_BENCH_SECRET, never on the command line.
#>
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [ValidateSet('Audit', 'Evaluation')] [string] $Mode = 'Audit',
    [string] $LoginBaseUri,
    [string] $ApiBaseUri,
    [string] $ClientId,
    [string] $SnapshotPath,
    # A baseline file for both modes; the built-in baseline when not given.
    [string] $Baseline
)

$clock = [System.Diagnostics.Stopwatch]::StartNew()
$ErrorActionPreference = 'Stop'
$process = [System.Diagnostics.Process]::GetCurrentProcess()
$startup = ([datetime]::Now - $process.StartTime).TotalMilliseconds

Import-Module -Name $ManifestPath
$imported = $clock.Elapsed.TotalMilliseconds

$result = [ordered]@{ side = 'module'; mode = $Mode; processStartToScriptMs = [math]::Round($startup, 1); importMs = [math]::Round($imported, 1) }
if ($Mode -eq 'Audit') {
    # Not ConvertTo-SecureString: its module (Microsoft.PowerShell.Security) would be auto-loaded, ~70 ms of the
    # harness's own in a fresh pwsh, where the peer reads its secret from the environment as it is.
    $secret = [System.Net.NetworkCredential]::new('', $env:OAUTHAUDIT_BENCH_SECRET).SecurePassword
    $null = Connect-GcOrganization -ClientId $ClientId -ClientSecret $secret -LoginBaseUri $LoginBaseUri -ApiBaseUri $ApiBaseUri
    $connected = $clock.Elapsed.TotalMilliseconds
    $first = $null
    $objects = 0
    $audit = if ($Baseline) { @{ Baseline = $Baseline } } else { @{} }
    Get-GcOAuthClient | Test-GcOAuthClientScope @audit | ForEach-Object {
        if ($objects -eq 0) { $first = $clock.Elapsed.TotalMilliseconds }
        $objects++
    }

    $result.connectedMs = [math]::Round($connected, 1)
    $result.firstObjectMs = [math]::Round($first, 1)
    $result.wallMs = [math]::Round($clock.Elapsed.TotalMilliseconds, 1)
    $result.objects = $objects
}
else {
    $null = Connect-GcOrganization -SnapshotPath $SnapshotPath
    $clients = @(Get-GcOAuthClient)
    $rules = if ($Baseline) { Get-GcOAuthBaseline -Path $Baseline } else { Get-GcOAuthBaseline }
    $clients | Test-GcOAuthClientScope -BaselineObject $rules | Out-Null
    $pass = [System.Diagnostics.Stopwatch]::StartNew()
    $clients | Test-GcOAuthClientScope -BaselineObject $rules | Out-Null
    $pass.Stop()
    $result.clients = $clients.Count
    $result.rules = $rules.Rules.Count
    $result.evaluationMs = [math]::Round($pass.Elapsed.TotalMilliseconds, 1)
    $result.clientRulesPerSecond = [math]::Round($clients.Count * $rules.Rules.Count / $pass.Elapsed.TotalSeconds)
    $result.wallMs = [math]::Round($clock.Elapsed.TotalMilliseconds, 1)
}

$process.Refresh()
$result.cpuMs = [math]::Round($process.TotalProcessorTime.TotalMilliseconds, 1)
$result.peakMemoryBytes = $process.PeakWorkingSet64
if (Test-Path -LiteralPath '/proc/self/status') {
    # The kernel's own high-water mark, to check PeakWorkingSet64 against (node's maxRSS is the same figure).
    $result.vmHwmBytes = 1024 * [long] (Select-String -LiteralPath '/proc/self/status' -Pattern '^VmHWM:\s*(\d+) kB').Matches[0].Groups[1].Value
}
Set-Content -LiteralPath $ResultPath -Value ([pscustomobject] $result | ConvertTo-Json -Compress) -Encoding utf8
