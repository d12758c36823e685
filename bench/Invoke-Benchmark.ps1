#Requires -Version 7.2
<#
.SYNOPSIS
    Benchmarks the module's full audit against the official JS SDK (purecloud-platform-client-v2) on the same
    emulated organizations, and writes out/bench/results.json.
.DESCRIPTION
    For each organization size (10, 1,000 and 10,000 clients with 500 roles; bench/New-BenchmarkOrganization.ps1,
    a fixed seed) it starts the emulator (tests/OAuthAudit.Emulator) standalone with injected latency and a request
    log, then, after one unmeasured warm-up run of each side, runs, alternating and -Iterations times each:
      module  a fresh pwsh -NoProfile: Import-Module, Connect-GcOrganization to the emulator,
              Get-GcOAuthClient | Test-GcOAuthClientScope (bench/Measure-ModuleAudit.ps1)
      peer    node bench/peer/list-clients.js: the SDK logs in with client credentials and lists the OAuth clients
              and the scope registry
    Each side reports from inside itself (wall time from its first line to its last object, time to the first
    object, CPU, peak memory); the emulator's request log, split by the time window of each run, gives its requests
    and sequential round trips (the rule of RequestTimeline.SequentialRoundTrips). A last module run per size
    (-Quick: for the largest only) audits the snapshot offline for the evaluation throughput (clients x rules per
    second through the cmdlet).
    Prints the medians with module/peer ratios and writes them, with every run, to -OutputPath.

    Run from the repository: dotnet tool restore, then dotnet pwsh ./bench/Invoke-Benchmark.ps1
    The peer needs node and npm (npm ci installs bench/peer/package-lock.json); without them, or with -SkipPeer,
    only the module is measured.
.EXAMPLE
    dotnet pwsh ./bench/Invoke-Benchmark.ps1
.EXAMPLE
    dotnet pwsh ./bench/Invoke-Benchmark.ps1 -Quick
    CI-sized: organizations of 10 and 250 clients, one iteration.
.EXAMPLE
    dotnet pwsh ./bench/Invoke-Benchmark.ps1 -ClientCounts 10000 -Iterations 5 -Baseline samples/baseline.yml -SkipPeer
