<#
.SYNOPSIS
    Azure Automation parent runbook: audits many Genesys Cloud organizations, one child job per organization, then
    merges their runs into one multi-organization report in a storage container.

.DESCRIPTION
    Reads the list of organizations (-Organizations, or the Automation variable -OrganizationsVariable), starts one
    job of the child runbook Invoke-OAuthAuditOrganization.ps1 per organization with Start-AzAutomationRunbook (at
    most -ThrottleLimit at a time), and polls the jobs with Get-AzAutomationJob until all are done or
    -TimeBudgetMinutes has passed. Each child reads its organization's credential asset itself and writes its run
    document to <RunId>/runs/<name>.json in the container; the parent never sees a Genesys credential.

    Then it downloads the run documents of the children that completed, merges them with Merge-GcOAuthAuditRun and
    writes the merged report in each -Format to <RunId>/merged/ in the container.

    It fails closed: an organization whose job failed, was stopped or suspended, did not finish within the time
    budget (its job is stopped), could not be started, wrote no run document, or wrote a run of an organization
    another entry already reached (a credential asset of the wrong organization) is missing. Then the merged
    reports are named oauth-audit-merged-INCOMPLETE.<ext> (never the name of a complete merge), each missing
    organization is written as a warning with the reason, and the job ends with a terminating OrganizationsMissing
    error naming them. With every organization in, -FailOn ends the job with AuditFailed when a run has an
    outstanding finding at or above that severity or anything it could not judge. Failed jobs are what an alert
    on the Automation account should watch.

    It signs in with the Automation account's managed identity (Connect-AzAccount -Identity). It runs on the
    Windows PowerShell 5.1 and PowerShell 7 runtimes.

.PARAMETER ResourceGroupName
    The resource group of the Automation account the child jobs are started in.

.PARAMETER AutomationAccountName
    The Automation account the child jobs are started in (normally this runbook's own).

.PARAMETER Organizations
    The organizations, as JSON: an array of objects with name (letters, digits, '.', '_' or '-', unique; names
    the run's blob), credentialName (the credential asset of its OAuth client) and region (or environment, or
    apiBaseUri and loginBaseUri). Without it the Automation variable -OrganizationsVariable holds the same JSON.

.PARAMETER OrganizationsVariable
    The Automation variable (a string) with the organizations' JSON when -Organizations is not given. Default:
    OAuthAuditOrganizations.

.PARAMETER StorageAccountName
    The storage account of the container. The identity needs Storage Blob Data Contributor on it.

.PARAMETER ContainerName
    The blob container for the runs and the merged reports. Default: oauth-audit.

.PARAMETER BaselineBlob
    A baseline file (YAML) in the container that every child audits against; without it the built-in baseline.

.PARAMETER RunId
    The folder of this audit in the container. Default: the UTC time and a random suffix, so no run of an
    earlier audit is ever merged into this one.

.PARAMETER ChildRunbookName
    The name of the child runbook in the Automation account. Default: Invoke-OAuthAuditOrganization.

.PARAMETER RunOn
    A Hybrid Runbook Worker group to run the children on; without it they run in Azure's sandboxes.

.PARAMETER ThrottleLimit
    How many child jobs run at the same time. Default: 5. Keep it under the account's limit of concurrent jobs,
    counting this job.

.PARAMETER TimeBudgetMinutes
    How long to wait for the children. Default: 120, which leaves time to merge within the 3 hours a job may
    run in an Azure sandbox (fair share). A child still running then is stopped and reported missing.

.PARAMETER PollSeconds
    How often the children's status is read. Default: 30.

.PARAMETER Format
    The merged report's formats: Html, Json, Csv, JUnit, Sarif or Markdown. Default: Html, Json.

.PARAMETER FailOn
    The lowest severity that fails the job: Info, Low, Medium, High (default) or Critical. Missing
    organizations always fail it.

.PARAMETER IdentityClientId
    The client id of a user-assigned managed identity, for this job and the children; without it the
    system-assigned identity is used.

.EXAMPLE
    $organizations = '[{"name":"northwind","credentialName":"GenesysAudit-northwind","region":"eu-west-1"},{"name":"contoso","credentialName":"GenesysAudit-contoso","region":"us-east-1"}]'
    New-AzAutomationVariable -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Name 'OAuthAuditOrganizations' -Value $organizations -Encrypted $false
    Start-AzAutomationRunbook -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Name 'Start-OAuthAuditFanOut' -Parameters @{ ResourceGroupName = 'rg-ops'; AutomationAccountName = 'aa-ops'; StorageAccountName = 'contosoaudit' }

    Keeps the list of organizations in an Automation variable and starts an audit of all of them; the merged
    report goes to oauth-audit/<RunId>/merged/oauth-audit-merged.html and .json.

.NOTES
    Errors keep their ErrorId in the job's exception: OrganizationsMissing (an organization has no run),
    AuditFailed (findings at or above -FailOn, or errors), OrganizationListInvalid (the list is not what it should
    be), and the module's own (Get-Help about_OAuthAudit, ERRORS).
#>
[CmdletBinding()]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $AutomationAccountName,

    [string] $Organizations,

    [string] $OrganizationsVariable = 'OAuthAuditOrganizations',

    [Parameter(Mandatory = $true)]
    [string] $StorageAccountName,

    [string] $ContainerName = 'oauth-audit',

    [string] $BaselineBlob,

    [string] $RunId,

    [string] $ChildRunbookName = 'Invoke-OAuthAuditOrganization',

    [string] $RunOn,

    [ValidateRange(1, 200)]
    [int] $ThrottleLimit = 5,

    [ValidateRange(0, 1440)]
    [double] $TimeBudgetMinutes = 120,

    [ValidateRange(0, 3600)]
    [double] $PollSeconds = 30,

    [ValidateSet('Html', 'Json', 'Csv', 'JUnit', 'Sarif', 'Markdown')]
    [string[]] $Format = @('Html', 'Json'),

    [ValidateSet('Info', 'Low', 'Medium', 'High', 'Critical')]
    [string] $FailOn = 'High',

    [string] $IdentityClientId
)

