using System.IO;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Rules.Loading;
using OAuthAudit.Yaml;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The YAML parser wired to the engine's loader, as the module wires them (without the isolation).</summary>
    internal static class Baselines
    {
        public static BaselineLoader Loader { get; } = new BaselineLoader(new BaselineReader());

        public static Baseline Parse(string yaml, string source = "test.yml") => new BaselineReader().Parse(new StringReader(yaml), source);
    }
}