#>
[CmdletBinding()]
param(
    # Strings, split on commas here: from a shell, `-ClientCounts 10,10000` arrives as one argument, which PowerShell
    # would read as the number 1010000.
    [ValidateNotNullOrEmpty()] [string[]] $ClientCounts = @('10', '1000', '10000'),
    [ValidateRange(1, 50)] [int] $Iterations = 3,
    [ValidateRange(0, 10000)] [int] $LatencyMilliseconds = 50,
    [ValidateRange(1, 5000)] [int] $RoleCount = 500,
    [int] $Seed = 14,
    # Organizations of 10 and 250 clients, one iteration (unless -ClientCounts or -Iterations say otherwise).
    [switch] $Quick,
    [switch] $SkipPeer,
    # Use the module and emulator as built (by build.ps1 or a dotnet build) instead of building them first.
    [switch] $NoBuild,
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    # A baseline file for the audits and the evaluation; the built-in baseline when not given.
    [string] $Baseline,
    # Default: out/bench/results.json (out/bench/results-quick.json with -Quick).
    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
$benchOut = Join-Path $root 'out/bench'
if ($Quick) {
    if (-not $PSBoundParameters.ContainsKey('ClientCounts')) { $ClientCounts = @('10', '250') }
    if (-not $PSBoundParameters.ContainsKey('Iterations')) { $Iterations = 1 }
}
$counts = @(foreach ($text in @($ClientCounts -split ',')) {
    $count = 0
    if (-not [int]::TryParse($text.Trim(), [Globalization.NumberStyles]::None, [Globalization.CultureInfo]::InvariantCulture, [ref] $count) -or $count -lt 1 -or $count -gt 100000) {
        throw "-ClientCounts takes whole numbers from 1 to 100000 (e.g. -ClientCounts 10,1000,10000), not '$text'."
    }
    $count
})

if (-not $OutputPath) {
    $OutputPath = Join-Path $benchOut $(if ($Quick) { 'results-quick.json' } else { 'results.json' })
}

$OutputPath = [System.IO.Path]::GetFullPath($OutputPath, (Get-Location).Path)
$logFolder = Join-Path $benchOut 'logs'
$runFolder = Join-Path $benchOut 'runs'
$null = New-Item -ItemType Directory -Path $benchOut, $logFolder, $runFolder -Force

function Invoke-Native {
    # Runs a command to completion; its output goes to the console, a non-zero exit is an error.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @(), [string] $WorkingDirectory = $root)
    Push-Location -LiteralPath $WorkingDirectory
    try {
        & $FilePath @Arguments | Out-Host
        if ($LASTEXITCODE -ne 0) {
            throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
        }
    }
    finally {
        Pop-Location
    }
}

function Get-CommandVersion([string] $Name, [string[]] $Arguments = @('--version')) {
    if (-not (Get-Command -Name $Name -CommandType Application -ErrorAction SilentlyContinue)) { return $null }
    "$(& $Name @Arguments 2>$null | Select-Object -First 1)".Trim()
}

function Get-MachineDescription {
    $cpu = $null
    $memory = $null
    if (Test-Path -LiteralPath '/proc/cpuinfo') {
        $cpu = (Select-String -LiteralPath '/proc/cpuinfo' -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches[0].Groups[1].Value
        $memory = [long] (Select-String -LiteralPath '/proc/meminfo' -Pattern '^MemTotal:\s*(\d+) kB').Matches[0].Groups[1].Value * 1024
    }
    elseif ($env:PROCESSOR_IDENTIFIER) {
        $cpu = $env:PROCESSOR_IDENTIFIER
    }

    [ordered]@{
        processors  = [Environment]::ProcessorCount
        cpu         = $cpu
        memoryBytes = $memory
        os          = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
        dotnet      = Get-CommandVersion 'dotnet'
        pwsh        = "$($PSVersionTable.PSVersion)"
        node        = Get-CommandVersion 'node'
        shared      = 'Timings are wall-clock on this machine at the time of the run; other work on it shows in them.'
    }
}

function Get-PwshCommand {
    # A fresh pwsh like this one: under `dotnet pwsh` (the local tool) that is dotnet running $PSHOME/pwsh.dll.
    $processPath = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        return @($processPath, (Join-Path $PSHOME 'pwsh.dll'))
    }

    @($processPath)
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return $null }
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2 -eq 1) { return $sorted[$middle] }
    ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Get-SequentialRoundTrips($Requests) {
    # The rule of RequestTimeline.SequentialRoundTrips: the longest chain of requests each sent after the one before
    # it was answered (earliest-finish-first greedy over the start/finish times).
    $chain = 0
    $lastEnd = [long]::MinValue
    foreach ($request in @($Requests | Sort-Object { [long] $_.finishedTicks })) {
        if ([long] $request.startedTicks -gt $lastEnd) {
            $chain++
            $lastEnd = [long] $request.finishedTicks
        }
    }

    $chain
}

function Get-RequestKey($Request) {
    if ($Request.host -eq 'Login') { return "$($Request.method) login$($Request.path)" }
    "$($Request.method) $($Request.path)"
}

function Get-RoleIdFilter([string] $Query) {
    # The role ids a GET /api/v2/authorization/roles asks for (id=a&id=b, or id=a,b); none for a plain page.
    foreach ($pair in $Query.TrimStart('?').Split('&')) {
        $parts = $pair.Split('=', 2)
        if ($parts.Count -eq 2 -and [uri]::UnescapeDataString($parts[0]) -eq 'id') {
            [uri]::UnescapeDataString($parts[1]).Split(',') | Where-Object { $_ }
        }
    }
}

function Start-Emulator([string] $Assembly, [string] $SnapshotPath, [string] $RequestLogPath) {
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $Assembly, '--snapshot', $SnapshotPath, '--latency-ms', "$LatencyMilliseconds", '--request-log', $RequestLogPath) {
        $startInfo.ArgumentList.Add($argument)
    }

    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $errors = $process.StandardError.ReadToEndAsync()
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(120)) -or [string]::IsNullOrWhiteSpace($line.Result)) {
        if (-not $process.HasExited) { $process.Kill() }
        $null = $process.WaitForExit(5000)
        $text = if ($errors.Wait(2000)) { $errors.Result } else { '' }
        throw "The emulator did not start for '$SnapshotPath': $text"
    }

    [pscustomobject]@{ Process = $process; Errors = $errors; Endpoint = $line.Result | ConvertFrom-Json }
}