$ErrorActionPreference = 'Stop'
Import-Module OAuthAudit -Verbose:$false

function New-RunbookError([string] $Message, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category, $Target) {
    [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new($Message), $ErrorId, $Category, $Target)
}

function Stop-Runbook([string] $Message, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category, $Target) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookError $Message $ErrorId $Category $Target))
}

function Read-OrganizationList([string] $Json, [string] $Source) {
    # The list is checked whole before any job starts: a typo never audits some organizations and not others.
    $fix = 'Give a JSON array such as [{"name":"northwind","credentialName":"GenesysAudit-northwind","region":"eu-west-1"}].'
    try {
        # Through ForEach-Object: Windows PowerShell 5.1 writes a JSON array as one object.
        $entries = @(ConvertFrom-Json -InputObject $Json | ForEach-Object { $_ })
    }
    catch {
        Stop-Runbook "$Source is not JSON: $($_.Exception.Message) $fix" 'OrganizationListInvalid' InvalidData $Source
    }

    if ($entries.Count -eq 0) {
        Stop-Runbook "$Source lists no organization. $fix" 'OrganizationListInvalid' InvalidData $Source
    }

    $known = 'name', 'credentialName', 'region', 'environment', 'apiBaseUri', 'loginBaseUri'
    $names = @{}
    $assets = @{}
    $index = 0
    foreach ($entry in $entries) {
        $where = "$Source, entry $index"
        $index += 1
        if ($entry -isnot [System.Management.Automation.PSCustomObject]) {
            Stop-Runbook "${where}: '$entry' is not an object. $fix" 'OrganizationListInvalid' InvalidData $Source
        }

        foreach ($property in $entry.PSObject.Properties) {
            if ($known -cnotcontains $property.Name) {
                Stop-Runbook "${where}: '$($property.Name)' is not a key of an organization; the keys are $($known -join ', ')." 'OrganizationListInvalid' InvalidData $Source
            }

            if ($property.Value -isnot [string]) {
                Stop-Runbook "${where}: '$($property.Name)' must be a string." 'OrganizationListInvalid' InvalidData $Source
            }
        }

        $name = [string] $entry.name
        if ($name -cnotmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$') {
            Stop-Runbook "${where}: name '$name' must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit (it names the run's blob)." 'OrganizationListInvalid' InvalidData $Source
        }

        if ($names.ContainsKey($name)) {
            Stop-Runbook "${where}: name '$name' is listed twice; each organization needs its own name." 'OrganizationListInvalid' InvalidData $Source
        }

        $names[$name] = $true
        if (-not $entry.credentialName) {
            Stop-Runbook "${where} ('$name'): credentialName is missing; it names the credential asset of the organization's OAuth client." 'OrganizationListInvalid' InvalidData $Source
        }

        # One OAuth client per organization: two jobs on one client would share its rate limit (and audit one organization twice).
        if ($assets.ContainsKey($entry.credentialName)) {
            Stop-Runbook "${where} ('$name'): credentialName '$($entry.credentialName)' is also that of '$($assets[$entry.credentialName])'; each organization needs its own credential asset." 'OrganizationListInvalid' InvalidData $Source
        }

        $assets[$entry.credentialName] = $name

        if (-not $entry.region -and -not $entry.environment -and -not ($entry.apiBaseUri -and $entry.loginBaseUri)) {
            Stop-Runbook "${where} ('$name'): give region (such as eu-west-1), environment, or apiBaseUri and loginBaseUri." 'OrganizationListInvalid' InvalidData $Source
        }

        $entry
    }
}

