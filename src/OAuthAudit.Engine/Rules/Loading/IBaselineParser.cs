using System.IO;

namespace OAuthAudit.Engine.Rules.Loading
{
    /// <summary>
    /// Turns baseline YAML into a checked Baseline, or throws a FileFormatException naming line and column.
    /// Implemented in OAuthAudit.Yaml, which the module loads in isolation with its own YamlDotNet.
    /// </summary>
    public interface IBaselineParser
    {
        /// <param name="source">Names the text in errors and becomes Baseline.Source: a path, or "(built-in)".</param>
        Baseline Parse(TextReader yaml, string source);
    }
}