function Stop-Emulator($Emulator) {
    # End of stdin is its signal to write the request log and exit.
    $Emulator.Process.StandardInput.Close()
    if (-not $Emulator.Process.WaitForExit(60000)) {
        $Emulator.Process.Kill()
        throw 'The emulator did not exit within 60 s of its stdin closing.'
    }

    if ($Emulator.Process.ExitCode -ne 0) {
        throw "The emulator exited with $($Emulator.Process.ExitCode): $($Emulator.Errors.Result)"
    }

    $Emulator.Process.Dispose()
}

function Invoke-MeasuredRun {
    # One child process; returns what it reported, its time window (Stopwatch ticks, comparable with the emulator's
    # request log) and its wall time as seen from outside (process start included).
    param([string] $Side, [int] $Iteration, [string[]] $Command, [string] $ResultPath)

    Remove-Item -LiteralPath $ResultPath -ErrorAction SilentlyContinue
    $startTicks = [System.Diagnostics.Stopwatch]::GetTimestamp()
    $output = & $Command[0] @($Command | Select-Object -Skip 1) 2>&1 | Out-String
    $exitCode = $LASTEXITCODE
    $endTicks = [System.Diagnostics.Stopwatch]::GetTimestamp()
    if ($exitCode -ne 0 -or -not (Test-Path -LiteralPath $ResultPath)) {
        throw "The $Side run (iteration $Iteration) failed with exit code ${exitCode}: $output"
    }

    $reported = Get-Content -LiteralPath $ResultPath -Raw | ConvertFrom-Json
    [pscustomobject]@{
        Side          = $Side
        Iteration     = $Iteration
        StartTicks    = $startTicks
        EndTicks      = $endTicks
        ProcessWallMs = [math]::Round(($endTicks - $startTicks) * 1000.0 / [System.Diagnostics.Stopwatch]::Frequency, 1)
        Reported      = $reported
    }
}

# --- build and install what the runs need ---
$moduleVersion = (Import-PowerShellDataFile -LiteralPath (Join-Path $root 'OAuthAudit.psd1')).ModuleVersion
$moduleRoot = if ($Configuration -eq 'Release') { Join-Path $root 'out' } else { Join-Path $root "out/$Configuration" }
$manifest = Join-Path $moduleRoot "OAuthAudit/$moduleVersion/OAuthAudit.psd1"
$emulatorAssembly = Join-Path $root "tests/OAuthAudit.Emulator/bin/$Configuration/net10.0/OAuthAudit.Emulator.dll"
if (-not $NoBuild) {
    Invoke-Native -FilePath 'dotnet' -Arguments @('build', (Join-Path $root 'src/OAuthAudit'), '--configuration', $Configuration, '--nologo', '-v', 'q')
    Invoke-Native -FilePath 'dotnet' -Arguments @('build', (Join-Path $root 'tests/OAuthAudit.Emulator'), '--configuration', $Configuration, '--nologo', '-v', 'q')
}

foreach ($required in $manifest, $emulatorAssembly) {
    if (-not (Test-Path -LiteralPath $required)) {
        throw "'$required' is not built. Run without -NoBuild, or build it first (./build.ps1 -Configuration $Configuration)."
    }
}

$peerFolder = Join-Path $PSScriptRoot 'peer'
$runPeer = -not $SkipPeer
if ($runPeer -and -not ((Get-Command node -ErrorAction SilentlyContinue) -and (Get-Command npm -ErrorAction SilentlyContinue))) {
    Write-Warning 'node and npm are not on PATH: the peer (JS SDK) is not measured.'
    $runPeer = $false
}

if ($runPeer -and -not (Test-Path -LiteralPath (Join-Path $peerFolder 'node_modules/purecloud-platform-client-v2/package.json'))) {
    Invoke-Native -FilePath 'npm' -Arguments @('ci', '--no-audit', '--no-fund', '--loglevel=error') -WorkingDirectory $peerFolder
}

$pwshCommand = Get-PwshCommand
$baselineArguments = @()
if ($Baseline) {
    $Baseline = (Resolve-Path -LiteralPath $Baseline).Path
    $baselineArguments = @('-Baseline', $Baseline)
}
$generator = Join-Path $PSScriptRoot 'New-BenchmarkOrganization.ps1'
# Generated organizations are kept, named by what makes them (counts, seed, the generator's own text).
$generatorHash = (Get-FileHash -LiteralPath $generator -Algorithm SHA256).Hash.Substring(0, 12).ToLowerInvariant()