function Get-ChildParameters($Entry) {
    $parameters = @{
        Organization       = [string] $Entry.name
        CredentialName     = [string] $Entry.credentialName
        StorageAccountName = $StorageAccountName
        ContainerName      = $ContainerName
        RunBlob            = "$RunId/runs/$($Entry.name).json"
    }
    foreach ($pair in @(@('region', 'Region'), @('environment', 'Environment'), @('apiBaseUri', 'ApiBaseUri'), @('loginBaseUri', 'LoginBaseUri'))) {
        if ($Entry.($pair[0])) {
            $parameters[$pair[1]] = [string] $Entry.($pair[0])
        }
    }

    if ($BaselineBlob) {
        $parameters.BaselineBlob = $BaselineBlob
    }

    if ($IdentityClientId) {
        $parameters.IdentityClientId = $IdentityClientId
    }

    $parameters
}

function Test-RunFails($Document, [int] $Threshold) {
    # Why a run document fails -FailOn, or $null: as Invoke-GcOAuthAudit -FailOn judges a run.
    $reasons = @()
    $severities = 'Info', 'Low', 'Medium', 'High', 'Critical'
    $atOrAbove = 0
    for ($level = $Threshold; $level -lt $severities.Count; $level++) {
        $atOrAbove += [int] $Document.summary.bySeverity.($severities[$level])
    }

    if ($atOrAbove -gt 0) {
        $reasons += "$atOrAbove outstanding finding(s) at or above $FailOn"
    }

    $unjudged = [int] $Document.summary.byOutcome.Error + [int] $Document.summary.byOutcome.Skipped
    if ($unjudged -gt 0) {
        $reasons += "$unjudged client(s) not judged (Error or Skipped)"
    }

    if ([int] $Document.summary.errors -gt 0) {
        $reasons += "$($Document.summary.errors) error(s)"
    }

    if ($reasons.Count -gt 0) {
        # The name is the organization's own text: control characters shown, never sent to the job's output.
        "$([OAuthAudit.Engine.Text.DisplayText]::Visible([string] $Document.organization.name)): $($reasons -join ', ')"
    }
}

if (-not $RunId) {
    $RunId = [DateTime]::UtcNow.ToString('yyyyMMddTHHmmssZ') + '-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
}

if ($RunId -cnotmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$') {
    Stop-Runbook "RunId '$RunId' must be 1 to 100 letters, digits, '.', '_' or '-' (it is the folder of this audit in the container)." 'RunIdInvalid' InvalidArgument $RunId
}

$null = Disable-AzContextAutosave -Scope Process
if ($IdentityClientId) {
    $null = Connect-AzAccount -Identity -AccountId $IdentityClientId
}
else {
    $null = Connect-AzAccount -Identity
}

