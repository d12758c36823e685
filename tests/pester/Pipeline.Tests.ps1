# The module in real PowerShell: the design card's pipelines through the real Export-Csv/Import-Csv, Select-Object,
# Sort-Object, Group-Object, ConvertTo-Json, Export-Clixml/Import-Clixml, ForEach-Object -Parallel and Format-Table,
# offline against the demo snapshot (samples/demo-org.json) and live against the emulator.

Describe 'OAuthAudit in PowerShell pipelines' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Manifest = (Import-OAuthAuditModule).Path
        $script:SampleBaseline = Join-Path (Get-RepositoryRoot) 'samples/baseline.yml'
        $script:Demo = Connect-GcOrganization -SnapshotPath (Get-DemoSnapshotPath)
        $script:Clients = @(Get-GcOAuthClient)
        # samples/baseline.yml gives every outcome and severity; its expired waiver warns, which is not tested here.
        $script:Results = @($script:Clients | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -WarningAction SilentlyContinue)

        function Get-ResultOf([string] $ClientName) {
            $script:Results | Where-Object ClientName -eq $ClientName
        }

        # The lines of a table as a console of that width shows it, without colours.
        function Get-TableLines {
            param([object[]] $InputObject, [int] $Width)

            $errors = $null
            $text = $InputObject | Format-Table -ErrorVariable errors | Out-PlainString -Width $Width
            @($errors) | Should -HaveCount 0
            @($text -split '\r?\n' | Where-Object { $_.Trim() })
        }
    }

    AfterAll {
        Disconnect-GcOrganization -Context $script:Demo
    }

    Context 'Export-Csv and Import-Csv' {
        It 'Get-GcOAuthClient | Test-GcOAuthClientScope | Export-Csv writes one row per client that Import-Csv reads back' {
            $path = Join-Path $TestDrive 'audit.csv'

            Get-GcOAuthClient | Test-GcOAuthClientScope | Export-Csv -Path $path -NoTypeInformation

            $live = @(Get-GcOAuthClient | Test-GcOAuthClientScope)
            $rows = @(Import-Csv -Path $path)
            $rows | Should -HaveCount 40
            # The columns are the result's properties, in order, and the file has no type line.
            (Get-Content -Path $path -TotalCount 1) | Should -Not -Match '^#'
            $rows[0].PSObject.Properties.Name | Should -Be $live[0].PSObject.Properties.Name
            foreach ($column in 'ClientId', 'ClientName', 'GrantType', 'Outcome', 'Severity', 'Findings', 'BaselineName', 'OrganizationName') {
                $rows[0].PSObject.Properties.Name | Should -Contain $column
            }

            # Each row is the verdict on its client.
            @($rows.ClientId | Sort-Object -Unique) | Should -HaveCount 40
            $expected = @($live | ForEach-Object { "$($_.ClientId)|$($_.ClientName)|$($_.Outcome)|$($_.Severity)" })
            @($rows | ForEach-Object { "$($_.ClientId)|$($_.ClientName)|$($_.Outcome)|$($_.Severity)" }) | Should -Be $expected
            $ops = $rows | Where-Object ClientName -eq 'Ops Wallboard Dashboard'
            $ops.Outcome | Should -Be 'Fail'
            $ops.Severity | Should -Be 'Critical'
            $ops.OrganizationName | Should -Be 'Northwind Contact Center'
            @($rows | Where-Object Outcome -eq 'Fail') | Should -HaveCount @($live | Where-Object Outcome -eq 'Fail').Count
        }
    }

    Context 'Select-Object, Sort-Object and Group-Object' {
        It 'Select-Object -ExpandProperty Findings gives the Finding objects -Expand writes' {
            $expanded = @($script:Results | Select-Object -ExpandProperty Findings)
            $byExpand = @($script:Clients | Test-GcOAuthClientScope -Baseline $script:SampleBaseline -Expand -WarningAction SilentlyContinue)

            $expanded | Should -HaveCount 43
            $expanded | ForEach-Object { $_.GetType().FullName | Should -Be 'OAuthAudit.Engine.Rules.Finding' }
            @($expanded | ForEach-Object { "$($_.ClientName)|$($_.RuleId)|$($_.Kind)|$($_.Subject)|$($_.Waived)" }) |
                Should -Be @($byExpand | ForEach-Object { "$($_.ClientName)|$($_.RuleId)|$($_.Kind)|$($_.Subject)|$($_.Waived)" })
            @($expanded | Where-Object Kind -eq 'ForbiddenScope' | Where-Object ClientName -eq 'Ops Wallboard Dashboard' | ForEach-Object Subject) -join '|' |
                Should -Be 'oauth|authorization'
        }

        It 'Sort-Object Severity orders by severity, not by name' {
            $ascending = @($script:Results | Sort-Object Severity)
            $descending = @($script:Results | Sort-Object Severity -Descending)

            (@($ascending | ForEach-Object { "$($_.Severity)" } | Select-Object -Unique) -join ',') | Should -Be ',Low,Medium,High,Critical'
            $descending[0].Severity | Should -Be 'Critical'
            $findings = @($script:Results | Select-Object -ExpandProperty Findings | Sort-Object Severity -Descending)
            "$($findings[0].Severity)" | Should -Be 'Critical'
            "$($findings[-1].Severity)" | Should -Be 'Info'
        }

        It 'Group-Object Outcome counts the verdicts' {
            $groups = @($script:Results | Group-Object Outcome | Sort-Object Name)

            (@($groups | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ',') | Should -Be 'Fail=18,Pass=19,Warning=3'
            foreach ($group in $groups) {
                @($group.Group | Where-Object { "$($_.Outcome)" -ne $group.Name }) | Should -HaveCount 0
            }

            ($groups | Where-Object Name -eq 'Fail').Group.ClientName | Should -Contain 'Ops Wallboard Dashboard'
        }
    }

    Context 'ConvertTo-Json and Export-Clixml' {
        It 'ConvertTo-Json -Depth 5 keeps every result and finding, nothing cut off' {
            $warnings = $null
            $json = $script:Results | ConvertTo-Json -Depth 5 -WarningVariable warnings

            @($warnings) | Should -HaveCount 0
            # A value PowerShell could not expand at this depth would be written as its type name.
            $json | Should -Not -Match '"(System|OAuthAudit)\.[A-Za-z.`]+'
            $back = @($json | ConvertFrom-Json)
            $back | Should -HaveCount 40
            $ops = $back | Where-Object ClientName -eq 'Ops Wallboard Dashboard'
            [OAuthAudit.Engine.Rules.Outcome] $ops.Outcome | Should -Be 'Fail'
            [OAuthAudit.Engine.Rules.Severity] $ops.Severity | Should -Be 'Critical'
            $ops.ForbiddenScopes | Should -Be @('oauth', 'authorization')
            $ops.Findings | Should -HaveCount 2
            $ops.Findings[0].RuleId | Should -Be 'NW-001'
            $ops.Findings[0].Subject | Should -Be 'oauth'
            $ops.Findings[0].Message | Should -Be (Get-ResultOf 'Ops Wallboard Dashboard').Findings[0].Message
            @($back.Findings) | Should -HaveCount 43
        }

        It 'ConvertTo-Json -EnumsAsStrings writes outcomes, severities and kinds by name' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
            $back = $script:Results | ConvertTo-Json -Depth 5 -EnumsAsStrings | ConvertFrom-Json

            $ops = $back | Where-Object ClientName -eq 'Ops Wallboard Dashboard'
            $ops.Outcome | Should -BeExactly 'Fail'
            $ops.Severity | Should -BeExactly 'Critical'
            $ops.Findings[0].Kind | Should -BeExactly 'ForbiddenScope'
        }

        It 'Import-Clixml gives back results that filter by Outcome and Severity as before the export' {
            $path = Join-Path $TestDrive 'audit.xml'

            $script:Results | Export-Clixml -Path $path
            $back = @(Import-Clixml -Path $path)

            $back | Should -HaveCount 40
            $back[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.OAuthAudit.Engine.Rules.ClientAuditResult'
            # The enums come back as their own types while the module is loaded (OAuthAudit.Deserialization.types.ps1xml).
            @($back | Where-Object Outcome -eq 'Fail') | Should -HaveCount 18
            @($back | Where-Object Severity -eq 'Critical') | Should -HaveCount @($script:Results | Where-Object Severity -eq 'Critical').Count
            @($back | Sort-Object Severity -Descending)[0].Severity | Should -Be 'Critical'
            $ops = $back | Where-Object ClientName -eq 'Ops Wallboard Dashboard'
            $ops.Outcome | Should -BeOfType ([OAuthAudit.Engine.Rules.Outcome])
            @($ops.Findings | ForEach-Object RuleId) | Should -Be @('NW-001', 'NW-001')
            @($ops.ForbiddenScopes) | Should -Be @('oauth', 'authorization')
            $ops.EvaluatedAt | Should -Be (Get-ResultOf 'Ops Wallboard Dashboard').EvaluatedAt
            ($back | Format-Table | Out-PlainString) | Should -Match 'Ops Wallboard Dashboard\s+CODE\s+Fail\s+Critical'
        }
    }

    Context 'ForEach-Object -Parallel' {
        BeforeAll {
            # A second organization: the demo snapshot under another name, served live by the emulator.
            $renamed = Join-Path $TestDrive 'contoso-org.json'
            $text = Get-Content -Path (Get-DemoSnapshotPath) -Raw
            [System.IO.File]::WriteAllText($renamed, $text.Replace('"name": "Northwind Contact Center"', '"name": "Contoso Support"'))
            $script:Emulator = Start-Emulator -SnapshotPath $renamed
            $connection = Get-EmulatorConnection -Emulator $script:Emulator
            $script:Live = Connect-GcOrganization @connection
        }

        AfterAll {
            if ($script:Live) {
                Disconnect-GcOrganization -Context $script:Live
            }

            Stop-Emulator $script:Emulator
        }

        It 'audits two organizations side by side, each through its own -Context' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
            $current = (Get-GcContext).OrganizationName

            $results = @($script:Demo, $script:Live | ForEach-Object -ThrottleLimit 2 -Parallel {
                    Import-Module -Name $using:Manifest
                    $context = $_
                    Get-GcOAuthClient -Context $context | Test-GcOAuthClientScope -Baseline $using:SampleBaseline -WarningAction SilentlyContinue
                })

            $results | Should -HaveCount 80
            (@($results | Group-Object OrganizationName | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ',') |
                Should -Be 'Contoso Support=40,Northwind Contact Center=40'
            $expected = @($script:Results | ForEach-Object { "$($_.ClientName)=$($_.Outcome)=$($_.Severity)" } | Sort-Object)
            foreach ($organization in 'Contoso Support', 'Northwind Contact Center') {
                @($results | Where-Object OrganizationName -eq $organization | ForEach-Object { "$($_.ClientName)=$($_.Outcome)=$($_.Severity)" } | Sort-Object) |
                    Should -Be $expected
            }

            (Get-GcContext).OrganizationName | Should -Be $current
            @($script:Emulator.Process.HasExited) | Should -Be @($false)
        }
    }

    Context 'Format-Table' {
        It 'shows clients, results and findings at <Width> columns with the columns a reader needs' -ForEach @(
            @{ Width = 80 }
            @{ Width = 120 }
        ) {
            $clientLines = Get-TableLines -InputObject $script:Clients -Width $Width
            $resultLines = Get-TableLines -InputObject $script:Results -Width $Width
            $findingLines = Get-TableLines -InputObject @($script:Results | Select-Object -ExpandProperty Findings) -Width $Width

            foreach ($lines in $clientLines, $resultLines, $findingLines) {
                $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }
                @($lines | Where-Object { $_ -match '^-{4,}' }) | Should -HaveCount 1
            }

            $clientLines[0] | Should -Match '^Name\s+GrantType\s+State\b'
            foreach ($client in $script:Clients) {
                @($clientLines | Where-Object { $_.StartsWith($client.Name + ' ') }) | Should -HaveCount 1
            }

            $resultLines[0] | Should -Match '^ClientName\s+GrantType\s+Outcome\s+Severity\b'
            @($resultLines | Where-Object { $_ -match '^Ops Wallboard Dashboard\s+CODE\s+Fail\s+Critical\b' }) | Should -HaveCount 1
            @($resultLines | Where-Object { $_ -match '^Citrix Agent Launcher\s+SAML2-BEARER\s+Pass\b' }) | Should -HaveCount 1
            $findingLines[0] | Should -Match '^ClientName\s+RuleId\s+Severity\s+Kind\b'
            @($findingLines | Where-Object { $_ -match '^Ops Wallboard Dashboa\S*\s+NW-001\s+Critical\s+ForbiddenScope\b' }) | Should -HaveCount 2
        }
    }
}
