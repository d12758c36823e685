#Requires -Version 5.1
<#
.SYNOPSIS
    Writes a generated organization snapshot (docs/snapshot.md, schemaVersion 1, as the emulator serves it) for the benchmark.
.DESCRIPTION
    The same -Seed and counts always give the same file. The scope registry and the permission catalogue are the demo
    organization's (samples/demo-org.json). Clients mix the grant types about as the demo does (40 % client
    credentials, 27.5 % authorization code, 15 % implicit, 10 % password, 7.5 % SAML2 bearer; mostly active);
    client-credentials clients hold 1 to 4 roles in a division (or all divisions), most of them from a pool of
    commonly used roles and some from any of the roles; the other grants hold 2 to 8 scopes from the registry.
    Writes the file and returns a summary of what it holds (clients, roles referenced by clients, divisions).
.EXAMPLE
    ./bench/New-BenchmarkOrganization.ps1 -ClientCount 1000 -Path out/bench/orgs/org-1000.json
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateRange(1, 100000)] [int] $ClientCount,
    [Parameter(Mandatory)] [string] $Path,
    [ValidateRange(1, 5000)] [int] $RoleCount = 500,
    [ValidateRange(1, 500)] [int] $DivisionCount = 6,
    [int] $Seed = 14
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$demo = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../samples/demo-org.json') -Raw | ConvertFrom-Json
# System.Random with a seed is the same sequence on .NET Framework and every .NET: the file is reproducible.
$random = [System.Random]::new($Seed)
$guidBytes = New-Object byte[] 16

function New-Id {
    $random.NextBytes($guidBytes)
    # A version-4 shaped GUID, as the API's ids are.
    $guidBytes[7] = ($guidBytes[7] -band 0x0F) -bor 0x40
    $guidBytes[8] = ($guidBytes[8] -band 0x3F) -bor 0x80
    ([guid]::new($guidBytes)).ToString()
}

function Get-Pick([object[]] $Items) { $Items[$random.Next($Items.Count)] }

function Get-Sample([object[]] $Items, [int] $Count) {
    # Count distinct items, in a random order (a partial Fisher-Yates shuffle of a copy).
    $copy = [object[]] $Items.Clone()
    for ($index = 0; $index -lt $Count; $index++) {
        $other = $index + $random.Next($copy.Count - $index)
        $copy[$index], $copy[$other] = $copy[$other], $copy[$index]
        $copy[$index]
    }
}

