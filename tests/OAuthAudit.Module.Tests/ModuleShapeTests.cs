using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>The built module as a user and the PowerShell Gallery see it: manifest, exports, verbs, output types, views, help.</summary>
    public class ModuleShapeTests : IClassFixture<ModuleShapeTests.ImportedModule>
    {
        private const string ModuleName = "OAuthAudit";
        private const string FormatFileName = "OAuthAudit.format.ps1xml";
        private const string HelpFileName = "OAuthAudit.dll-Help.xml";

        private static readonly Type[] VerbClasses =
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        };

        private readonly PowerShellSession _shell;

        public ModuleShapeTests(ImportedModule module)
        {
            _shell = module.Shell;
        }

        private static string ModuleFolder => Path.GetDirectoryName(RepositoryPaths.ModuleManifest)!;

        [Fact]
        public void The_built_manifest_version_is_its_folder_version_and_the_source_manifest_version()
        {
            var sourceVersion = (string)ReadDataFile(RepositoryPaths.SourceManifest)["ModuleVersion"]!;
            var buildVersion = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("ModuleVersion").Single().Value;
            var versionsFolder = Path.GetDirectoryName(RepositoryPaths.ModuleFolder)!;
            var builtManifest = Path.Combine(versionsFolder, buildVersion, ModuleName + ".psd1");

            Assert.True(File.Exists(builtManifest), $"the build lays the module out in {versionsFolder}/{buildVersion}/ (Directory.Build.props' ModuleVersion); {builtManifest} is missing");
            Assert.Equal(sourceVersion, buildVersion);
            Assert.Equal(buildVersion, (string)ReadDataFile(builtManifest)["ModuleVersion"]!);
            Assert.Equal(File.ReadAllText(RepositoryPaths.SourceManifest), File.ReadAllText(builtManifest));
            Assert.Equal(sourceVersion, Single("(Get-Module OAuthAudit).Version.ToString()"));
            foreach (var folder in Directory.EnumerateDirectories(versionsFolder))
            {
                var manifest = Path.Combine(folder, ModuleName + ".psd1");
                if (File.Exists(manifest))
                {
                    Assert.Equal(Path.GetFileName(folder), (string)ReadDataFile(manifest)["ModuleVersion"]!);
                }
            }
        }

        [Fact]
        public void Test_ModuleManifest_passes()
        {
            using var shell = new PowerShellSession(importModule: false);

            var result = shell.Run("Test-ModuleManifest -Path $path -ErrorAction Continue", new() { ["path"] = RepositoryPaths.ModuleManifest });

            Assert.True(!result.AllErrors.Any(), string.Join("\n", result.AllErrors.Select(error => $"{error.FullyQualifiedErrorId}: {error}")));
            var info = Assert.IsType<PSModuleInfo>(Assert.Single(result.Output).BaseObject);
            Assert.Equal(ModuleName, info.Name);
            Assert.Equal(RepositoryPaths.ModuleVersion, info.Version.ToString());
            Assert.Equal(ManifestList("CmdletsToExport").OrderBy(name => name, StringComparer.Ordinal), info.ExportedCmdlets.Keys.OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public void The_manifest_declares_both_editions_PowerShell_5_1_and_NET_Framework_4_7_2()
        {
            var manifest = ReadDataFile(RepositoryPaths.ModuleManifest);
            var info = (PSModuleInfo)Assert.Single(_shell.Run("Get-Module OAuthAudit").ThrowIfFailed().Output).BaseObject;

            Assert.Equal(new[] { "Desktop", "Core" }, ((IEnumerable)manifest["CompatiblePSEditions"]!).Cast<object>().Select(item => item.ToString()).ToArray());
            Assert.Equal("5.1", manifest["PowerShellVersion"]);
            Assert.Equal("4.7.2", manifest["DotNetFrameworkVersion"]);
            Assert.Equal(new[] { "Desktop", "Core" }, info.CompatiblePSEditions.ToArray());
            Assert.Equal(new Version(5, 1), info.PowerShellVersion);
            Assert.Equal(new Version(4, 7, 2), info.DotNetFrameworkVersion);
        }

        [Fact]
        public void The_module_exports_exactly_the_manifest_cmdlets_and_nothing_else()
        {
            var manifest = ReadDataFile(RepositoryPaths.ModuleManifest);
            var expected = ManifestList("CmdletsToExport").Select(name => "Cmdlet " + name).OrderBy(name => name, StringComparer.Ordinal).ToArray();

            var exported = Strings("Get-Command -Module OAuthAudit | ForEach-Object { \"$($_.CommandType) $($_.Name)\" }").OrderBy(name => name, StringComparer.Ordinal).ToArray();
            var info = (PSModuleInfo)Assert.Single(_shell.Run("Get-Module OAuthAudit").ThrowIfFailed().Output).BaseObject;

            Assert.NotEmpty(expected);
            Assert.Equal(expected, exported);
            Assert.Empty(info.ExportedFunctions);
            Assert.Empty(info.ExportedAliases);
            Assert.Empty(info.ExportedVariables);
            foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport" })
            {
                Assert.True(manifest[key] is object[] { Length: 0 }, $"{key} is @() in the manifest (not '*', which makes PowerShell search the module)");
            }
        }

        [Fact]
        public void Every_cmdlet_the_assembly_defines_is_in_the_manifest()
        {
            var assembly = (Assembly)Assert.Single(_shell.Run("(Get-Module OAuthAudit).ImplementingAssembly").ThrowIfFailed().Output).BaseObject;

            var defined = assembly.GetExportedTypes()
                .Where(type => !type.IsAbstract)
                .Select(type => type.GetCustomAttribute<CmdletAttribute>())
                .Where(attribute => attribute != null)
                .Select(attribute => attribute!.VerbName + "-" + attribute.NounName)
                .OrderBy(name => name, StringComparer.Ordinal);

            Assert.Equal(ManifestList("CmdletsToExport").OrderBy(name => name, StringComparer.Ordinal), defined);
        }

        [Fact]
        public void Every_exported_cmdlet_uses_an_approved_verb()
        {
            var approved = VerbClasses
                .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (string)field.GetRawConstantValue()!)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Contains("Get", approved);
            Assert.Contains("Connect", approved);

            var verbs = Strings("Get-Command -Module OAuthAudit | ForEach-Object { \"$($_.Name)|$($_.Verb)\" }");

            Assert.NotEmpty(verbs);
            foreach (var pair in verbs.Select(line => line.Split('|')))
            {
                Assert.True(approved.Contains(pair[1]), $"{pair[0]}: '{pair[1]}' is not an approved verb");
            }
        }

        [Fact]
        public void Every_cmdlet_declares_its_output_types_and_each_has_a_format_view()
        {
            var formatFile = Path.Combine(ModuleFolder, FormatFileName);
            var exportedFormatFiles = Strings("(Get-Module OAuthAudit).ExportedFormatFiles");
            Assert.Contains(exportedFormatFiles, path => string.Equals(Path.GetFullPath(path), Path.GetFullPath(formatFile), StringComparison.Ordinal));
            var viewed = ViewedTypeNames(formatFile);

            // PowerShell's own views show these; a view of ours would replace them for every file in the session.
            viewed.UnionWith(new[] { "System.IO.FileInfo" });

            var declared = Strings("Get-Command -Module OAuthAudit | ForEach-Object { $command = $_; $command.OutputType | ForEach-Object { \"$($command.Name)|$($_.Name)\" } }")
                .Select(line => line.Split('|'))
                .ToLookup(pair => pair[0], pair => pair[1]);
            var cmdlets = ManifestList("CmdletsToExport");

            foreach (var cmdlet in cmdlets)
            {
                Assert.True(declared[cmdlet].Any(), $"{cmdlet} declares no [OutputType]");
                foreach (var type in declared[cmdlet])
                {
                    // PowerShell's own format files view the file system's types (-PassThru of the commands that write files); a view of ours would replace it.
                    Assert.True(viewed.Contains(type) || type == typeof(System.IO.FileInfo).FullName, $"{cmdlet} outputs {type}, which has no view in {FormatFileName} (views select: {string.Join(", ", viewed)})");
                }
            }
        }

        [Fact]
        public void Every_cmdlet_has_help_with_a_synopsis_at_least_three_examples_and_every_parameter_described()
        {
            var helpFile = Path.Combine(ModuleFolder, "en-US", HelpFileName);
            Assert.True(File.Exists(helpFile), $"{helpFile} is missing: the build copies src/OAuthAudit/Help/en-US/{HelpFileName} there");

            var result = _shell.Run("""
                $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
                foreach ($command in Get-Command -Module OAuthAudit) {
                    $help = Get-Help -Name $command.Name -Full
                    $examples = @($help.examples.example | Where-Object { $null -ne $_ })
                    $described = @{}
                    foreach ($parameter in @($help.parameters.parameter | Where-Object { $null -ne $_ })) {
                        $described[[string] $parameter.name] = (@($parameter.description | ForEach-Object { $_.Text }) -join '').Trim()
                    }
                    $undescribed = @($command.Parameters.Keys | Where-Object { $common -notcontains $_ -and -not $described[$_] })
                    [pscustomobject]@{
                        Name = $command.Name
                        HelpFile = [System.IO.Path]::GetFileName([string]$command.HelpFile)
                        Synopsis = "$($help.Synopsis)".Trim()
                        Examples = $examples.Count
                        ExamplesWithCode = @($examples | Where-Object { "$($_.code)".Trim() }).Count
                        Undescribed = $undescribed -join ', '
                    }
                }
                """).ThrowIfFailed();

            Assert.Equal(ManifestList("CmdletsToExport").Length, result.Output.Count);
            var problems = new List<string>();
            foreach (var help in result.Output)
            {
                var name = (string)help.Properties["Name"].Value;
                var synopsis = (string)help.Properties["Synopsis"].Value;
                var examples = (int)help.Properties["Examples"].Value;
                var undescribed = (string)help.Properties["Undescribed"].Value;
                if (!string.Equals(HelpFileName, help.Properties["HelpFile"].Value as string, StringComparison.Ordinal))
                {
                    problems.Add($"{name}: its help file is '{help.Properties["HelpFile"].Value}', not {HelpFileName}");
                }

                if (string.IsNullOrWhiteSpace(synopsis) || synopsis.StartsWith(name, StringComparison.OrdinalIgnoreCase) || synopsis.Contains("<CommonParameters>"))
                {
                    problems.Add($"{name}: no synopsis (Get-Help shows '{synopsis.Split('\n')[0]}'): is it in {HelpFileName}?");
                }

                if (examples < 3)
                {
                    problems.Add($"{name}: {examples} example(s); at least 3 are needed");
                }

                if ((int)help.Properties["ExamplesWithCode"].Value != examples)
                {
                    problems.Add($"{name}: an example has no code");
                }

                if (!string.IsNullOrEmpty(undescribed))
                {
                    problems.Add($"{name}: no help description for parameter(s) {undescribed}");
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Get_Help_about_OAuthAudit_explains_the_concepts()
        {
            Assert.True(File.Exists(Path.Combine(ModuleFolder, "en-US", "about_OAuthAudit.help.txt")), "the build copies about_OAuthAudit.help.txt to en-US");

            var text = string.Join("\n", Strings("Get-Help about_OAuthAudit | ForEach-Object { \"$_\" }"));

            foreach (var heading in new[] { "about_OAuthAudit", "CONTEXTS", "BASELINES", "OUTCOMES", "SCOPE SEMANTICS", "ROLES, DIVISIONS AND PERMISSIONS", "PERMISSIONS THE AUDITING CLIENT NEEDS", "ERRORS", "SECRETS" })
            {
                Assert.Contains(heading, text);
            }

            foreach (var fact in new[] { "X also grants X:readonly", "NotApplicable", "oauth:client:view", "authorization:role:view", "authorization:division:view", "-Context", "-SnapshotPath" })
            {
                Assert.Contains(fact, text);
            }

            var errorIds = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "OAuthAudit", "Errors", "ErrorIds.cs")), "const string \\w+ = \"(\\w+)\"")
                .Select(match => match.Groups[1].Value).ToArray();
            Assert.True(errorIds.Length > 20, $"{errorIds.Length} ErrorIds");
            foreach (var errorId in errorIds)
            {
                Assert.Contains(errorId, text);
            }
        }

        [Fact]
        public void The_module_is_version_0_2_0_under_the_MIT_license_and_claims_no_address_it_does_not_have()
        {
            var manifest = ReadDataFile(RepositoryPaths.ModuleManifest);
            var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
            var license = File.ReadAllText(Path.Combine(ModuleFolder, "LICENSE"));

            Assert.Equal("0.2.0", manifest["ModuleVersion"]);
            Assert.StartsWith("MIT License\n\nCopyright (c) 2026 OAuthAudit contributors\n", license.Replace("\r\n", "\n"));
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LICENSE")), license);
            Assert.Contains("MIT License", (string)manifest["Copyright"]!);
            Assert.False(psData.ContainsKey("ProjectUri") || psData.ContainsKey("LicenseUri"), "no public address is known yet; the manifest must not invent one");
        }

        /// <summary>Reads a .psd1 as Import-PowerShellDataFile does: the file's hashtable, constants only.</summary>
        private static Hashtable ReadDataFile(string path)
        {
            var ast = Parser.ParseFile(path, out _, out var errors);
            Assert.True(errors.Length == 0, $"{path}: {string.Join("; ", errors.Select(error => error.Message))}");
            var table = (HashtableAst)ast.Find(node => node is HashtableAst, false)!;
            return (Hashtable)table.SafeGetValue();
        }

        private static string[] ManifestList(string key) =>
            ((IEnumerable)ReadDataFile(RepositoryPaths.ModuleManifest)[key]!).Cast<object>().Select(item => item.ToString()!).ToArray();

        /// <summary>The type names format views are selected by, selection sets expanded.</summary>
        private static HashSet<string> ViewedTypeNames(string formatFile)
        {
            var document = XDocument.Load(formatFile);
            var selectionSets = document.Descendants("SelectionSet")
                .ToDictionary(set => (string)set.Element("Name")!, set => set.Descendants("TypeName").Select(type => type.Value.Trim()).ToArray(), StringComparer.OrdinalIgnoreCase);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var selectedBy in document.Descendants("View").Elements("ViewSelectedBy"))
            {
                names.UnionWith(selectedBy.Elements("TypeName").Select(type => type.Value.Trim()));
                foreach (var set in selectedBy.Elements("SelectionSetName"))
                {
                    names.UnionWith(selectionSets.TryGetValue(set.Value.Trim(), out var types) ? types : Array.Empty<string>());
                }
            }

            return names;
        }

        private string[] Strings(string script) => _shell.Run(script).ThrowIfFailed().Output.Select(item => item.ToString()).ToArray();

        private string Single(string script) => Assert.Single(Strings(script));

        /// <summary>One session with the built module imported, shared by the tests of this class (run one at a time).</summary>
        public sealed class ImportedModule : IDisposable
        {
            internal PowerShellSession Shell { get; } = new PowerShellSession();

            public void Dispose() => Shell.Dispose();
        }
    }
}