$startedAt = [datetime]::UtcNow
$organizations = foreach ($clientCount in $counts) {
    $name = "org-$clientCount-r$RoleCount-s$Seed-$generatorHash"
    $snapshot = Join-Path $benchOut "orgs/$name.json"
    $summaryPath = Join-Path $benchOut "orgs/$name.summary.json"
    if (-not (Test-Path -LiteralPath $snapshot) -or -not (Test-Path -LiteralPath $summaryPath)) {
        Write-Host "Generating an organization of $clientCount clients and $RoleCount roles (seed $Seed)..."
        $summary = & $generator -ClientCount $clientCount -RoleCount $RoleCount -Seed $Seed -Path $snapshot
        Set-Content -LiteralPath $summaryPath -Value ($summary | ConvertTo-Json) -Encoding utf8
    }

    $summary = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
    $requestLog = Join-Path $logFolder "requests-$clientCount.json"
    Remove-Item -LiteralPath $requestLog -ErrorAction SilentlyContinue

    Write-Host "Organization of $clientCount clients: emulator at $LatencyMilliseconds ms latency, $Iterations iteration(s)..."
    $emulator = Start-Emulator -Assembly $emulatorAssembly -SnapshotPath $snapshot -RequestLogPath $requestLog
    $runs = [System.Collections.Generic.List[object]]::new()
    $warmUps = [System.Collections.Generic.List[object]]::new()
    try {
        $endpoint = $emulator.Endpoint
        $env:OAUTHAUDIT_BENCH_SECRET = $endpoint.secret
        $env:OAUTHAUDIT_BENCH_CLIENT_ID = $endpoint.clientId
        $env:OAUTHAUDIT_BENCH_LOGIN_URI = $endpoint.loginBaseUri
        $env:OAUTHAUDIT_BENCH_API_URI = $endpoint.apiBaseUri
        $moduleResult = Join-Path $runFolder "module-$clientCount.json"
        $peerResult = Join-Path $runFolder "peer-$clientCount.json"
        $moduleCommand = @($pwshCommand) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-ModuleAudit.ps1'),
            '-ManifestPath', $manifest, '-ResultPath', $moduleResult, '-LoginBaseUri', $endpoint.loginBaseUri, '-ApiBaseUri', $endpoint.apiBaseUri, '-ClientId', $endpoint.clientId) + $baselineArguments
        $peerCommand = @('node', (Join-Path $peerFolder 'list-clients.js'), $peerResult)
        # One unmeasured run of each side first: the emulator (standing in for the API, which has no cold start) JITs
        # its own paths on its first requests, which would otherwise be charged to whichever side goes first.
        $warmUps.Add((Invoke-MeasuredRun -Side module -Iteration 0 -Command $moduleCommand -ResultPath $moduleResult))
        if ($runPeer) {
            $warmUps.Add((Invoke-MeasuredRun -Side peer -Iteration 0 -Command $peerCommand -ResultPath $peerResult))
        }

        for ($iteration = 1; $iteration -le $Iterations; $iteration++) {
            # Alternate which side goes first, so neither always runs on a warmer machine.
            $sides = if ($iteration % 2 -eq 1) { 'module', 'peer' } else { 'peer', 'module' }
            foreach ($side in $sides) {
                if ($side -eq 'module') {
                    $runs.Add((Invoke-MeasuredRun -Side module -Iteration $iteration -Command $moduleCommand -ResultPath $moduleResult))
                }
                elseif ($runPeer) {
                    $runs.Add((Invoke-MeasuredRun -Side peer -Iteration $iteration -Command $peerCommand -ResultPath $peerResult))
                }
            }
        }
    }
    finally {
        foreach ($variable in 'SECRET', 'CLIENT_ID', 'LOGIN_URI', 'API_URI') { Remove-Item -LiteralPath "env:OAUTHAUDIT_BENCH_$variable" -ErrorAction SilentlyContinue }
        Stop-Emulator $emulator
    }

    # Each run's requests: those that arrived within its window.
    $log = Get-Content -LiteralPath $requestLog -Raw | ConvertFrom-Json
    foreach ($run in $runs) {
        $requests = @($log.requests | Where-Object { [long] $_.startedTicks -ge $run.StartTicks -and [long] $_.startedTicks -le $run.EndTicks })
        $byPath = [ordered]@{}
        foreach ($group in @($requests | Group-Object { Get-RequestKey $_ } | Sort-Object Name)) { $byPath[$group.Name] = $group.Count }
        $run | Add-Member -NotePropertyName Requests -NotePropertyValue $requests.Count
        $run | Add-Member -NotePropertyName RoundTrips -NotePropertyValue (Get-SequentialRoundTrips $requests)
        $run | Add-Member -NotePropertyName RequestsByPath -NotePropertyValue $byPath
        $run | Add-Member -NotePropertyName FailedRequests -NotePropertyValue @($requests | Where-Object { $null -eq $_.status -or [int] $_.status -ge 400 }).Count
        # How the roles were read: by id filter (how many ids, the largest batch) or by plain pages.
        $roleRequests = @($requests | Where-Object { $_.host -eq 'Api' -and $_.path -eq '/api/v2/authorization/roles' })
        $batches = @($roleRequests | ForEach-Object { , @(Get-RoleIdFilter $_.query) })
        $run | Add-Member -NotePropertyName Roles -NotePropertyValue ([ordered]@{
                requests            = $roleRequests.Count
                unfilteredPages     = @($batches | Where-Object { $_.Count -eq 0 }).Count
                idsRequested        = @($batches | ForEach-Object { $_ } | Sort-Object -Unique).Count
                largestBatch        = [int] ($batches | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
            })
    }

    $warmUpRequests = @($log.requests | Where-Object { $started = [long] $_.startedTicks; @($warmUps | Where-Object { $started -ge $_.StartTicks -and $started -le $_.EndTicks }).Count -gt 0 }).Count
    $unattributed = @($log.requests).Count - ($runs | Measure-Object -Property Requests -Sum).Sum - $warmUpRequests
    if ($unattributed -ne 0) {
        throw "$unattributed request(s) in '$requestLog' fall outside every run's time window."
    }

    $evaluation = $null
    # -Quick evaluates only the largest organization: each evaluation is one more pwsh start.
    if (-not $Quick -or $clientCount -eq ($counts | Measure-Object -Maximum).Maximum) {
        Write-Host "Evaluation throughput for $clientCount clients (offline, through Test-GcOAuthClientScope)..."
        $evaluationResult = Join-Path $runFolder "evaluation-$clientCount.json"
        $evaluationCommand = @($pwshCommand) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-ModuleAudit.ps1'),
            '-Mode', 'Evaluation', '-ManifestPath', $manifest, '-ResultPath', $evaluationResult, '-SnapshotPath', $snapshot) + $baselineArguments
        $evaluation = (Invoke-MeasuredRun -Side module -Iteration 1 -Command $evaluationCommand -ResultPath $evaluationResult).Reported
    }

    $sidesSummary = [ordered]@{}
    foreach ($side in 'module', 'peer') {
        $sideRuns = @($runs | Where-Object Side -eq $side)
        if ($sideRuns.Count -eq 0) { $sidesSummary[$side] = $null; continue }
        $sidesSummary[$side] = [ordered]@{
            median = [ordered]@{
                wallMs          = Get-Median ($sideRuns | ForEach-Object { $_.Reported.wallMs })
                firstObjectMs   = Get-Median ($sideRuns | ForEach-Object { $_.Reported.firstObjectMs })
                importMs        = Get-Median ($sideRuns | ForEach-Object { $_.Reported.importMs })
                cpuMs           = Get-Median ($sideRuns | ForEach-Object { $_.Reported.cpuMs })
                peakMemoryBytes = Get-Median ($sideRuns | ForEach-Object { $_.Reported.peakMemoryBytes })
                processWallMs   = Get-Median ($sideRuns | ForEach-Object { $_.ProcessWallMs })
                requests        = Get-Median ($sideRuns | ForEach-Object { $_.Requests })
                roundTrips      = Get-Median ($sideRuns | ForEach-Object { $_.RoundTrips })
            }
            requestsByPath = $sideRuns[-1].RequestsByPath
            roles          = $sideRuns[-1].Roles
            runs           = @($sideRuns | ForEach-Object {
                    [ordered]@{
                        iteration = $_.Iteration; processWallMs = $_.ProcessWallMs; requests = $_.Requests; roundTrips = $_.RoundTrips
                        failedRequests = $_.FailedRequests; requestsByPath = $_.RequestsByPath; roles = $_.Roles; reported = $_.Reported
                    }
                })
        }
    }

    $ratios = $null
    if ($sidesSummary.module -and $sidesSummary.peer) {
        $ratios = [ordered]@{}
        foreach ($metric in 'wallMs', 'firstObjectMs', 'cpuMs', 'peakMemoryBytes', 'processWallMs', 'requests', 'roundTrips') {
            $peerValue = $sidesSummary.peer.median[$metric]
            $ratios[$metric] = if ($peerValue) { [math]::Round($sidesSummary.module.median[$metric] / $peerValue, 2) } else { $null }
        }
    }

    [ordered]@{
        clients                  = $clientCount
        clientCredentialsClients = $summary.ClientCredentialsClients
        roles                    = $summary.Roles
        referencedRoles          = $summary.ReferencedRoles
        divisions                = $summary.Divisions
        scopes                   = $summary.Scopes
        clientPages              = 1
        seed                     = $Seed
        snapshot                 = [System.IO.Path]::GetRelativePath($root, $snapshot)
        module                   = $sidesSummary.module
        peer                     = $sidesSummary.peer
        ratios                   = $ratios
        evaluation               = if ($evaluation) {
            [ordered]@{
                clients = $evaluation.clients; rules = $evaluation.rules; evaluationMs = $evaluation.evaluationMs
                clientRulesPerSecond = $evaluation.clientRulesPerSecond; peakMemoryBytes = $evaluation.peakMemoryBytes
            }
        }
    }
}

