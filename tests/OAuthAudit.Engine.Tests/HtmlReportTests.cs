using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Tests.Shared.Reports;
using Xunit;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>The HTML report of a demo run, read back with an HTML5 parser (AngleSharp) that tokenizes script elements as a browser does.</summary>
    public class HtmlReportTests
    {
        private static readonly IReportWriter Writer = ReportWriters.For(ReportFormat.Html);

        [Fact]
        public void The_page_embeds_exactly_the_run_document_the_JSON_writer_writes()
        {
            var run = DemoRuns.Demo();

            var page = Parse(Render(run));

            var runs = EmbeddedRuns(page);
            Assert.Single(runs);
            Assert.True(JToken.DeepEquals(Json(AuditRunJson.Write(run)), runs[0]), "The embedded document differs from AuditRunJson's.");
            Assert.Equal(".html", Writer.Extension);
            Assert.Equal(ReportFormat.Html, ReportWriters.FormatOf("audit.HTML"));
        }

        [Fact]
        public void The_page_loads_nothing_its_one_script_and_style_are_inline_and_allowed_only_by_their_hash()
        {
            var page = Parse(Render(DemoRuns.Demo()));

            Assert.Empty(page.QuerySelectorAll("link, img, iframe, object, embed, audio, video, source, base, form"));
            Assert.Empty(page.All.SelectMany(element => element.Attributes)
                .Where(attribute => attribute.Name is "src" or "href" or "action" or "srcset" or "poster" or "data" || attribute.Name.StartsWith("on", StringComparison.Ordinal))
                .Where(attribute => !attribute.Value.StartsWith('#'))
                .Select(attribute => $"{attribute.Name}={attribute.Value}"));
            var scripts = page.QuerySelectorAll("script").ToArray();
            Assert.Equal(2, scripts.Length);
            Assert.Equal("application/json", scripts[0].GetAttribute("type"));
            Assert.False(scripts[1].HasAttribute("src"));
            var style = Assert.Single(page.QuerySelectorAll("style"));
            Assert.DoesNotContain("url(", style.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", style.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)https?://|//[a-z0-9]", scripts[1].TextContent + style.TextContent);

            var policy = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
            Assert.Equal(
                $"default-src 'none'; script-src '{Sha256(scripts[1].TextContent)}'; style-src '{Sha256(style.TextContent)}'; base-uri 'none'; form-action 'none'",
                policy);
        }

        [Fact]
        public void Hostile_client_names_stay_inside_the_JSON_block_escaped_and_come_back_unchanged()
        {
            using var files = new TempFiles();
            var run = DemoRuns.Renamed(files.Folder, DemoRuns.HostileNames);

            var html = Render(run);
            var page = Parse(html);

            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("</script><script>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\u2028", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\u2029", html, StringComparison.Ordinal);
            var block = page.QuerySelector("script#oauthaudit-runs")!.TextContent;
            Assert.DoesNotContain("<", block, StringComparison.Ordinal);
            Assert.DoesNotContain(">", block, StringComparison.Ordinal);
            Assert.DoesNotContain("&", block, StringComparison.Ordinal);
            Assert.Contains("\\u003cimg src=x onerror=alert(1)\\u003e", block, StringComparison.Ordinal);
            Assert.Equal(2, page.QuerySelectorAll("script").Length);
            Assert.Empty(page.QuerySelectorAll("img"));
            var names = EmbeddedRuns(page)[0]["results"]!.Select(result => (string)result["clientName"]!).ToArray();
            Assert.Equal(DemoRuns.HostileNames, names.Take(DemoRuns.HostileNames.Length));
            Assert.True(JToken.DeepEquals(Json(AuditRunJson.Write(run)), EmbeddedRuns(page)[0]));
        }

        [Fact]
        public void Several_runs_are_embedded_in_order_one_document_each()
        {
            using var files = new TempFiles();
            var first = DemoRuns.Demo();
            var second = DemoRuns.Renamed(files.Folder, new[] { "Other org's first client" }, "other-org-id", "Contoso");

            var runs = EmbeddedRuns(Parse(Render(first, second)));

            Assert.Equal(new[] { first.Organization.Id, "other-org-id" }, runs.Select(run => (string)run["organization"]!["id"]!));
            Assert.True(JToken.DeepEquals(Json(AuditRunJson.Write(second)), runs[1]));
        }

        [Fact]
        public void The_file_is_UTF8_without_a_byte_order_mark_and_the_same_run_renders_the_same_bytes()
        {
            var run = DemoRuns.Demo();

            var bytes = RenderBytes(run);

            Assert.NotEqual(0xEF, bytes[0]);
            Assert.StartsWith("<!DOCTYPE html>\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.Equal(bytes, RenderBytes(run));
            Assert.DoesNotContain((byte)'\r', bytes);
        }

        [Fact]
        public void No_run_is_refused()
        {
            var error = Assert.Throws<ArgumentException>(() => Writer.Write(Array.Empty<AuditRun>(), new MemoryStream()));

            Assert.Contains("at least one run", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Script_JSON_escapes_only_what_could_end_or_bend_the_script_element_and_reads_back_the_same()
        {
            var value = new JArray("</script>", "<!--", "a & b", "\u2028\u2029", "ünï", "\\ \"quoted\"");

            var escaped = HtmlReportWriter.ScriptJson(value);

            Assert.Equal("[\"\\u003c/script\\u003e\",\"\\u003c!--\",\"a \\u0026 b\",\"\\u2028\\u2029\",\"ünï\",\"\\\\ \\\"quoted\\\"\"]", escaped);
            Assert.True(JToken.DeepEquals(value, JToken.Parse(escaped)));
        }

        internal static byte[] RenderBytes(params AuditRun[] runs)
        {
            using var output = new MemoryStream();
            Writer.Write(runs, output);
            return output.ToArray();
        }

        private static string Render(params AuditRun[] runs) => Encoding.UTF8.GetString(RenderBytes(runs));

        private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

        private static JArray EmbeddedRuns(IDocument page)
        {
            var block = page.QuerySelector("script#oauthaudit-runs");
            Assert.NotNull(block);
            Assert.Equal("application/json", block!.GetAttribute("type"));
            return (JArray)Json(block.TextContent);
        }

        private static JToken Json(string json)
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return JToken.Load(reader);
        }

        private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
