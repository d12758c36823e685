using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// The load context of the module's private dependencies (PowerShell 7 only). It resolves an assembly from the
    /// dependencies folder when one is there, except the assemblies that must stay shared with the context PowerShell
    /// loaded the module into: those always come from there, even if a copy lies in the folder, because their types
    /// are what the module and the parser exchange (a private copy of the engine would make its IBaselineParser and
    /// Baseline different types). Everything else comes from the module's context too.
    /// (Microsoft Graph's GraphAssemblyLoadContext works the same way. The context has no Name: the constructor that
    /// takes one is missing from the netstandard2.0 compile reference, System.Runtime.Loader 4.3.0.)
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        /// <summary>
        /// The engine (IBaselineParser, Baseline, FileFormatException cross the boundary), Newtonsoft.Json (the
        /// engine's own dependency), PowerShell itself and the framework's facades: never loaded privately.
        /// </summary>
        private static readonly HashSet<string> SharedAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "OAuthAudit",
            "OAuthAudit.Engine",
            "Newtonsoft.Json",
            "System.Management.Automation",
            "netstandard",
            "mscorlib",
        };

        private static DependencyLoadContext? _instance;

        private readonly string _folder;

        private DependencyLoadContext(string folder)
        {
            _folder = folder;
        }

        public static Assembly LoadIsolated(string path, string folder)
        {
            _instance ??= new DependencyLoadContext(folder);
            return _instance.LoadFromAssemblyPath(path);
        }

        /// <returns>The private copy from the dependencies folder, or null to take the module context's one.</returns>
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (string.IsNullOrEmpty(name) || IsShared(name!))
            {
                return null;
            }

            var candidate = Path.Combine(_folder, name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }

        private static bool IsShared(string name) =>
            SharedAssemblies.Contains(name) || name.StartsWith("System.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Microsoft.PowerShell.", StringComparison.OrdinalIgnoreCase);
    }
}
