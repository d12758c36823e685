using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OAuthAudit.Engine.Rules.Loading;

namespace OAuthAudit.Hosting
{
    /// <summary>
    /// PowerShell loads every module into one process, and YamlDotNet is the classic clash (powershell-yaml,
    /// platyPS). So the baseline parser and the YamlDotNet it was built with live in the module's
    /// dependencies folder and load apart from whatever YamlDotNet the session already has: in their own
    /// AssemblyLoadContext on PowerShell 7, in the LoadFrom context on Windows PowerShell 5.1 (where signed
    /// assemblies of different versions may sit side by side).
    /// </summary>
    internal static class IsolatedDependencies
    {
        public const string FolderName = "dependencies";
        private const string ParserAssembly = "OAuthAudit.Yaml";
        private const string ParserType = "OAuthAudit.Yaml.BaselineReader";

        private static readonly Lazy<BaselineLoader> Loader = new Lazy<BaselineLoader>(Create);

        public static BaselineLoader Baselines => Loader.Value;

        private static BaselineLoader Create()
        {
            var folder = Path.Combine(Path.GetDirectoryName(typeof(IsolatedDependencies).Assembly.Location)!, FolderName);
            var path = Path.Combine(folder, ParserAssembly + ".dll");
            var assembly = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)
                ? LoadOnNetFramework(path, folder)
                : LoadOnPowerShell7(path, folder);
            var parser = (IBaselineParser)Activator.CreateInstance(assembly.GetType(ParserType, throwOnError: true)!)!;
            return new BaselineLoader(parser);
        }

        /// <summary>
        /// Kept out of line: compiling a method that names DependencyLoadContext loads AssemblyLoadContext, which
        /// .NET Framework does not have, so only PowerShell 7 may ever compile it.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Assembly LoadOnPowerShell7(string path, string folder) => DependencyLoadContext.LoadIsolated(path, folder);

        private static Assembly LoadOnNetFramework(string path, string folder)
        {
            AppDomain.CurrentDomain.AssemblyResolve += (sender, args) =>
            {
                var name = new AssemblyName(args.Name);
                var candidate = Path.Combine(folder, name.Name + ".dll");
                return args.RequestingAssembly?.Location.StartsWith(folder, StringComparison.OrdinalIgnoreCase) == true && File.Exists(candidate)
                    ? Assembly.LoadFrom(candidate)
                    : null;
            };
            return Assembly.LoadFrom(path);
        }
    }
}
