<#
.SYNOPSIS
    Azure Automation runbook: audits every OAuth client of a Genesys Cloud organization against a baseline, and
    fails the job when a client fails at or above -FailOn.

.DESCRIPTION
    Connects with the client id and secret kept in an Automation credential asset (user name = client id,
    password = client secret; the OAuth client needs the Client Credentials grant and a role with
    oauth:client:view, authorization:role:view and authorization:division:view), reads every OAuth client and
    checks each one against the baseline: the file -BaselinePath names, read and checked once, or the module's
    built-in baseline.

    The job writes one ClientAuditResult per client to the output stream (each client is evaluated once), so a
    parent runbook or a caller of the job's output gets the objects. Each outstanding finding at or above -FailOn
    is also written as a warning (most severe first, with its remediation), since Azure Automation keeps warnings
    in the job history; -Verbose adds a summary of how many clients Fail, Warn, Pass or have no rule that applies.
    When any client fails at or above -FailOn, the runbook ends with a terminating AuditFailed error, so the job's
    status is Failed and an alert on failed jobs reaches whoever owns the policy; otherwise the job Completes. It
    always disconnects.

    It only reads: nothing in the organization is changed. It runs on the Windows PowerShell 5.1 and the
    PowerShell 7 runtimes.

.PARAMETER Region
    The Genesys Cloud region of the organization, such as us-east-1, eu-west-1 or ap-southeast-2. Required
    unless -SnapshotPath is given.

.PARAMETER CredentialName
    The name of the Automation credential asset that holds the OAuth client id (user name) and secret
    (password). Default: GenesysAudit.

.PARAMETER BaselinePath
    The baseline file (YAML, samples/baseline-format.md) on the worker: on a Hybrid Runbook Worker a path on its
    disk; in Azure's sandboxes a file the job put in $env:TEMP first. Without it the built-in baseline applies.

.PARAMETER FailOn
    The lowest severity that fails the job: Info, Low, Medium, High (default) or Critical. Findings below it are
    counted in the summary and in each client's outcome but do not fail the job.

.PARAMETER SnapshotPath
    Audit a snapshot instead of the live organization: a snapshot file (samples/README.md) on the worker. No
    credential asset is read and nothing is contacted; -Region and -CredentialName are then not used.

.EXAMPLE
    # Once: build the package and import it into the Automation account (portal: Automation account > Modules >
    # Add a module > Browse for file > out/OAuthAudit.zip, with the runtime version the runbook uses), or with Az
    # from a place the Automation service can read (the zip, its folder and its manifest are all named OAuthAudit):
    ./build.ps1 -Task Package
    $storage = New-AzStorageContext -StorageAccountName 'contosoautomation' -UseConnectedAccount
    Set-AzStorageBlobContent -Context $storage -Container 'modules' -File ./out/OAuthAudit.zip -Blob 'OAuthAudit.zip' -Force
    $uri = New-AzStorageBlobSASToken -Context $storage -Container 'modules' -Blob 'OAuthAudit.zip' -Permission r -ExpiryTime (Get-Date).AddHours(1) -FullUri
    New-AzAutomationModule -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Name 'OAuthAudit' -ContentLinkUri $uri -RuntimeVersion '7.2'
    (Get-AzAutomationModule -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Name 'OAuthAudit' -RuntimeVersion '7.2').ProvisioningState   # Succeeded when imported

    # The credential asset: user name = the OAuth client id, password = its secret.
    $credential = Get-Credential -UserName '3d4a0b6c-…' -Message 'Genesys Cloud OAuth client secret'
    New-AzAutomationCredential -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Name 'GenesysAudit' -Value $credential

    # The runbook, then a run:
    Import-AzAutomationRunbook -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Path ./samples/runbooks/Invoke-OAuthAudit.ps1 -Type PowerShell -Published
    Start-AzAutomationRunbook -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Name 'Invoke-OAuthAudit' -Parameters @{ Region = 'eu-west-1'; FailOn = 'High' }

.EXAMPLE
    ./samples/runbooks/Invoke-OAuthAudit.ps1 -SnapshotPath ./samples/demo-org.json -BaselinePath ./samples/baseline.yml

    Outside Azure Automation, on a snapshot: no credential asset is needed. The output is one ClientAuditResult per
    client (pipe it to Format-Table or Export-Csv); add -Verbose for the summary.

