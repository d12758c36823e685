using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// The load context of the module's private dependencies (PowerShell 7 only). It resolves an assembly
    /// from the dependencies folder when one is there; everything else, the engine above all (its types are
    /// what the module and the parser exchange), comes from the context PowerShell loaded the module into.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
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

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