if ($Organizations) {
    $list = @(Read-OrganizationList $Organizations '-Organizations')
}
else {
    $value = Get-AutomationVariable -Name $OrganizationsVariable
    if ($value -isnot [string]) {
        Stop-Runbook "The Automation variable '$OrganizationsVariable' must be a string holding the organizations' JSON (or give -Organizations)." 'OrganizationListInvalid' InvalidData $OrganizationsVariable
    }

    $list = @(Read-OrganizationList $value "Automation variable '$OrganizationsVariable'")
}

$storage = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
$automation = @{ ResourceGroupName = $ResourceGroupName; AutomationAccountName = $AutomationAccountName }
$PSCmdlet.WriteVerbose("OAuth audit $RunId of $($list.Count) organization(s): at most $ThrottleLimit child job(s) at a time, $TimeBudgetMinutes minute(s) to finish.")

# Fan out and wait. Each organization ends with a Status: Completed, or why it has no run.
$status = [ordered]@{}
$pending = New-Object System.Collections.Generic.Queue[object]
foreach ($entry in $list) {
    $status[$entry.name] = [pscustomobject]@{ Organization = $entry.name; JobId = $null; Status = 'NotStarted'; Reason = 'not started within the time budget' }
    $pending.Enqueue($entry)
}

$running = New-Object System.Collections.Generic.List[object]
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$budget = [TimeSpan]::FromMinutes($TimeBudgetMinutes)
while (($pending.Count -gt 0 -or $running.Count -gt 0) -and $clock.Elapsed -lt $budget) {
    while ($pending.Count -gt 0 -and $running.Count -lt $ThrottleLimit) {
        $entry = $pending.Dequeue()
        $start = @{ Name = $ChildRunbookName; Parameters = (Get-ChildParameters $entry) }
        if ($RunOn) {
            $start.RunOn = $RunOn
        }

        try {
            $job = Start-AzAutomationRunbook @automation @start
            $status[$entry.name].JobId = $job.JobId
            $status[$entry.name].Status = 'Running'
            $status[$entry.name].Reason = $null
            $running.Add($entry)
            $PSCmdlet.WriteVerbose("Started job $($job.JobId) for '$($entry.name)'.")
        }
        catch {
            $status[$entry.name].Status = 'NotStarted'
            $status[$entry.name].Reason = "its job could not be started: $($_.Exception.Message)"
        }
    }

    if ($running.Count -eq 0) {
        continue
    }

    Start-Sleep -Milliseconds ([int] ($PollSeconds * 1000))
    foreach ($entry in $running.ToArray()) {
        $state = $status[$entry.name]
        try {
            $job = Get-AzAutomationJob @automation -Id $state.JobId
        }
        catch {
            # A failed status read (throttling, a network blip) is asked again at the next poll, within the budget.
            $PSCmdlet.WriteVerbose("Reading job $($state.JobId) for '$($entry.name)' failed, asking again: $($_.Exception.Message)")
            continue
        }

        $jobStatus = [string] $job.Status
        if ($jobStatus -eq 'Completed') {
            $state.Status = 'Completed'
        }
        elseif ('Failed', 'Stopped', 'Suspended' -contains $jobStatus) {
            # Suspended jobs wait for someone to resume them; this audit does not.
            $state.Status = $jobStatus
            $state.Reason = "its job $($state.JobId) ended $jobStatus"
            if ($job.Exception) {
                $state.Reason += ": $([OAuthAudit.Engine.Text.DisplayText]::Visible([string] $job.Exception))"
            }
        }
        else {
            continue
        }

        $null = $running.Remove($entry)
        $PSCmdlet.WriteVerbose("Job $($state.JobId) for '$($entry.name)': $($state.Status).")
    }
}

foreach ($entry in $running) {
    $state = $status[$entry.name]
    $state.Status = 'TimedOut'
    $state.Reason = "its job $($state.JobId) was still running after $TimeBudgetMinutes minute(s) and was stopped"
    try {
        $null = Stop-AzAutomationJob @automation -Id $state.JobId
    }
    catch {
        $state.Reason = "its job $($state.JobId) was still running after $TimeBudgetMinutes minute(s) and could not be stopped: $($_.Exception.Message)"
    }
}

