using System.Reflection;

namespace OAuthAudit.Engine.Runs
{
    /// <summary>The tool that wrote a run, so a reader knows which rules of judgement produced it.</summary>
    public sealed class RunTool
    {
        public const string ToolName = "OAuthAudit";

        public RunTool(string name, string version)
        {
            Name = name;
            Version = version;
        }

        /// <summary>OAuthAudit at the version of this engine (its informational version, without build metadata).</summary>
        public static RunTool Current { get; } = new RunTool(ToolName, EngineVersion());

        public string Name { get; }

        public string Version { get; }

        public override string ToString() => $"{Name} {Version}";

        private static string EngineVersion()
        {
            var assembly = typeof(RunTool).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (!string.IsNullOrEmpty(informational))
            {
                var plus = informational!.IndexOf('+');
                return plus < 0 ? informational : informational.Substring(0, plus);
            }

            return assembly.GetName().Version?.ToString() ?? "0.0.0";
        }
    }
}
