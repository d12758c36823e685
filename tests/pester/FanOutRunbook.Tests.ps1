# samples/runbooks/Start-OAuthAuditFanOut.ps1 (parent) and Invoke-OAuthAuditOrganization.ps1 (child) end to end,
# against three organizations served by three emulators, with the real module. The Az and Automation cmdlets are
# stub functions (below) that record their calls: Start-AzAutomationRunbook runs the child runbook as a job in a
# runspace of its own, credential assets point at the emulators, and the blob container is a folder in $TestDrive.

Describe 'The fan-out runbook' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Manifest = (Import-OAuthAuditModule).Path
        $script:ParentPath = Join-Path (Get-RepositoryRoot) 'samples/runbooks/Start-OAuthAuditFanOut.ps1'
        $script:ChildPath = Join-Path (Get-RepositoryRoot) 'samples/runbooks/Invoke-OAuthAuditOrganization.ps1'

        # The runbooks import the module by name, as in an Automation account: the built module's folder on PSModulePath.
        $script:SavedModulePath = $env:PSModulePath
        $modules = Split-Path (Split-Path (Split-Path $script:Manifest))
        $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath

        # Three organizations: the demo snapshot, and two copies with an id and a name of their own; a fourth whose
        # name would retitle a terminal, for the parent's messages.
        $demoText = Get-Content -Path (Get-DemoSnapshotPath) -Raw
        $demoId = (Get-DemoSnapshot).organization.id
        $script:Organizations = [ordered]@{}
        foreach ($org in @(
                @{ Name = 'northwind'; Id = $demoId; Title = 'Northwind Contact Center' },
                @{ Name = 'contoso'; Id = '7c1e5a52-9d0b-4c52-8f0e-3a1d2b4c5e60'; Title = 'Contoso Support' },
                @{ Name = 'fabrikam'; Id = 'b3f0e1d2-6a4c-4e8b-9f17-5c2d3e4f5a61'; Title = 'Fabrikam Service Desk' },
                @{ Name = 'tailspin'; Id = 'e5d4c3b2-a190-4f8e-8d7c-6b5a49382716'; Title = "Tailspin$([char]27)]0;forged$([char]7) Toys"; Json = 'Tailspin\u001b]0;forged\u0007 Toys' })) {
            $path = Join-Path $TestDrive "$($org.Name)-org.json"
            $jsonTitle = $org.Title
            if ($org.Json) {
                $jsonTitle = $org.Json
            }

            $text = $demoText.Replace($demoId, $org.Id).Replace('"name": "Northwind Contact Center"', ('"name": "{0}"' -f $jsonTitle))
            [System.IO.File]::WriteAllText($path, $text)
            $emulator = Start-Emulator -SnapshotPath $path
            $script:Organizations[$org.Name] = [pscustomobject]@{ Name = $org.Name; Id = $org.Id; Title = $org.Title; Emulator = $emulator; Asset = "GenesysAudit-$($org.Name)" }
        }

        $script:WrongSecret = 'wrong-secret-' + [guid]::NewGuid().ToString('N')
        $script:LenientBaseline = @(
            'apiVersion: oauthaudit/v1'
            'kind: Baseline'
            'metadata:'
            '  name: fanout-lenient'
            'spec:'
            '  rules:'
            '    - id: FO-001'
            '      description: Tokens live at most a day.'
            '      severity: Medium'
            '      maxAccessTokenValiditySeconds: 86400'
        ) -join "`n"

        # What the Automation sandbox and Az provide, as stubs. They are defined in the test's runspace (for the
        # parent) and in each child job's runspace; $AzStub is the state they share, safe across threads.
        $script:StubDefinitions = {
            function global:Add-AzStubCall([string] $Command, $Bound) {
                $parameters = @{}
                foreach ($key in $Bound.Keys) {
                    $parameters[$key] = $Bound[$key]
                }

                $AzStub.Calls.Enqueue([pscustomobject]@{ Command = $Command; Parameters = $parameters; Job = $AzStubJobId })
            }

            function global:Get-AzStubContainerPath([string] $Container) {
                $folder = Join-Path $AzStub.StorageRoot $Container
                if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
                    throw "Can not find the container '$Container'."
                }

                $folder
            }

            function global:Get-AzStubBlobPath([string] $Container, [string] $Blob) {
                Join-Path (Get-AzStubContainerPath $Container) ($Blob -replace '/', [System.IO.Path]::DirectorySeparatorChar)
            }

            function global:Disable-AzContextAutosave {
                param([string] $Scope)
                Add-AzStubCall 'Disable-AzContextAutosave' $PSBoundParameters
                [pscustomobject]@{ ContextDirectory = $null; Mode = 'Process' }
            }

            function global:Connect-AzAccount {
                param([switch] $Identity, [string] $AccountId)
                Add-AzStubCall 'Connect-AzAccount' $PSBoundParameters
                [pscustomobject]@{ Context = [pscustomobject]@{ Account = 'managed-identity'; Tenant = 'tenant' } }
            }

            function global:New-AzStorageContext {
                param([Parameter(Mandatory = $true)] [string] $StorageAccountName, [switch] $UseConnectedAccount)
                Add-AzStubCall 'New-AzStorageContext' $PSBoundParameters
                [pscustomobject]@{ StorageAccountName = $StorageAccountName; UseConnectedAccount = [bool] $UseConnectedAccount }
            }

            function global:Set-AzStorageBlobContent {
                param([Parameter(Mandatory = $true)] $Context, [Parameter(Mandatory = $true)] [string] $Container, [Parameter(Mandatory = $true)] [string] $File,
                    [Parameter(Mandatory = $true)] [string] $Blob, [hashtable] $Properties, [switch] $Force)
                Add-AzStubCall 'Set-AzStorageBlobContent' $PSBoundParameters
                $target = Get-AzStubBlobPath $Container $Blob
                if ($AzStub.LoseBlobs -notcontains $Blob) {
                    $null = New-Item -ItemType Directory -Path (Split-Path $target) -Force
                    Copy-Item -LiteralPath $File -Destination $target -Force
                }

                [pscustomobject]@{ Name = $Blob; Length = (Get-Item -LiteralPath $File).Length }
            }

            function global:Get-AzStorageBlob {
                param([Parameter(Mandatory = $true)] $Context, [Parameter(Mandatory = $true)] [string] $Container, [string] $Prefix)
                Add-AzStubCall 'Get-AzStorageBlob' $PSBoundParameters
                $folder = Get-AzStubContainerPath $Container
                foreach ($file in @(Get-ChildItem -LiteralPath $folder -Recurse -File)) {
                    $name = $file.FullName.Substring($folder.Length).TrimStart('\', '/') -replace '\\', '/'
                    if ($name.StartsWith([string] $Prefix, [StringComparison]::Ordinal)) {
                        [pscustomobject]@{ Name = $name; Length = $file.Length }
                    }
                }
            }

            function global:Get-AzStorageBlobContent {
                param([Parameter(Mandatory = $true)] $Context, [Parameter(Mandatory = $true)] [string] $Container, [Parameter(Mandatory = $true)] [string] $Blob,
                    [Parameter(Mandatory = $true)] [string] $Destination, [switch] $Force)
                Add-AzStubCall 'Get-AzStorageBlobContent' $PSBoundParameters
                $source = Get-AzStubBlobPath $Container $Blob
                if (-not (Test-Path -LiteralPath $source -PathType Leaf)) {
                    throw "Can not find blob '$Blob' in container '$Container'."
                }

                Copy-Item -LiteralPath $source -Destination $Destination -Force
                [pscustomobject]@{ Name = $Blob }
            }

            function global:Get-AutomationPSCredential {
                param([Parameter(Mandatory = $true)] [string] $Name)
                Add-AzStubCall 'Get-AutomationPSCredential' $PSBoundParameters
                if (-not $AzStub.Credentials.ContainsKey($Name)) {
                    throw "Credential asset '$Name' was not found."
                }

                $asset = $AzStub.Credentials[$Name]
                if ($null -eq $asset) {
                    return $null
                }

                [System.Management.Automation.PSCredential]::new($asset.UserName, (ConvertTo-SecureString -String $asset.Secret -AsPlainText -Force))
            }

            function global:Get-AutomationVariable {
                param([Parameter(Mandatory = $true)] [string] $Name)
                Add-AzStubCall 'Get-AutomationVariable' $PSBoundParameters
                if (-not $AzStub.Variables.ContainsKey($Name)) {
                    throw "Variable asset '$Name' was not found."
                }

                $AzStub.Variables[$Name]
            }

            function global:Start-AzAutomationRunbook {
                param([Parameter(Mandatory = $true)] [string] $ResourceGroupName, [Parameter(Mandatory = $true)] [string] $AutomationAccountName,
                    [Parameter(Mandatory = $true)] [string] $Name, [System.Collections.IDictionary] $Parameters, [string] $RunOn)
                Add-AzStubCall 'Start-AzAutomationRunbook' $PSBoundParameters
                if ($Name -ne $AzStub.ChildRunbookName) {
                    throw "Runbook '$Name' was not found in Automation account '$AutomationAccountName'."
                }

                $id = [guid]::NewGuid()
                $shell = [powershell]::Create()
                $shell.Runspace = [runspacefactory]::CreateRunspace()
                $shell.Runspace.Open()
                $shell.Runspace.SessionStateProxy.SetVariable('AzStub', $AzStub)
                $shell.Runspace.SessionStateProxy.SetVariable('AzStubJobId', $id)
                $null = $shell.AddScript($AzStub.Definitions).Invoke()
                $shell.Commands.Clear()
                $null = $shell.AddScript($AzStub.ChildText).AddParameters($Parameters)
                $job = [pscustomobject]@{
                    Id = $id; Organization = [string] $Parameters['Organization']; Shell = $shell; Async = $null; Stopped = $false
                    Output = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
                }
                if ($AzStub.Hang -notcontains $job.Organization) {
                    $inputs = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
                    $inputs.Complete()
                    $job.Async = $shell.BeginInvoke($inputs, $job.Output)
                }

                $AzStub.Jobs[$id] = $job
                [pscustomobject]@{ JobId = $id; RunbookName = $Name; Status = 'New'; ResourceGroupName = $ResourceGroupName; AutomationAccountName = $AutomationAccountName }
            }

            function global:Get-AzAutomationJob {
                param([Parameter(Mandatory = $true)] [string] $ResourceGroupName, [Parameter(Mandatory = $true)] [string] $AutomationAccountName, [Parameter(Mandatory = $true)] [guid] $Id)
                Add-AzStubCall 'Get-AzAutomationJob' $PSBoundParameters
                if ($AzStub.PollFailures -gt 0) {
                    $AzStub.PollFailures -= 1
                    throw 'The request was throttled (429). Retry after 1 second.'
                }

                $job = $AzStub.Jobs[$Id]
                $status = 'Running'
                $exception = $null
                if ($job.Stopped) {
                    $status = 'Stopped'
                }
                elseif ($null -ne $job.Async -and $job.Async.IsCompleted) {
                    $state = $job.Shell.InvocationStateInfo
                    if ($state.State -eq 'Completed') {
                        $status = 'Completed'
                    }
                    elseif ($state.State -eq 'Failed') {
                        $status = 'Failed'
                        $exception = $state.Reason.Message
                    }
                }

                [pscustomobject]@{ JobId = $Id; Status = $status; Exception = $exception; ResourceGroupName = $ResourceGroupName; AutomationAccountName = $AutomationAccountName }
            }

            function global:Stop-AzAutomationJob {
                param([Parameter(Mandatory = $true)] [string] $ResourceGroupName, [Parameter(Mandatory = $true)] [string] $AutomationAccountName, [Parameter(Mandatory = $true)] [guid] $Id)
                Add-AzStubCall 'Stop-AzAutomationJob' $PSBoundParameters
                $job = $AzStub.Jobs[$Id]
                $job.Stopped = $true
                if ($null -ne $job.Async) {
                    $job.Shell.Stop()
                }
            }
        }.ToString()

        $script:StubNames = 'Add-AzStubCall', 'Get-AzStubContainerPath', 'Get-AzStubBlobPath', 'Disable-AzContextAutosave', 'Connect-AzAccount', 'New-AzStorageContext',
        'Set-AzStorageBlobContent', 'Get-AzStorageBlob', 'Get-AzStorageBlobContent', 'Get-AutomationPSCredential', 'Get-AutomationVariable',
        'Start-AzAutomationRunbook', 'Get-AzAutomationJob', 'Stop-AzAutomationJob'

        function New-AutomationAccount {
            # A fresh Automation account and storage account: assets for every organization, an empty container.
            param([string[]] $Hang = @(), [string[]] $LoseBlobs = @(), [hashtable] $Secrets = @{}, [int] $PollFailures = 0)

            $storage = Join-Path $TestDrive ('storage-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
            $null = New-Item -ItemType Directory -Path (Join-Path $storage 'oauth-audit')
            $credentials = @{}
            foreach ($org in $script:Organizations.Values) {
                $secret = $org.Emulator.Secret
                if ($Secrets.ContainsKey($org.Name)) {
                    $secret = $Secrets[$org.Name]
                }

                $credentials[$org.Asset] = @{ UserName = $org.Emulator.ClientId; Secret = $secret }
            }

            $global:AzStub = [hashtable]::Synchronized(@{
                    Calls            = New-Object 'System.Collections.Concurrent.ConcurrentQueue[object]'
                    Jobs             = [hashtable]::Synchronized(@{})
                    Credentials      = $credentials
                    Variables        = @{}
                    StorageRoot      = $storage
                    ChildRunbookName = 'Invoke-OAuthAuditOrganization'
                    ChildText        = [System.IO.File]::ReadAllText($script:ChildPath)
                    Definitions      = $script:StubDefinitions
                    Hang             = $Hang
                    LoseBlobs        = $LoseBlobs
                    PollFailures     = $PollFailures
                })
            $global:AzStubJobId = $null
            . ([scriptblock]::Create($script:StubDefinitions))
        }

        function Get-Three {
            # The organizations most contexts audit.
            foreach ($name in 'northwind', 'contoso', 'fabrikam') {
                $script:Organizations[$name]
            }
        }

        function Get-OrganizationsJson([string[]] $Names = @('northwind', 'contoso', 'fabrikam')) {
            $entries = foreach ($name in $Names) {
                $org = $script:Organizations[$name]
                [ordered]@{ name = $org.Name; credentialName = $org.Asset; apiBaseUri = "$($org.Emulator.ApiBaseUri)"; loginBaseUri = "$($org.Emulator.LoginBaseUri)" }
            }

            ConvertTo-Json -InputObject @($entries) -Compress
        }

        function Add-Blob([string] $Blob, [string] $Text) {
            $path = Join-Path (Join-Path $AzStub.StorageRoot 'oauth-audit') $Blob
            $null = New-Item -ItemType Directory -Path (Split-Path $path) -Force
            [System.IO.File]::WriteAllText($path, $Text)
        }

        function Get-BlobPath([string] $Blob) {
            Join-Path (Join-Path $AzStub.StorageRoot 'oauth-audit') $Blob
        }

        function Invoke-FanOut {
            # Runs the parent as a job would, keeping every record of every stream and the error that ended it.
            param([hashtable] $Parameters)

            $arguments = @{
                ResourceGroupName = 'rg-ops'; AutomationAccountName = 'aa-ops'; StorageAccountName = 'contosoaudit'
                PollSeconds = 0.2; Verbose = $true
            }
            foreach ($key in $Parameters.Keys) {
                $arguments[$key] = $Parameters[$key]
            }

            $records = New-Object System.Collections.Generic.List[object]
            $caught = $null
            try {
                & $script:ParentPath @arguments *>&1 | ForEach-Object { $records.Add($_) }
            }
            catch {
                $caught = $_
            }

            # Every child has ended (stopped ones included) before the parent returns; wait for the stragglers' streams.
            foreach ($job in @($AzStub.Jobs.Values)) {
                if ($null -ne $job.Async) {
                    $null = $job.Async.AsyncWaitHandle.WaitOne(60000)
                }
            }

            [pscustomobject]@{
                Records  = $records.ToArray()
                Output   = @($records | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] })
                Warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
                Error    = $caught
                Calls    = @($AzStub.Calls.ToArray())
            }
        }

        function Get-MergedOrganizationId([string] $Blob) {
            # The organizations of a merged report: a multi-organization document, or the run document of one.
            $document = Get-Content -LiteralPath (Get-BlobPath $Blob) -Raw | ConvertFrom-Json
            if ($document.PSObject.Properties['runs']) {
                @($document.runs | ForEach-Object { $_.organization.id } | Sort-Object)
            }
            else {
                @($document.organization.id)
            }
        }

        function Get-Call([object[]] $Calls, [string] $Command) {
            @($Calls | Where-Object Command -eq $Command)
        }

        function Get-JobText {
            # Every record every child job wrote, in every stream, and the exception that ended it.
            foreach ($job in @($AzStub.Jobs.Values)) {
                $job.Output | Get-StreamText
                $streams = $job.Shell.Streams
                foreach ($stream in $streams.Error, $streams.Verbose, $streams.Warning, $streams.Debug, $streams.Information) {
                    $stream | Get-StreamText
                }

                if ($job.Shell.InvocationStateInfo.Reason) {
                    $job.Shell.InvocationStateInfo.Reason.ToString()
                }
            }
        }

        function Assert-NoSecret([object[]] $Text) {
            $all = $Text -join "`n"
            $all.Length | Should -BeGreaterThan 1000 -Because 'the scan looks at real output'
            foreach ($org in $script:Organizations.Values) {
                foreach ($secret in $org.Emulator.Secret, $script:WrongSecret) {
                    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($org.Emulator.ClientId):$secret"))
                    $all.Contains($secret) | Should -BeFalse -Because "no stream of the parent or a child may carry the secret of '$($org.Name)'"
                    $all.Contains($basic) | Should -BeFalse
                }
            }
        }

        function Remove-Jobs {
            if ($global:AzStub) {
                foreach ($job in @($AzStub.Jobs.Values)) {
                    $job.Shell.Runspace.Dispose()
                    $job.Shell.Dispose()
                }
            }
        }
    }

    AfterAll {
        Remove-Jobs
        foreach ($name in $script:StubNames) {
            Remove-Item -Path "function:global:$name" -ErrorAction SilentlyContinue
        }

        Remove-Variable -Name AzStub, AzStubJobId -Scope Global -ErrorAction SilentlyContinue
        $env:PSModulePath = $script:SavedModulePath
        foreach ($org in $script:Organizations.Values) {
            Stop-Emulator $org.Emulator
        }
    }

    Context 'three organizations from an Automation variable, all audited' {
        BeforeAll {
            New-AutomationAccount -PollFailures 2
            $AzStub.Variables['OAuthAuditOrganizations'] = Get-OrganizationsJson
            Add-Blob 'policy/lenient.yml' $script:LenientBaseline
            $script:Run = Invoke-FanOut @{ RunId = 'all-three'; BaselineBlob = 'policy/lenient.yml'; Format = @('Json', 'Html') }
        }

        AfterAll {
            Remove-Jobs
        }

        It 'completes, with one run per organization' {
            $script:Run.Error | Should -BeNullOrEmpty
            $summary = @($script:Run.Output | Where-Object { $_.PSObject.Properties['RunId'] })
            $summary | Should -HaveCount 1
            $summary[0].RunId | Should -Be 'all-three'
            $summary[0].Organizations | Should -Be 3
            $summary[0].Merged | Should -Be 3
            @($summary[0].Missing) | Should -HaveCount 0
            @($summary[0].Reports) | Should -Be @('all-three/merged/oauth-audit-merged.json', 'all-three/merged/oauth-audit-merged.html')
            @($summary[0].Jobs | ForEach-Object Status) | Should -Be @('Completed', 'Completed', 'Completed')
            $script:Run.Warnings | Should -HaveCount 0
        }

        It 'asks again when reading a job''s status fails' {
            $reads = Get-Call $script:Run.Calls 'Get-AzAutomationJob'
            $reads.Count | Should -BeGreaterOrEqual 5 -Because 'two reads failed and each of the three jobs was read until it completed'
            @($script:Run.Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^Reading job [0-9a-f-]+ for ''\w+'' failed, asking again: The request was throttled' }) | Should -HaveCount 2
        }

        It 'signs in with the managed identity, reads the list from the variable and never a credential' {
            $calls = $script:Run.Calls
            $parent = @($calls | Where-Object { $null -eq $_.Job })
            @(Get-Call $parent 'Disable-AzContextAutosave' | ForEach-Object { $_.Parameters.Scope }) | Should -Be @('Process')
            @(Get-Call $parent 'Connect-AzAccount') | Should -HaveCount 1
            (Get-Call $parent 'Connect-AzAccount')[0].Parameters.Identity | Should -BeTrue
            @(Get-Call $parent 'Get-AutomationVariable' | ForEach-Object { $_.Parameters.Name }) | Should -Be @('OAuthAuditOrganizations')
            @(Get-Call $parent 'Get-AutomationPSCredential') | Should -HaveCount 0 -Because 'only a child reads its own organization''s credential'
            (Get-Call $parent 'New-AzStorageContext')[0].Parameters.UseConnectedAccount | Should -BeTrue
        }

        It 'starts one child job per organization with its parameters' {
            $starts = Get-Call $script:Run.Calls 'Start-AzAutomationRunbook'
            $starts | Should -HaveCount 3
            foreach ($start in $starts) {
                $start.Job | Should -BeNullOrEmpty -Because 'the parent starts the children'
                $start.Parameters.ResourceGroupName | Should -Be 'rg-ops'
                $start.Parameters.AutomationAccountName | Should -Be 'aa-ops'
                $start.Parameters.Name | Should -Be 'Invoke-OAuthAuditOrganization'
            }

            $byOrganization = @{}
            foreach ($start in $starts) {
                $byOrganization[$start.Parameters.Parameters.Organization] = $start.Parameters.Parameters
            }

            @($byOrganization.Keys | Sort-Object) | Should -Be @('contoso', 'fabrikam', 'northwind')
            foreach ($org in Get-Three) {
                $parameters = $byOrganization[$org.Name]
                @($parameters.Keys | Sort-Object) | Should -Be @('ApiBaseUri', 'BaselineBlob', 'ContainerName', 'CredentialName', 'LoginBaseUri', 'Organization', 'RunBlob', 'StorageAccountName')
                $parameters.CredentialName | Should -Be $org.Asset
                $parameters.ApiBaseUri | Should -Be "$($org.Emulator.ApiBaseUri)"
                $parameters.LoginBaseUri | Should -Be "$($org.Emulator.LoginBaseUri)"
                $parameters.StorageAccountName | Should -Be 'contosoaudit'
                $parameters.ContainerName | Should -Be 'oauth-audit'
                $parameters.RunBlob | Should -Be "all-three/runs/$($org.Name).json"
                $parameters.BaselineBlob | Should -Be 'policy/lenient.yml'
            }
        }

        It 'each child reads only its own credential asset, signs in with the identity and writes its run to the container' {
            foreach ($job in @($AzStub.Jobs.Values)) {
                $org = $script:Organizations[$job.Organization]
                $calls = @($script:Run.Calls | Where-Object { $_.Job -eq $job.Id })
                @(Get-Call $calls 'Get-AutomationPSCredential' | ForEach-Object { $_.Parameters.Name }) | Should -Be @($org.Asset)
                (Get-Call $calls 'Connect-AzAccount')[0].Parameters.Identity | Should -BeTrue
                (Get-Call $calls 'New-AzStorageContext')[0].Parameters.UseConnectedAccount | Should -BeTrue
                @(Get-Call $calls 'Get-AzStorageBlobContent' | ForEach-Object { $_.Parameters.Blob }) | Should -Be @('policy/lenient.yml')
                @(Get-Call $calls 'Set-AzStorageBlobContent' | ForEach-Object { $_.Parameters.Blob }) | Should -Be @("all-three/runs/$($org.Name).json")
                $job.Shell.InvocationStateInfo.State | Should -Be 'Completed'
                $job.Output | Should -HaveCount 1
                $job.Output[0].OrganizationId | Should -Be $org.Id

                $document = Get-Content -LiteralPath (Get-BlobPath "all-three/runs/$($org.Name).json") -Raw | ConvertFrom-Json
                $document.organization.id | Should -Be $org.Id
                $document.organization.name | Should -Be $org.Title
                $document.dataSource.kind | Should -Be 'Live'
                $document.baseline.name | Should -Be 'fanout-lenient'
                $document.summary.clients | Should -Be 40
                $document.summary.errors | Should -Be 0
            }
        }

        It 'the emulators served each organization to its own child' {
            foreach ($org in Get-Three) {
                $org.Emulator.Process.HasExited | Should -BeFalse
            }

            $parent = @($script:Run.Calls | Where-Object { $null -eq $_.Job })
            @(Get-Call $parent 'Get-AzStorageBlob' | ForEach-Object { $_.Parameters.Prefix }) | Should -Be @('all-three/runs/')
            @(Get-Call $parent 'Get-AzStorageBlobContent' | ForEach-Object { $_.Parameters.Blob } | Sort-Object) | Should -Be @('all-three/runs/contoso.json', 'all-three/runs/fabrikam.json', 'all-three/runs/northwind.json')
        }

        It 'merges the three runs into one report per format in the container' {
            $json = Get-BlobPath 'all-three/merged/oauth-audit-merged.json'
            $html = Get-BlobPath 'all-three/merged/oauth-audit-merged.html'
            Test-Path -LiteralPath $json | Should -BeTrue
            Test-Path -LiteralPath $html | Should -BeTrue
            $htmlText = Get-Content -LiteralPath $html -Raw
            foreach ($org in Get-Three) {
                $htmlText | Should -Match ([regex]::Escape($org.Title))
            }

            $merged = Get-Content -LiteralPath $json -Raw | ConvertFrom-Json
            $merged.kind | Should -Not -BeNullOrEmpty
            $merged.summary.organizations | Should -Be 3
            @(Get-MergedOrganizationId 'all-three/merged/oauth-audit-merged.json') | Should -Be @(Get-Three | ForEach-Object Id | Sort-Object)
            @($merged.runs | ForEach-Object { $_.summary.clients }) | Should -Be @(40, 40, 40)
        }

        It 'keeps every secret out of every stream of the parent and of each child' {
            Assert-NoSecret (@($script:Run.Records | Get-StreamText) + @(Get-JobText) + @($script:Run.Calls | ForEach-Object { $_.Parameters | Out-String -Width 500 }))
        }
    }

    Context 'a child that fails' {
        BeforeAll {
            New-AutomationAccount -Secrets @{ contoso = $script:WrongSecret }
            $script:Run = Invoke-FanOut @{ RunId = 'one-fails'; Organizations = (Get-OrganizationsJson); Format = @('Json') }
        }

        AfterAll {
            Remove-Jobs
        }

        It 'fails the parent with OrganizationsMissing naming the organization and why' {
            $script:Run.Error | Should -Not -BeNullOrEmpty
            $script:Run.Error.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'OrganizationsMissing'
            $script:Run.Error.CategoryInfo.Category | Should -Be 'InvalidResult'
            "$($script:Run.Error)" | Should -Match "^1 of 3 organization\(s\) have no run in audit one-fails, so the merged result is incomplete: 'contoso' \(its job [0-9a-f-]+ ended Failed: .+\)\.$"
            @($script:Run.Error.TargetObject) | Should -Be @('contoso')
            $script:Run.Warnings | Should -HaveCount 1
            $script:Run.Warnings[0] | Should -Match "^Organization 'contoso' has no run in this audit: its job [0-9a-f-]+ ended Failed"
        }

        It 'the failed child is the one whose secret was rejected, and it wrote no run' {
            $failed = @($AzStub.Jobs.Values | Where-Object { $_.Shell.InvocationStateInfo.State -eq 'Failed' })
            @($failed | ForEach-Object Organization) | Should -Be @('contoso')
            $failed[0].Shell.InvocationStateInfo.Reason.ErrorRecord.FullyQualifiedErrorId | Should -Match '^CredentialsRejected'
            Test-Path -LiteralPath (Get-BlobPath 'one-fails/runs/contoso.json') | Should -BeFalse
            Test-Path -LiteralPath (Get-BlobPath 'one-fails/runs/northwind.json') | Should -BeTrue
            Test-Path -LiteralPath (Get-BlobPath 'one-fails/runs/fabrikam.json') | Should -BeTrue
        }

        It 'writes the merge of the others only under the INCOMPLETE name, without the missing organization' {
            Test-Path -LiteralPath (Get-BlobPath 'one-fails/merged/oauth-audit-merged.json') | Should -BeFalse
            @(Get-MergedOrganizationId 'one-fails/merged/oauth-audit-merged-INCOMPLETE.json') | Should -Be @($script:Organizations['northwind'].Id, $script:Organizations['fabrikam'].Id | Sort-Object)
        }

        It 'keeps the rejected and the real secrets out of every stream' {
            Assert-NoSecret (@($script:Run.Records | Get-StreamText) + @(Get-JobText) + @(Get-StreamText -InputObject $script:Run.Error))
        }
    }

    Context 'a child still running at the end of the time budget, and one that wrote no run' {
        BeforeAll {
            New-AutomationAccount -Hang @('fabrikam') -LoseBlobs @('late/runs/contoso.json')
            $script:Run = Invoke-FanOut @{ RunId = 'late'; Organizations = (Get-OrganizationsJson); Format = @('Json'); TimeBudgetMinutes = 0.25 }
        }

        AfterAll {
            Remove-Jobs
        }

        It 'stops the late job and reports both organizations missing' {
            $stops = Get-Call $script:Run.Calls 'Stop-AzAutomationJob'
            $fabrikamJob = @($AzStub.Jobs.Values | Where-Object Organization -eq 'fabrikam')[0]
            @($stops | ForEach-Object { $_.Parameters.Id }) | Should -Be @($fabrikamJob.Id)
            $script:Run.Error.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'OrganizationsMissing'
            "$($script:Run.Error)" | Should -Match "^2 of 3 organization\(s\) have no run in audit late"
            "$($script:Run.Error)" | Should -Match "'contoso' \(its job [0-9a-f-]+ completed but wrote no run \(late/runs/contoso\.json\)\)"
            "$($script:Run.Error)" | Should -Match "'fabrikam' \(its job [0-9a-f-]+ was still running after 0[.,]25 minute\(s\) and was stopped\)"
            @($script:Run.Error.TargetObject | Sort-Object) | Should -Be @('contoso', 'fabrikam')
            $summary = @($script:Run.Output | Where-Object { $_.PSObject.Properties['RunId'] })[0]
            @($summary.Jobs | ForEach-Object { "$($_.Organization)=$($_.Status)" }) | Should -Be @('northwind=Completed', 'contoso=NoRun', 'fabrikam=TimedOut')
        }

        It 'merges only the run that is there, under the INCOMPLETE name' {
            Test-Path -LiteralPath (Get-BlobPath 'late/merged/oauth-audit-merged.json') | Should -BeFalse
            @(Get-MergedOrganizationId 'late/merged/oauth-audit-merged-INCOMPLETE.json') | Should -Be @($script:Organizations['northwind'].Id)
        }
    }

    Context 'two entries whose credential assets reach one organization' {
        BeforeAll {
            New-AutomationAccount
            $northwind = $script:Organizations['northwind']
            $AzStub.Credentials['GenesysAudit-contoso'] = $AzStub.Credentials[$northwind.Asset]
            $json = (Get-OrganizationsJson -Names 'northwind', 'contoso').Replace("$($script:Organizations['contoso'].Emulator.ApiBaseUri)", "$($northwind.Emulator.ApiBaseUri)").Replace("$($script:Organizations['contoso'].Emulator.LoginBaseUri)", "$($northwind.Emulator.LoginBaseUri)")
            $script:Run = Invoke-FanOut @{ RunId = 'twice'; Organizations = $json; Format = @('Json') }
        }

        AfterAll {
            Remove-Jobs
        }

        It 'merges the organization once and reports the second entry missing' {
            $script:Run.Error.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'OrganizationsMissing'
            "$($script:Run.Error)" | Should -Match ("'contoso' \(its run is of the same organization \({0}\) as the run of 'northwind': one of their credential assets is another organization's\)" -f $northwind.Id)
            $summary = @($script:Run.Output | Where-Object { $_.PSObject.Properties['RunId'] })[0]
            $summary.Merged | Should -Be 1
            @($summary.Jobs | ForEach-Object { "$($_.Organization)=$($_.Status)" }) | Should -Be @('northwind=Completed', 'contoso=Duplicate')
            Test-Path -LiteralPath (Get-BlobPath 'twice/merged/oauth-audit-merged.json') | Should -BeFalse
        }
    }

    Context 'findings at or above -FailOn' {
        BeforeAll {
            New-AutomationAccount
            $script:Run = Invoke-FanOut @{ RunId = 'strict'; Organizations = (Get-OrganizationsJson -Names 'northwind', 'tailspin'); Format = @('Json'); ThrottleLimit = 1 }
        }

        AfterAll {
            Remove-Jobs
        }

        It 'fails the parent with AuditFailed after the merged report is written' {
            $script:Run.Error.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'AuditFailed'
            "$($script:Run.Error)" | Should -Match '^The audit strict fails at or above High: Northwind Contact Center: \d+ outstanding finding\(s\) at or above High; Tailspin\\x1b]0;forged\\x07 Toys: \d+ outstanding finding\(s\) at or above High\.$'
            "$($script:Run.Error)".Contains([string] [char] 27) | Should -BeFalse -Because 'an organization''s name never sends a control character to the job''s output'
            @(Get-Call $script:Run.Calls 'Start-AzAutomationRunbook') | Should -HaveCount 2
            @(Get-MergedOrganizationId 'strict/merged/oauth-audit-merged.json') | Should -Be @($script:Organizations['northwind'].Id, $script:Organizations['tailspin'].Id | Sort-Object)
        }
    }

    Context 'a list of organizations that is not what it should be' {
        BeforeEach {
            New-AutomationAccount
        }

        It 'stops with OrganizationListInvalid before any job starts: <Why>' -ForEach @(
            @{ Why = 'not JSON'; Json = '[{name: northwind'; Message = '^-Organizations is not JSON: ' }
            @{ Why = 'empty'; Json = '[]'; Message = '^-Organizations lists no organization\.' }
            @{ Why = 'an unknown key'; Json = '[{"name":"a","credential":"x","region":"eu-west-1"}]'; Message = "^-Organizations, entry 0: 'credential' is not a key of an organization; the keys are name, credentialName, region, environment, apiBaseUri, loginBaseUri\.$" }
            @{ Why = 'a name that cannot name a blob'; Json = '[{"name":"../x","credentialName":"x","region":"eu-west-1"}]'; Message = "^-Organizations, entry 0: name '\.\./x' must be 1 to 63 letters" }
            @{ Why = 'a name twice'; Json = '[{"name":"a","credentialName":"x","region":"eu-west-1"},{"name":"a","credentialName":"y","region":"eu-west-1"}]'; Message = "^-Organizations, entry 1: name 'a' is listed twice" }
            @{ Why = 'one credential asset twice'; Json = '[{"name":"a","credentialName":"x","region":"eu-west-1"},{"name":"b","credentialName":"x","region":"eu-west-1"}]'; Message = "^-Organizations, entry 1 \('b'\): credentialName 'x' is also that of 'a'; each organization needs its own credential asset\.$" }
            @{ Why = 'no credential asset'; Json = '[{"name":"a","region":"eu-west-1"}]'; Message = "^-Organizations, entry 0 \('a'\): credentialName is missing" }
            @{ Why = 'no region'; Json = '[{"name":"a","credentialName":"x"}]'; Message = "^-Organizations, entry 0 \('a'\): give region" }
        ) {
            $run = Invoke-FanOut @{ Organizations = $Json }

            $run.Error.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'OrganizationListInvalid'
            "$($run.Error)" | Should -Match $Message
            @(Get-Call $run.Calls 'Start-AzAutomationRunbook') | Should -HaveCount 0
        }
    }

    Context 'a RunId that cannot name a folder' {
        It 'stops with RunIdInvalid before it signs in' {
            New-AutomationAccount
            $run = Invoke-FanOut @{ RunId = '../other'; Organizations = (Get-OrganizationsJson) }

            $run.Error.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'RunIdInvalid'
            "$($run.Error)" | Should -Match "^RunId '\.\./other' must be 1 to 100 letters, digits"
            @($run.Calls) | Should -HaveCount 0
        }
    }

    Context 'the child runbook started by hand' {
        BeforeEach {
            New-AutomationAccount
            $script:ChildArguments = @{
                Organization = 'northwind'; CredentialName = $script:Organizations['northwind'].Asset; StorageAccountName = 'contosoaudit'
                ContainerName = 'oauth-audit'; RunBlob = 'manual/runs/northwind.json'
            }
        }

        It 'stops with LocationRequired without a region, an environment or base URIs, before it signs in' {
            $caught = Get-TerminatingError { & $script:ChildPath @script:ChildArguments }

            $caught.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'LocationRequired'
            "$caught" | Should -Be "Organization 'northwind': give -Region (such as eu-west-1), -Environment (such as mypurecloud.ie), or -ApiBaseUri and -LoginBaseUri."
            @($AzStub.Calls.ToArray()) | Should -HaveCount 0
        }

        It 'stops with CredentialAssetMissing when the asset reads as nothing, and writes no run' {
            $AzStub.Credentials['GenesysAudit-empty'] = $null
            $script:ChildArguments.CredentialName = 'GenesysAudit-empty'
            $script:ChildArguments.ApiBaseUri = "$($script:Organizations['northwind'].Emulator.ApiBaseUri)"
            $script:ChildArguments.LoginBaseUri = "$($script:Organizations['northwind'].Emulator.LoginBaseUri)"

            $caught = Get-TerminatingError { & $script:ChildPath @script:ChildArguments }

            $caught.FullyQualifiedErrorId.Split(',')[0] | Should -Be 'CredentialAssetMissing'
            "$caught" | Should -Match "^Organization 'northwind': the Automation account has no credential asset 'GenesysAudit-empty'\."
            Test-Path -LiteralPath (Get-BlobPath 'manual/runs/northwind.json') | Should -BeFalse
        }
    }

    Context 'on Windows PowerShell 5.1 as on PowerShell 7' {
        It '<Name> uses no syntax that only PowerShell 7 parses' -ForEach @(
            Get-ChildItem -Path (Join-Path $PSScriptRoot '../../samples/runbooks') -Filter '*.ps1' | ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
        ) {
            $tokens = $null
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
            @($errors) | Should -HaveCount 0

            $found = @($ast.FindAll({
                        param($node)
                        $type = $node.GetType().Name
                        if ($type -eq 'TernaryExpressionAst' -or $type -eq 'PipelineChainAst') { return $true }
                        if ($type -eq 'BinaryExpressionAst' -and "$($node.Operator)" -eq 'QuestionQuestion') { return $true }
                        if ($type -eq 'AssignmentStatementAst' -and "$($node.Operator)" -eq 'QuestionQuestionEquals') { return $true }
                        if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { return $true }
                        if ($type -eq 'CommandParameterAst' -and $node.ParameterName -eq 'Parallel') { return $true }
                        $false
                    }, $true) | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Extent.Text)" })
            $found | Should -HaveCount 0
        }
    }
}
