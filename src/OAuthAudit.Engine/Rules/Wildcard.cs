using System.Text.RegularExpressions;

namespace OAuthAudit.Engine.Rules
{
    /// <summary>Wildcard text ("*" any run, "?" one character), matched whole and ignoring case.</summary>
    internal static class Wildcard
    {
        public static Regex ToRegex(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