# Merge: only the runs this audit's children wrote, and only of the children that completed.
$work = Join-Path ([System.IO.Path]::GetTempPath()) ('oauth-audit-merge-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
try {
    $written = @{}
    foreach ($blob in @(Get-AzStorageBlob -Context $storage -Container $ContainerName -Prefix "$RunId/runs/")) {
        $written[$blob.Name] = $true
    }

    $files = New-Object System.Collections.Generic.List[string]
    $audited = @{}
    $failing = New-Object System.Collections.Generic.List[string]
    $threshold = [array]::IndexOf([string[]] @('Info', 'Low', 'Medium', 'High', 'Critical'), $FailOn)
    foreach ($entry in $list) {
        $state = $status[$entry.name]
        if ($state.Status -ne 'Completed') {
            continue
        }

        $blobName = "$RunId/runs/$($entry.name).json"
        if (-not $written.ContainsKey($blobName)) {
            $state.Status = 'NoRun'
            $state.Reason = "its job $($state.JobId) completed but wrote no run ($blobName)"
            continue
        }

        $file = Join-Path $work "$($entry.name).json"
        $null = Get-AzStorageBlobContent -Context $storage -Container $ContainerName -Blob $blobName -Destination $file -Force
        $document = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
        $organizationId = [OAuthAudit.Engine.Text.DisplayText]::Visible([string] $document.organization.id)
        if ($audited.ContainsKey($organizationId)) {
            # Two entries reached one organization: a credential asset belongs to another organization.
            $state.Status = 'Duplicate'
            $state.Reason = "its run is of the same organization ($organizationId) as the run of '$($audited[$organizationId])': one of their credential assets is another organization's"
            continue
        }

        $audited[$organizationId] = $entry.name
        $files.Add($file)
        $why = Test-RunFails $document $threshold
        if ($why) {
            $failing.Add($why)
        }
    }

    $missing = @($status.Values | Where-Object { $_.Status -ne 'Completed' })
    foreach ($state in $missing) {
        $PSCmdlet.WriteWarning("Organization '$($state.Organization)' has no run in this audit: $($state.Reason).")
    }

    $reports = @()
    if ($files.Count -gt 0) {
        $baseName = 'oauth-audit-merged'
        if ($missing.Count -gt 0) {
            $baseName = 'oauth-audit-merged-INCOMPLETE'
        }

        $merged = Merge-GcOAuthAuditRun -LiteralPath $files.ToArray()
        foreach ($reportFormat in $Format) {
            $extension = @{ Html = '.html'; Json = '.json'; Csv = '.csv'; JUnit = '.xml'; Sarif = '.sarif'; Markdown = '.md' }[$reportFormat]
            $report = Join-Path $work "$baseName$extension"
            $null = $merged | Export-GcOAuthAuditReport -Path $report -Format $reportFormat -Force
            $blobName = "$RunId/merged/$baseName$extension"
            $null = Set-AzStorageBlobContent -Context $storage -Container $ContainerName -File $report -Blob $blobName -Force
            $reports += $blobName
        }
    }

    [pscustomobject]@{
        RunId         = $RunId
        Organizations = $list.Count
        Merged        = $files.Count
        Missing       = [string[]] @($missing | ForEach-Object { $_.Organization })
        Reports       = [string[]] $reports
        Jobs          = @($status.Values)
    }

    if ($missing.Count -gt 0) {
        $lines = ($missing | ForEach-Object { "'$($_.Organization)' ($($_.Reason))" }) -join '; '
        Stop-Runbook "$($missing.Count) of $($list.Count) organization(s) have no run in audit ${RunId}, so the merged result is incomplete: $lines." 'OrganizationsMissing' InvalidResult ([string[]] @($missing | ForEach-Object { $_.Organization }))
    }

    if ($failing.Count -gt 0) {
        Stop-Runbook "The audit $RunId fails at or above ${FailOn}: $($failing -join '; ')." 'AuditFailed' InvalidResult $RunId
    }

    $PSCmdlet.WriteVerbose("All $($list.Count) organization(s) audited; nothing at or above $FailOn.")
}
finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