function Get-GeneratedDate([int] $DaysBack) {
    # Fixed dates (not today's): the same seed gives the same bytes on any day.
    ([datetime]::new(2026, 11, 30, 0, 0, 0, [DateTimeKind]::Utc)).AddDays(-$DaysBack).AddSeconds($random.Next(86400)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")
}

$users = @(1..12 | ForEach-Object { New-Id })
function Get-UserReference {
    $id = Get-Pick $users
    [ordered]@{ id = $id; selfUri = "/api/v2/users/$id" }
}

# Divisions: Home and a few more.
$divisionNames = @('Home', 'Sales', 'Support', 'Back Office', 'Collections', 'IT & Integrations', 'Workforce', 'EMEA Outbound')
$divisions = for ($index = 0; $index -lt $DivisionCount; $index++) {
    $name = if ($index -lt $divisionNames.Count) { $divisionNames[$index] } else { "Division $($index + 1)" }
    $id = New-Id
    [ordered]@{ id = $id; name = $name; description = "$name division."; homeDivision = ($index -eq 0); selfUri = "/api/v2/authorization/divisions/$id" }
}

# Roles: permission policies from the catalogue; a few admin-like roles hold '*'.
$catalogue = @(foreach ($collection in $demo.permissions) {
        foreach ($entity in $collection.permissionMap.PSObject.Properties) {
            [pscustomobject]@{ Domain = $collection.domain; Entity = $entity.Name; Actions = @($entity.Value | ForEach-Object action) }
        }
    })
$roleAreas = @('Routing', 'Outbound', 'Analytics', 'Quality', 'Recording', 'Architect', 'Integrations', 'Directory', 'Telephony', 'WFM', 'Knowledge', 'Messaging', 'Scripter', 'Presence', 'Conversation')
$roleKinds = @('Viewer', 'Editor', 'Admin', 'Sync', 'Export', 'Runner', 'Reporting', 'Provisioning')
$roles = for ($index = 0; $index -lt $RoleCount; $index++) {
    $id = New-Id
    # @() around the if: a single policy must stay an array.
    $policies = @(if ($index % 97 -eq 3) {
            [ordered]@{ domain = '*'; entityName = '*'; policyName = 'admin_all'; actionSet = @('*'); allowConditions = $false }
        }
        else {
            1..(1 + $random.Next(5)) | ForEach-Object {
                $entry = Get-Pick $catalogue
                $actions = @(if ($random.Next(10) -eq 0) { '*' } else { $entry.Actions | Where-Object { $random.Next(2) -eq 0 } })
                if ($actions.Count -eq 0) { $actions = @($entry.Actions[0]) }
                [ordered]@{ domain = $entry.Domain; entityName = $entry.Entity; policyName = "$($entry.Domain)_$($entry.Entity)"; actionSet = $actions; allowConditions = $false }
            }
        })

    [ordered]@{
        id                 = $id
        name               = '{0} {1} {2:D3}' -f (Get-Pick $roleAreas), (Get-Pick $roleKinds), ($index + 1)
        description        = 'Generated benchmark role.'
        permissionPolicies = $policies
        permissions        = @()
        userCount          = $random.Next(200)
        default            = $false
        base               = $false
        selfUri            = "/api/v2/authorization/roles/$id"
    }
}

$commonRoles = @($roles | Select-Object -First ([Math]::Min(40, $roles.Count)))
$scopeIds = @($demo.scopes | ForEach-Object id)
$grantTypes = @(@('CLIENT-CREDENTIALS') * 16 + @('CODE') * 11 + @('TOKEN') * 6 + @('PASSWORD') * 4 + @('SAML2-BEARER') * 3)
$states = @(@('active') * 33 + @('disabled') * 4 + @('inactive') * 3)
$products = @('CRM', 'Dialer', 'Reporting', 'WFM', 'Chatbot', 'SCIM', 'Recording', 'Quality', 'Data Actions', 'Wallboard', 'Softphone', 'Survey')
$clients = for ($index = 0; $index -lt $ClientCount; $index++) {
    $id = New-Id
    $grant = Get-Pick $grantTypes
    $created = Get-GeneratedDate (30 + $random.Next(1500))
    $client = [ordered]@{
        id                         = $id
        name                       = '{0} {1} {2:D5}' -f (Get-Pick $products), $grant.ToLowerInvariant(), ($index + 1)
        description                = 'Generated benchmark client.'
        authorizedGrantType        = $grant
        state                      = Get-Pick $states
        accessTokenValiditySeconds = Get-Pick @(3600, 43200, 86400, 172800)
    }
    if ($grant -eq 'CLIENT-CREDENTIALS') {
        $grants = @(1..(1 + $random.Next(4)) | ForEach-Object {
                $role = if ($random.Next(10) -eq 0) { Get-Pick $roles } else { Get-Pick $commonRoles }
                $division = if ($random.Next(8) -eq 0) { '*' } else { (Get-Pick $divisions).id }
                [ordered]@{ roleId = $role.id; divisionId = $division }
            })
        $client.roleDivisions = $grants
    }
    else {
        if ($grant -in 'CODE', 'TOKEN', 'SAML2-BEARER') {
            $client.registeredRedirectUri = @(if ($random.Next(12) -eq 0) { 'http://localhost:8080/callback' } else { "https://app$($random.Next(50)).example.com/oauth/callback" })
        }

        $client.scope = @(Get-Sample -Items $scopeIds -Count (2 + $random.Next(7)))
    }

    $client.dateCreated = $created
    $client.dateModified = $created
    $client.createdBy = Get-UserReference
    $client.modifiedBy = Get-UserReference
    $client.selfUri = "/api/v2/oauth/clients/$id"
    $client
}

$organizationId = New-Id
$document = [ordered]@{
    schemaVersion = 1
    capturedAt    = '2026-12-01T00:00:00Z'
    environment   = 'mypurecloud.ie'
    organization  = [ordered]@{ id = $organizationId; name = "Benchmark Org ($ClientCount clients)"; domain = 'bench'; thirdPartyOrgName = 'bench'; state = 'active'; version = 1; defaultLanguage = 'en-us'; selfUri = "/api/v2/organizations/$organizationId" }
    scopes        = $demo.scopes
    clients       = @($clients)
    roles         = @($roles)
    divisions     = @($divisions)
    permissions   = $demo.permissions
}

$folder = Split-Path -Parent ([System.IO.Path]::GetFullPath($Path))
$null = New-Item -ItemType Directory -Path $folder -Force
[System.IO.File]::WriteAllText([System.IO.Path]::GetFullPath($Path), ($document | ConvertTo-Json -Depth 10 -Compress), [System.Text.UTF8Encoding]::new($false))

$referenced = @($clients | Where-Object { $_.Contains('roleDivisions') } | ForEach-Object { $_.roleDivisions } | ForEach-Object roleId | Sort-Object -Unique)
[pscustomobject]@{
    Path                     = [System.IO.Path]::GetFullPath($Path)
    Clients                  = $ClientCount
    ClientCredentialsClients = @($clients | Where-Object { $_.authorizedGrantType -eq 'CLIENT-CREDENTIALS' }).Count
    Roles                    = $RoleCount
    ReferencedRoles          = $referenced.Count
    Divisions                = $DivisionCount
    Scopes                   = $scopeIds.Count
    Seed                     = $Seed
}
