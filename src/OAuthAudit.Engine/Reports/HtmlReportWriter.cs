using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Runs;

namespace OAuthAudit.Engine.Reports
{
    /// <summary>
    /// One self-contained HTML page (UTF-8, no byte-order mark): the run documents as a JSON array in a
    /// <c>&lt;script type="application/json"&gt;</c> block, rendered by the page's own inline script and style
    /// (Reports/Html/report.html, .css, .js). The page loads nothing: its Content-Security-Policy allows only that
    /// script and style, by their SHA-256, and no source of any other kind.
    /// </summary>
    internal sealed class HtmlReportWriter : IReportWriter
    {
        private static readonly Regex Placeholder = new Regex(@"\{\{([A-Z]+)\}\}", RegexOptions.CultureInvariant);

        public ReportFormat Format => ReportFormat.Html;

        public string Extension => ".html";

        public void Write(IReadOnlyList<AuditRun> runs, Stream output)
        {
            if (runs == null || runs.Count == 0)
            {
                throw new ArgumentException("An HTML report needs at least one run.", nameof(runs));
            }

            var style = HtmlTemplate.Style;
            var script = HtmlTemplate.Script;
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CSP"] = $"default-src 'none'; script-src '{Sha256(script)}'; style-src '{Sha256(style)}'; base-uri 'none'; form-action 'none'",
                ["STYLE"] = style,
                ["SCRIPT"] = script,
                ["DATA"] = ScriptJson(new JArray(runs.Select(AuditRunJson.Document))),
            };

            // One pass over the template: text put in (the data among it) is never searched for placeholders again.
            var page = Placeholder.Replace(HtmlTemplate.Page, match => values[match.Groups[1].Value]);
            var bytes = new UTF8Encoding(false).GetBytes(page);
            output.Write(bytes, 0, bytes.Length);
        }

        /// <summary>
        /// JSON that cannot end or change the script element it sits in: &lt; &gt; &amp; and the two line separators
        /// (which some parsers take as line ends) are written as \u escapes, which JSON reads back as the same text.
        /// </summary>
        internal static string ScriptJson(JToken document)
        {
            var json = document.ToString(Formatting.None);
            var escaped = new StringBuilder(json.Length + 64);
            foreach (var character in json)
            {
                switch (character)
                {
                    case '<': escaped.Append("\\u003c"); break;
                    case '>': escaped.Append("\\u003e"); break;
                    case '&': escaped.Append("\\u0026"); break;
                    case '\u2028': escaped.Append("\\u2028"); break;
                    case '\u2029': escaped.Append("\\u2029"); break;
                    default: escaped.Append(character); break;
                }
            }

            return escaped.ToString();
        }

        private static string Sha256(string text)
        {
            using (var sha = SHA256.Create())
            {
                return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
            }
        }
    }
}