$results = [ordered]@{
    kind                = 'OAuthAudit.Benchmark'
    schemaVersion       = 1
    startedAt           = $startedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
    finishedAt          = [datetime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
    quick               = [bool] $Quick
    iterations          = $Iterations
    latencyMilliseconds = $LatencyMilliseconds
    configuration       = $Configuration
    baseline            = if ($Baseline) { $Baseline } else { 'built-in' }
    moduleVersion       = "$moduleVersion"
    peerSdk             = if ($runPeer) { (Get-Content -LiteralPath (Join-Path $peerFolder 'node_modules/purecloud-platform-client-v2/package.json') -Raw | ConvertFrom-Json).version } else { $null }
    machine             = Get-MachineDescription
    organizations       = @($organizations)
}

$null = New-Item -ItemType Directory -Path (Split-Path -Parent $OutputPath) -Force
Set-Content -LiteralPath $OutputPath -Value ($results | ConvertTo-Json -Depth 12) -Encoding utf8

# --- the table ---
function Format-Value($Value, [string] $Unit) {
    if ($null -eq $Value) { return '-' }
    switch ($Unit) {
        'ms' { '{0:N0} ms' -f $Value }
        'MiB' { '{0:N0} MiB' -f ($Value / 1MB) }
        default { '{0:N0}' -f $Value }
    }
}

$metrics = @(
    @{ Name = 'requests'; Label = 'requests'; Unit = '' }
    @{ Name = 'roundTrips'; Label = 'sequential round trips'; Unit = '' }
    @{ Name = 'wallMs'; Label = 'in-script wall time'; Unit = 'ms' }
    @{ Name = 'firstObjectMs'; Label = 'time to first object'; Unit = 'ms' }
    @{ Name = 'cpuMs'; Label = 'CPU'; Unit = 'ms' }
    @{ Name = 'peakMemoryBytes'; Label = 'peak memory'; Unit = 'MiB' }
    @{ Name = 'processWallMs'; Label = 'process wall time (with start-up)'; Unit = 'ms' }
)
$rows = foreach ($organization in $results.organizations) {
    foreach ($metric in $metrics) {
        $module = if ($organization.module) { $organization.module.median[$metric.Name] } else { $null }
        $peer = if ($organization.peer) { $organization.peer.median[$metric.Name] } else { $null }
        [pscustomobject]@{
            Clients = $organization.clients
            Metric  = $metric.Label
            Module  = Format-Value $module $metric.Unit
            Peer    = Format-Value $peer $metric.Unit
            Ratio   = if ($organization.ratios -and $null -ne $organization.ratios[$metric.Name]) { '{0:N2}x' -f $organization.ratios[$metric.Name] } else { '-' }
        }
    }

    if ($organization.evaluation) {
        [pscustomobject]@{
            Clients = $organization.clients
            Metric  = "evaluation ($($organization.evaluation.rules) rules, $('{0:N0}' -f $organization.evaluation.evaluationMs) ms)"
            Module  = '{0:N0} client-rules/s' -f $organization.evaluation.clientRulesPerSecond
            Peer    = '-'
            Ratio   = '-'
        }
    }
}

$rows | Format-Table -AutoSize | Out-Host
Write-Host "Latency $LatencyMilliseconds ms, $Iterations iteration(s), medians. Results: $OutputPath"
