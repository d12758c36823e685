<#
.SYNOPSIS
    Azure Automation child runbook: audits one Genesys Cloud organization and writes its run document (JSON) to a
    blob in a storage container. Start-OAuthAuditFanOut.ps1 starts one job of it per organization.

.DESCRIPTION
    Connects to Azure with the Automation account's managed identity (for the storage container only), reads the
    OAuth client id (user name) and secret (password) of the organization from the credential asset
    -CredentialName, audits every OAuth client with Invoke-GcOAuthAudit against the baseline (the blob
    -BaselineBlob of the same container, or the module's built-in baseline) and uploads the run document to the
    blob -RunBlob. The parent runbook merges the run documents of all organizations once every child is done.

    An organization that can be connected to but not listed still gets a run document: an Error run, which the
    merge shows and the parent's -FailOn fails. Anything that prevents a run document (the credential asset is
    missing, the secret is rejected, the container cannot be written) fails the job, and the parent reports the
    organization as missing. The child never judges -FailOn itself: the parent does, on the merged result.

    The credential is read inside this job and only handed to Connect-GcOrganization; it is never written to any
    stream. It only reads from the organization. It runs on the Windows PowerShell 5.1 and PowerShell 7 runtimes.

.PARAMETER Organization
    The organization's label in the parent's list: used in messages and in the job's output only.

.PARAMETER CredentialName
    The Automation credential asset with the organization's OAuth client id (user name) and secret (password).

.PARAMETER Region
    The organization's Genesys Cloud region, such as eu-west-1. Give -Region, -Environment, or -ApiBaseUri and
    -LoginBaseUri.

.PARAMETER Environment
    The organization's Genesys Cloud environment (host suffix), such as mypurecloud.ie, instead of -Region.

.PARAMETER ApiBaseUri
    The API base address, with -LoginBaseUri, for an endpoint that is neither a region nor an environment.

.PARAMETER LoginBaseUri
    The login base address, with -ApiBaseUri.

.PARAMETER StorageAccountName
    The storage account of the container; the managed identity needs Storage Blob Data Contributor on it.

.PARAMETER ContainerName
    The blob container the run document goes to (and -BaselineBlob is read from).

.PARAMETER RunBlob
    The name of the blob the run document is written to, such as 20261202T0100Z-1a2b/runs/northwind.json.

.PARAMETER BaselineBlob
    A baseline file (YAML, samples/baseline-format.md) in the container, downloaded to the job's temporary
    folder. Without it the built-in baseline applies.

.PARAMETER IdentityClientId
    The client id of a user-assigned managed identity; without it the system-assigned identity is used.

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName 'rg-ops' -AutomationAccountName 'aa-ops' -Name 'Invoke-OAuthAuditOrganization' -Parameters @{ Organization = 'northwind'; CredentialName = 'GenesysAudit-northwind'; Region = 'eu-west-1'; StorageAccountName = 'contosoaudit'; ContainerName = 'oauth-audit'; RunBlob = 'manual/runs/northwind.json' }

    Audits one organization by hand; Start-OAuthAuditFanOut.ps1 normally starts it.

.NOTES
    Errors keep their ErrorId in the job's exception: CredentialAssetMissing, LocationRequired, and the module's
    own, such as CredentialsRejected or BaselineInvalid (Get-Help about_OAuthAudit, ERRORS).
#>
[CmdletBinding()]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory = $true)]
    [string] $Organization,

    [Parameter(Mandatory = $true)]
    [string] $CredentialName,

    [string] $Region,

    [string] $Environment,

    [string] $ApiBaseUri,

    [string] $LoginBaseUri,

    [Parameter(Mandatory = $true)]
    [string] $StorageAccountName,

    [Parameter(Mandatory = $true)]
    [string] $ContainerName,

    [Parameter(Mandatory = $true)]
    [string] $RunBlob,

    [string] $BaselineBlob,

    [string] $IdentityClientId
)

$ErrorActionPreference = 'Stop'
Import-Module OAuthAudit -Verbose:$false

function New-RunbookError([string] $Message, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category, $Target) {
    [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new($Message), $ErrorId, $Category, $Target)
}

if (-not $Region -and -not $Environment -and -not ($ApiBaseUri -and $LoginBaseUri)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookError "Organization '$Organization': give -Region (such as eu-west-1), -Environment (such as mypurecloud.ie), or -ApiBaseUri and -LoginBaseUri." 'LocationRequired' InvalidArgument $Organization))
}

# Jobs can share a sandbox process: keep this job's Azure sign-in to this job.
$null = Disable-AzContextAutosave -Scope Process
if ($IdentityClientId) {
    $null = Connect-AzAccount -Identity -AccountId $IdentityClientId
}
else {
    $null = Connect-AzAccount -Identity
}

$storage = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
$work = Join-Path ([System.IO.Path]::GetTempPath()) ('oauth-audit-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
$context = $null
try {
    $audit = @{}
    if ($BaselineBlob) {
        $baselineFile = Join-Path $work 'baseline.yml'
        $null = Get-AzStorageBlobContent -Context $storage -Container $ContainerName -Blob $BaselineBlob -Destination $baselineFile -Force
        $audit.Baseline = $baselineFile
    }

    $connect = @{}
    foreach ($name in 'Region', 'Environment', 'ApiBaseUri', 'LoginBaseUri') {
        $value = Get-Variable -Name $name -ValueOnly
        if ($value) {
            $connect[$name] = $value
        }
    }

    $credential = Get-AutomationPSCredential -Name $CredentialName
    if ($null -eq $credential) {
        $PSCmdlet.ThrowTerminatingError((New-RunbookError "Organization '$Organization': the Automation account has no credential asset '$CredentialName'. Add it (user name = the OAuth client id, password = its secret) or fix credentialName in the list of organizations." 'CredentialAssetMissing' ObjectNotFound $CredentialName))
    }

    $context = Connect-GcOrganization -Credential $credential @connect
    $credential = $null

    # An organization that cannot be listed is an Error run (its error is written, the job goes on) so that the
    # merge shows it; a terminating error (such as an invalid baseline) still fails the job.
    $run = Invoke-GcOAuthAudit -Context $context @audit -ErrorAction Continue
    $file = Join-Path $work 'run.json'
    $null = $run | Export-GcOAuthAuditReport -Path $file -Format Json -Force
    $null = Set-AzStorageBlobContent -Context $storage -Container $ContainerName -File $file -Blob $RunBlob -Properties @{ ContentType = 'application/json' } -Force

    [pscustomobject]@{
        Organization     = $Organization
        OrganizationId   = $run.Organization.Id
        OrganizationName = $run.Organization.Name
        RunBlob          = $RunBlob
        Summary          = "$($run.Summary)"
    }
}
finally {
    if ($null -ne $context) {
        Disconnect-GcOrganization -Context $context
    }

    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
