using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OAuthAudit.Engine.Reports;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Tests.Shared;

namespace OAuthAudit.Reports.BrowserTests
{
    /// <summary>
    /// An HTML report written to out/test-results/OAuthAudit.Reports.BrowserTests/ and opened from file:// in a fresh
    /// browser context that records every request (and refuses any but the file), console error, page error and dialog.
    /// </summary>
    internal sealed class ReportPage : IAsyncDisposable
    {
        private readonly IBrowserContext _context;

        private ReportPage(IBrowserContext context, IPage page, string path)
        {
            _context = context;
            Page = page;
            Path = path;
        }

        public static string OutputFolder { get; } = CreateOutputFolder();

        public IPage Page { get; }

        public string Path { get; }

        public string Url => new Uri(Path).AbsoluteUri;

        public List<string> Requests { get; } = new List<string>();

        public List<string> Errors { get; } = new List<string>();

        public List<string> Dialogs { get; } = new List<string>();

        /// <summary>From navigation to the page's own "ready" mark.</summary>
        public TimeSpan LoadTime { get; private set; }

        public static async Task<ReportPage> OpenAsync(IBrowser browser, string fileName, int width, int height, ColorScheme colorScheme = ColorScheme.Light, params AuditRun[] runs)
        {
            var path = System.IO.Path.Combine(OutputFolder, fileName);
            using (var file = File.Create(path))
            {
                ReportWriters.For(ReportFormat.Html).Write(runs, file);
            }

            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                ColorScheme = colorScheme,
                JavaScriptEnabled = true,
            });
            var page = await context.NewPageAsync();
            var report = new ReportPage(context, page, path);
            // The file itself goes through; anything else would be recorded (as a request too) and refused.
            await context.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url == report.Url)
                {
                    await route.ContinueAsync();
                    return;
                }

                lock (report.Requests)
                {
                    report.Requests.Add("refused " + route.Request.Url);
                }

                await route.AbortAsync();
            });
            page.Request += (_, request) =>
            {
                lock (report.Requests)
                {
                    report.Requests.Add(request.Url);
                }
            };
            page.Console += (_, message) =>
            {
                if (message.Type == "error" || message.Type == "warning")
                {
                    report.Errors.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => report.Errors.Add("page error: " + error);
            page.Dialog += async (_, dialog) =>
            {
                report.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
                await dialog.DismissAsync();
            };

            var clock = Stopwatch.StartNew();
            await page.GotoAsync(report.Url);
            await page.WaitForSelectorAsync("html[data-report-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15000 });
            report.LoadTime = clock.Elapsed;
            return report;
        }

        public async ValueTask DisposeAsync() => await _context.CloseAsync();

        private static string CreateOutputFolder()
        {
            var folder = System.IO.Path.Combine(RepositoryRoot.Path, "out", "test-results", "OAuthAudit.Reports.BrowserTests");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
