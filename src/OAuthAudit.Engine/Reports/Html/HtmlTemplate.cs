using System;
using System.IO;
using System.Text;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>The HTML report's page, style and script, embedded from Reports/Html/ (line ends read as \n).</summary>
    internal static class HtmlTemplate
    {
        private const string Prefix = "OAuthAudit.Engine.Reports.Html.";

        private static readonly Lazy<string> PageText = new Lazy<string>(() => Read("report.html"));
        private static readonly Lazy<string> StyleText = new Lazy<string>(() => Read("report.css"));
        private static readonly Lazy<string> ScriptText = new Lazy<string>(() => Read("report.js"));

        public static string Page => PageText.Value;

        public static string Style => StyleText.Value;

        public static string Script => ScriptText.Value;

        private static string Read(string name)
        {
            using (var stream = typeof(HtmlTemplate).Assembly.GetManifestResourceStream(Prefix + name)
                ?? throw new InvalidOperationException($"The HTML report's resource '{name}' is missing from the engine assembly."))
            using (var reader = new StreamReader(stream, new UTF8Encoding(false)))
            {
                return reader.ReadToEnd().Replace("\r\n", "\n");
            }
        }
    }
}
