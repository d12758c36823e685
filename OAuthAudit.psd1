@{
    RootModule             = 'OAuthAudit.dll'
    ModuleVersion          = '0.2.0'
    GUID                   = '6f1f7a52-3b7e-4c43-9a52-0d2f4b8e9c11'
    Author                 = 'OAuthAudit contributors'
    CompanyName            = 'OAuthAudit'
    Copyright              = '(c) 2026 OAuthAudit contributors. MIT License (see LICENSE).'
    Description            = 'Audits Genesys Cloud OAuth clients: lists every client with its scopes resolved against the scope registry, and checks them against a required baseline. Read-only.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('OAuthAudit.format.ps1xml')
    # Loaded before the type data, which names the engine's enums.
    RequiredAssemblies     = @('OAuthAudit.Engine.dll')
    TypesToProcess         = @('OAuthAudit.types.ps1xml', 'OAuthAudit.Deserialization.types.ps1xml')
    CmdletsToExport        = @(
        'Connect-GcOrganization'
        'Disconnect-GcOrganization'
        'Get-GcContext'
        'Get-GcOAuthClient'
        'Get-GcOAuthClientUsage'
        'Get-GcOAuthClientHistory'
        'Get-GcOAuthScope'
        'Get-GcAuthorizationRole'
        'Get-GcAuthorizationDivision'
        'Get-GcOAuthBaseline'
        'New-GcOAuthBaseline'
        'Test-GcOAuthClientScope'
        'Assert-GcOAuthClientScope'
        'Compare-GcOAuthSnapshot'
        'Save-GcOAuthSnapshot'
        'Export-GcOAuthAuditReport'
        'Invoke-GcOAuthAudit'
        'Merge-GcOAuthAuditRun'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('GenesysCloud', 'PureCloud', 'OAuth', 'Audit', 'Security', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'See CHANGELOG.md'
            # ProjectUri and LicenseUri are left out until the project has a public address: the license
            # travels with the module as the LICENSE file next to this manifest.
        }
    }
}
