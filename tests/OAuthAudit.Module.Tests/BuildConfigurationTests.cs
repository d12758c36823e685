using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// A plain dotnet test builds Debug: its module and package go to out/Debug/, never over the Release module in
    /// out/OAuthAudit/&lt;version&gt;/ and out/OAuthAudit.zip a user built with build.ps1; each test build imports its own.
    /// </summary>
    public class BuildConfigurationTests
    {
        private static string ExpectedOutputRoot => RepositoryPaths.Configuration == "Release"
            ? Path.Combine(RepositoryPaths.Root, "out")
            : Path.Combine(RepositoryPaths.Root, "out", RepositoryPaths.Configuration);

        [Fact]
        public void The_module_and_package_of_this_configuration_have_their_own_place()
        {
            Assert.Equal(Path.Combine(ExpectedOutputRoot, "OAuthAudit", RepositoryPaths.ModuleVersion), RepositoryPaths.ModuleFolder);
            Assert.Equal(Path.Combine(ExpectedOutputRoot, "OAuthAudit.zip"), RepositoryPaths.ModulePackage);
            Assert.True(File.Exists(RepositoryPaths.ModuleManifest), $"the {RepositoryPaths.Configuration} build lays the module out at {RepositoryPaths.ModuleFolder}");
            Assert.True(File.Exists(RepositoryPaths.ModulePackage), $"the {RepositoryPaths.Configuration} build packs {RepositoryPaths.ModulePackage}");
        }

        [Fact]
        public void The_imported_module_is_this_configurations_build_from_its_folder()
        {
            using var shell = new PowerShellSession();

            var moduleBase = Assert.Single(shell.Run("(Get-Module OAuthAudit).ModuleBase").ThrowIfFailed().Output).ToString();
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(assembly => assembly.GetName().Name == "OAuthAudit").ToArray();

            Assert.Equal(RepositoryPaths.ModuleFolder, moduleBase.TrimEnd(Path.DirectorySeparatorChar));
            var module = Assert.Single(loaded);
            Assert.Equal(Path.Combine(RepositoryPaths.ModuleFolder, "OAuthAudit.dll"), module.Location);
            Assert.Equal(RepositoryPaths.Configuration, module.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration);
        }

        [Fact]
        public void The_laid_out_module_in_out_OAuthAudit_is_never_a_debug_build()
        {
            var releaseDll = Path.Combine(RepositoryPaths.Root, "out", "OAuthAudit", RepositoryPaths.ModuleVersion, "OAuthAudit.dll");
            if (RepositoryPaths.Configuration != "Release" && !File.Exists(releaseDll))
            {
                return; // nothing built in Release yet: nothing a Debug build could have overwritten
            }

            // Read without loading: this process may hold another build of the same assembly.
            var name = AssemblyName.GetAssemblyName(releaseDll);
            using var stream = File.OpenRead(releaseDll);
            using var reader = new PEReader(stream);
            var metadata = reader.GetMetadataReader();
            var configuration = metadata.CustomAttributes
                .Select(metadata.GetCustomAttribute)
                .Where(attribute => AttributeTypeName(metadata, attribute) == nameof(AssemblyConfigurationAttribute))
                .Select(attribute => DecodeSingleString(metadata, attribute))
                .SingleOrDefault();

            Assert.Equal("OAuthAudit", name.Name);
            Assert.Equal("Release", configuration);
        }

        private static string AttributeTypeName(MetadataReader metadata, CustomAttribute attribute)
        {
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                return string.Empty;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            return constructor.Parent.Kind == HandleKind.TypeReference
                ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name)
                : string.Empty;
        }

        private static string? DecodeSingleString(MetadataReader metadata, CustomAttribute attribute)
        {
            // Blob: prolog 0x0001, then one SerString.
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            return blob.ReadSerializedString();
        }
    }
}