.NOTES
    Errors keep their ErrorId in the job's exception: AuditFailed (clients fail the baseline), RegionRequired
    (neither -Region nor -SnapshotPath), and the module's own, such as CredentialsRejected, MissingPermission or
    BaselineInvalid (Get-Help about_OAuthAudit, ERRORS).
#>
[CmdletBinding()]
[OutputType('OAuthAudit.Engine.Rules.ClientAuditResult')]
param(
    [string] $Region,

    [string] $CredentialName = 'GenesysAudit',

    [string] $BaselinePath,

    [ValidateSet('Info', 'Low', 'Medium', 'High', 'Critical')]
    [string] $FailOn = 'High',

    [string] $SnapshotPath
)

$ErrorActionPreference = 'Stop'
Import-Module OAuthAudit

function New-RunbookError([string] $Message, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category, $Target) {
    [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new($Message), $ErrorId, $Category, $Target)
}

try {
    if ($SnapshotPath) {
        $context = Connect-GcOrganization -SnapshotPath $SnapshotPath
    }
    else {
        if (-not $Region) {
            $PSCmdlet.ThrowTerminatingError((New-RunbookError 'Give -Region, the region of the Genesys Cloud organization (such as eu-west-1), or -SnapshotPath to audit a snapshot.' 'RegionRequired' InvalidArgument $null))
        }

        $context = Connect-GcOrganization -Credential (Get-AutomationPSCredential -Name $CredentialName) -Region $Region
    }

    if ($BaselinePath) {
        $baseline = Get-GcOAuthBaseline -Path $BaselinePath
    }
    else {
        $baseline = Get-GcOAuthBaseline
    }

    # Each client is evaluated once; the verdict below is read from these results.
    $results = @(Get-GcOAuthClient | Test-GcOAuthClientScope -BaselineObject $baseline)
    $results

    $outcomes = [ordered]@{ Fail = 0; Warning = 0; Pass = 0; NotApplicable = 0 }
    foreach ($result in $results) {
        $outcomes[[string]$result.Outcome] += 1
    }

    $PSCmdlet.WriteVerbose("OAuth audit of $($context.OrganizationName) against baseline '$($baseline.Name)': $($results.Count) clients, failing the job at $FailOn or above.")
    foreach ($outcome in $outcomes.Keys) {
        $PSCmdlet.WriteVerbose(('  {0,-14} {1}' -f ($outcome + ':'), $outcomes[$outcome]))
    }

    $threshold = [OAuthAudit.Engine.Rules.Severity] $FailOn
    $failingClients = @(foreach ($result in $results) {
            $atOrAbove = @($result.Findings | Where-Object { $_.IsOutstanding -and $_.Severity -ge $threshold })
            if ($atOrAbove.Count -gt 0) {
                [pscustomobject]@{ Result = $result; Findings = $atOrAbove }
            }
        })
    $failing = @($failingClients | ForEach-Object { $_.Findings })
    $PSCmdlet.WriteVerbose("$($failing.Count) outstanding finding(s) at $FailOn or above.")
    foreach ($severity in 'Critical', 'High', 'Medium', 'Low', 'Info') {
        foreach ($finding in $failing) {
            if ([string]$finding.Severity -eq $severity) {
                $line = "[$severity] $($finding.RuleId) '$($finding.ClientName)': $($finding.Message)"
                if ($finding.Remediation) {
                    $line += " Remediation: $($finding.Remediation)"
                }

                $PSCmdlet.WriteWarning($line)
            }
        }
    }

    if ($failingClients.Count -gt 0) {
        $names = ($failingClients | ForEach-Object { "'$($_.Result.ClientName)'" }) -join ', '
        $PSCmdlet.ThrowTerminatingError((New-RunbookError "$($failingClients.Count) OAuth client(s) fail baseline '$($baseline.Name)' at or above ${FailOn}: $names." 'AuditFailed' InvalidResult ([object[]] @($failingClients | ForEach-Object { $_.Result }))))
    }

    $PSCmdlet.WriteVerbose("No client fails baseline '$($baseline.Name)' at $FailOn or above.")
}
finally {
    Disconnect-GcOrganization
}
