using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OAuthAudit.Engine.Rules;
using OAuthAudit.Engine.Runs;
using OAuthAudit.Tests.Shared.Reports;
using Xunit;
using Xunit.Abstractions;

namespace OAuthAudit.Reports.BrowserTests
{
    /// <summary>The HTML report of the demo organization as a reader meets it, in headless chromium from file://.</summary>
    public sealed class HtmlReportBrowserTests : IClassFixture<Chromium>
    {
        private static readonly string[] SeverityOrder = { "Critical", "High", "Medium", "Low", "Info", "" };

        private readonly Chromium _chromium;
        private readonly ITestOutputHelper _output;

        public HtmlReportBrowserTests(Chromium chromium, ITestOutputHelper output)
        {
            _chromium = chromium;
            _output = output;
        }

        [SkippableFact]
        public async Task At_1280_px_the_tiles_equal_the_run_s_summary_the_table_filters_sorts_and_opens_a_client_and_nothing_is_requested()
        {
            var browser = _chromium.Require();
            var run = DemoRuns.Demo();
            await using var report = await ReportPage.OpenAsync(browser, "report-1280.html", 1280, 900, ColorScheme.Light, run);
            var page = report.Page;

            await AssertTilesAsync(page, "#r0-org", run);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReportPage.OutputFolder, "report-1280.png"), FullPage = false });

            // Filter to Fail: as many rows as the run has failing clients, and only those.
            Assert.True(run.Summary.ByOutcome[Outcome.Fail] > 0, "The demo run should have failing clients.");
            await page.SelectOptionAsync("#r0-outcome", "Fail");
            var shown = page.Locator("#r0-clients tr.client-row:visible");
            Assert.Equal(run.Summary.ByOutcome[Outcome.Fail], await shown.CountAsync());
            Assert.All(await shown.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.outcome)"), outcome => Assert.Equal("Fail", outcome));
            Assert.Equal($"Showing {run.Summary.ByOutcome[Outcome.Fail]} of {run.Results.Count} clients.", await page.TextContentAsync("#r0-shown"));

            // Grant type and text search narrow further; "Show all" brings every client back.
            await page.SelectOptionAsync("#r0-grantType", "CLIENT-CREDENTIALS");
            Assert.Equal(run.Results.Count(result => result.Outcome == Outcome.Fail && result.GrantType == "CLIENT-CREDENTIALS"), await shown.CountAsync());
            await page.ClickAsync("#r0-org .filters button");
            var target = run.Results.First(result => result.Outcome == Outcome.Fail);
            await page.FillAsync("#r0-text", target.ClientName.ToUpperInvariant());
            Assert.Contains(await shown.AllTextContentsAsync(), row => row.Contains(target.ClientName, StringComparison.Ordinal));
            await page.FillAsync("#r0-text", string.Empty);
            Assert.Equal(run.Results.Count, await shown.CountAsync());

            // An outcome tile is a button that filters the table to its outcome; the Clients tile shows them all again.
            await page.ClickAsync("#r0-org [data-tile='Warning'] button");
            Assert.Equal("Warning", await page.InputValueAsync("#r0-outcome"));
            Assert.Equal(run.Summary.ByOutcome[Outcome.Warning], await shown.CountAsync());
            await page.ClickAsync("#r0-org [data-tile='clients'] button");
            Assert.Equal(run.Results.Count, await shown.CountAsync());

            // Sort by severity: most severe first, then least severe first.
            await page.ClickAsync("#r0-clients th[data-sort-key='severity'] button");
            Assert.Equal("descending", await page.GetAttributeAsync("#r0-clients th[data-sort-key='severity']", "aria-sort"));
            var descending = await SeveritiesInOrderAsync(page);
            Assert.Equal(run.Results.Select(Severity).OrderBy(Rank), descending);
            await page.ClickAsync("#r0-clients th[data-sort-key='severity'] button");
            Assert.Equal("ascending", await page.GetAttributeAsync("#r0-clients th[data-sort-key='severity']", "aria-sort"));
            Assert.Equal(run.Results.Select(Severity).OrderByDescending(Rank), await SeveritiesInOrderAsync(page));

            // Open the most severe client's details: every finding's message, its remediation, and its access.
            await page.ClickAsync("#r0-clients th[data-sort-key='severity'] button");
            var toggle = page.Locator("#r0-clients tr.client-row").First.Locator("button.toggle");
            var firstName = await toggle.TextContentAsync();
            var worst = run.Results.Single(result => result.ClientName == firstName);
            Assert.Equal(run.Results.Min(result => Rank(Severity(result))), Rank(Severity(worst)));
            await toggle.ClickAsync();
            Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
            var details = page.Locator("#" + await toggle.GetAttributeAsync("aria-controls"));
            Assert.True(await details.IsVisibleAsync());
            var detailText = await details.TextContentAsync() ?? string.Empty;
            Assert.All(worst.Findings, finding =>
            {
                Assert.Contains(finding.Message, detailText, StringComparison.Ordinal);
                Assert.Contains(finding.Remediation, detailText, StringComparison.Ordinal);
            });
            Assert.All(worst.Scopes, scope => Assert.Contains(scope.Name, detailText, StringComparison.Ordinal));
            Assert.All(worst.Roles, grant => Assert.Contains(grant.RoleDisplayName, detailText, StringComparison.Ordinal));
            Assert.Equal(worst.Findings.Count, await details.Locator("li.finding").CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReportPage.OutputFolder, "report-1280-details.png"), FullPage = false });

            // The keyboard closes it again (a real button: Enter).
            await toggle.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
            Assert.False(await details.IsVisibleAsync());

            await AssertQuietAsync(report);
            var renderMs = await page.GetAttributeAsync("html", "data-render-ms");
            Figure($"demo report: {new FileInfo(report.Path).Length / 1024.0:F1} KB, {run.Results.Count} clients, rendered by its script in {renderMs} ms, ready {report.LoadTime.TotalMilliseconds:F0} ms after navigation (1280 px)");
        }

        [SkippableFact]
        public async Task An_escalation_chain_and_a_client_credentials_client_s_roles_by_division_and_permissions_are_shown()
        {
            var browser = _chromium.Require();
            var run = DemoRuns.Demo();
            var escalating = run.Results.FirstOrDefault(result => result.Findings.Any(finding => finding.Kind == FindingKind.PrivilegeEscalation));
            Assert.NotNull(escalating);
            await using var report = await ReportPage.OpenAsync(browser, "report-escalation.html", 1280, 900, ColorScheme.Light, run);
            var page = report.Page;

            var position = run.Results.ToList().IndexOf(escalating!);
            var row = page.Locator("#r0-clients tr.client-row").Nth(position);
            await row.Locator("button.toggle").ClickAsync();
            var details = page.Locator("#r0-client-" + position);
            var chain = details.Locator("li.finding[data-kind='PrivilegeEscalation'] ol.chain").First;
            Assert.True(await chain.IsVisibleAsync());
            var finding = escalating!.Findings.First(candidate => candidate.Kind == FindingKind.PrivilegeEscalation);
            Assert.Equal("Grant: " + finding.Subject, await chain.Locator("li").First.TextContentAsync());
            Assert.True(await chain.Locator("li").CountAsync() >= 2);

            var grant = escalating.Roles.First();
            var grantRow = details.Locator("table.grants tbody tr").First;
            Assert.Contains(grant.RoleDisplayName, await grantRow.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
            Assert.Contains(grant.DivisionDisplayName, await grantRow.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal(escalating.Roles.Count, await details.Locator("table.grants tbody tr").CountAsync());
            if (grant.Permissions.Count > 0)
            {
                await grantRow.Locator("summary").ClickAsync();
                Assert.Equal(grant.Permissions.Count, await grantRow.Locator("ul.perms li").CountAsync());
                Assert.Equal(grant.Permissions.First(), (await grantRow.Locator("ul.perms li").First.TextContentAsync())!.Replace(" (conditional)", string.Empty));
            }

            await details.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ReportPage.OutputFolder, "report-escalation.png") });
            await AssertQuietAsync(report);
        }

        [SkippableFact]
        public async Task At_390_px_the_page_fits_the_phone_s_width_and_the_clients_stay_usable()
        {
            var browser = _chromium.Require();
            var run = DemoRuns.Demo();
            await using var report = await ReportPage.OpenAsync(browser, "report-390.html", 390, 844, ColorScheme.Light, run);
            var page = report.Page;

            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "The page is wider than the phone: " + await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") + " px.");
            await AssertTilesAsync(page, "#r0-org", run);
            await page.SelectOptionAsync("#r0-outcome", "Fail");
            Assert.Equal(run.Summary.ByOutcome[Outcome.Fail], await page.Locator("#r0-clients tr.client-row:visible").CountAsync());
            var toggle = page.Locator("#r0-clients tr.client-row:visible button.toggle").First;
            await toggle.ClickAsync();
            Assert.True(await page.Locator("#" + await toggle.GetAttributeAsync("aria-controls")).IsVisibleAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "An open client's details are wider than the phone.");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReportPage.OutputFolder, "report-390.png"), FullPage = false });
            await AssertQuietAsync(report);
            Figure($"demo report at 390 px: ready {report.LoadTime.TotalMilliseconds:F0} ms after navigation, script {await page.GetAttributeAsync("html", "data-render-ms")} ms");
        }

        [SkippableFact]
        public async Task Injected_client_names_show_as_text_and_run_nothing()
        {
            var browser = _chromium.Require();
            using var folder = new ScratchFolder();
            var run = DemoRuns.Renamed(folder.Path, DemoRuns.HostileNames);
            await using var report = await ReportPage.OpenAsync(browser, "report-hostile.html", 1280, 900, ColorScheme.Light, run);
            var page = report.Page;

            var names = await page.Locator("#r0-clients button.toggle").AllTextContentsAsync();
            Assert.Contains("<img src=x onerror=alert(1)>", names);
            Assert.Contains("</script><script>alert(1)</script>", names);
            Assert.Contains("<img src=x onerror=\"window.__injected='img'\">", names);
            Assert.Contains("</script><script>window.__injected='script'</script><!--", names);
            // Separators and bidi overrides are shown as escapes, as the module shows them everywhere.
            Assert.Contains("A\\u2028B\\u2029C & <!-- --> ]]> \\u202eevil", names);

            foreach (var index in Enumerable.Range(0, DemoRuns.HostileNames.Length))
            {
                await page.Locator("#r0-clients tr.client-row").Nth(index).Locator("button.toggle").ClickAsync();
            }

            await page.FillAsync("#r0-text", "<img");
            Assert.Equal(2, await page.Locator("#r0-clients tr.client-row:visible").CountAsync());
            await page.WaitForTimeoutAsync(300);

            Assert.Equal(0, await page.Locator("img").CountAsync());
            Assert.Equal(2, await page.Locator("script").CountAsync());
            Assert.Null(await page.EvaluateAsync<string?>("() => window.__injected === undefined ? null : String(window.__injected)"));
            Assert.Empty(report.Dialogs);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReportPage.OutputFolder, "report-hostile.png"), FullPage = false });
            await AssertQuietAsync(report);
        }

        [SkippableFact]
        public async Task Several_organizations_get_a_section_each_with_their_own_summary_and_table()
        {
            var browser = _chromium.Require();
            using var folder = new ScratchFolder();
            var first = DemoRuns.Demo();
            var second = DemoRuns.Renamed(folder.Path, new[] { "Contoso first client" }, "contoso-org-id", "Contoso Support", withProblems: true);
            await using var report = await ReportPage.OpenAsync(browser, "report-two-orgs.html", 1280, 900, ColorScheme.Light, first, second);
            var page = report.Page;

            Assert.Equal(2, await page.Locator("section.org").CountAsync());
            Assert.Equal(new[] { first.Organization.Id, "contoso-org-id" }, await page.Locator("section.org").EvaluateAllAsync<string[]>("sections => sections.map(section => section.dataset.organizationId)"));
            Assert.Equal("Contoso Support", await page.TextContentAsync("#r1-title"));
            await AssertTilesAsync(page, "#r0-org", first);
            await AssertTilesAsync(page, "#r1-org", second);
            await page.SelectOptionAsync("#r1-outcome", "Fail");
            Assert.Equal(second.Summary.ByOutcome[Outcome.Fail], await page.Locator("#r1-clients tr.client-row:visible").CountAsync());
            Assert.Equal(first.Results.Count, await page.Locator("#r0-clients tr.client-row:visible").CountAsync());
            Assert.Equal("OAuthAudit report: 2 organizations", await page.TitleAsync());

            // The second organization's run had a client it could not judge and an error of its own.
            Assert.Equal(1, second.Summary.ByOutcome[Outcome.Error]);
            var errors = await page.TextContentAsync("#r1-org .run-errors") ?? string.Empty;
            Assert.Contains("2 errors during the run", errors, StringComparison.Ordinal);
            Assert.Contains(DemoRuns.RolesUnreadable, errors, StringComparison.Ordinal);
            Assert.Contains(DemoRuns.CatalogUnreadable, errors, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#r0-org .run-errors").CountAsync());
            await page.SelectOptionAsync("#r1-outcome", "Error");
            var failed = page.Locator("#r1-clients tr.client-row:visible");
            Assert.Equal(1, await failed.CountAsync());
            await failed.Locator("button.toggle").ClickAsync();
            var detail = await page.TextContentAsync("#r1-client-" + second.Results.ToList().FindIndex(result => result.Outcome == Outcome.Error)) ?? string.Empty;
            Assert.Contains(DemoRuns.RolesUnreadable, detail, StringComparison.Ordinal);
            Assert.Contains("Not judged.", detail, StringComparison.Ordinal);
            await AssertQuietAsync(report);
        }

        [SkippableFact]
        public async Task Three_merged_organizations_show_the_totals_first_a_line_per_organization_and_each_table_names_its_organization()
        {
            var browser = _chromium.Require();
            using var folder = new ScratchFolder();
            var written = new[]
            {
                DemoRuns.Demo(),
                DemoRuns.Renamed(folder.Path, DemoRuns.HostileNames, "hostile-org-id", "</script><script>window.__injected='org'</script>\u202e", withProblems: true),
                DemoRuns.Renamed(folder.Path, new[] { "Fabrikam first client" }, "fabrikam-org-id", "Fabrikam"),
            };
            // As a merge sees them: each run written as its document and read back, then merged.
            var set = RunMerge.Merge(written.Select((run, index) => new MergeInput(Assert.Single(AuditRunReader.ReadText(AuditRunJson.Write(run), $"run{index}.json")), $"run{index}.json")), DuplicateRuns.Refuse);
            foreach (var width in new[] { 1280, 390 })
            {
                await using var report = await ReportPage.OpenAsync(browser, $"report-three-orgs-{width}.html", width, 900, ColorScheme.Light, set.Runs.ToArray());
                var page = report.Page;

                Assert.Equal(3, await page.Locator("section.org").CountAsync());
                Assert.Equal("All organizations", await page.TextContentAsync("#totals-title"));
                Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#totals').compareDocumentPosition(document.querySelector('#r0-org')) === Node.DOCUMENT_POSITION_FOLLOWING"));
                Assert.Equal("3", await page.TextContentAsync("#totals [data-tile='organizations'] .tile-value"));
                Assert.Equal(set.Summary.Clients.ToString(), await page.TextContentAsync("#totals [data-tile='clients'] .tile-value"));
                foreach (var outcome in Enum.GetValues<Outcome>())
                {
                    Assert.Equal(set.Summary.ByOutcome[outcome].ToString(), await page.TextContentAsync($"#totals [data-tile='{outcome}'] .tile-value"));
                }

                Assert.Equal(set.Summary.BySeverity[OAuthAudit.Engine.Rules.Severity.Critical].ToString(), await page.TextContentAsync("#totals [data-tile='severity-Critical'] .tile-value"));
                Assert.Equal(new[] { set.Runs[0].Organization.Id, "hostile-org-id", "fabrikam-org-id" },
                    await page.Locator("#totals table.orgs tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.organizationId)"));
                var hostileLine = await page.TextContentAsync("#totals tr[data-organization-id='hostile-org-id']") ?? string.Empty;
                Assert.Contains("</script><script>window.__injected='org'</script>\\u202e", hostileLine, StringComparison.Ordinal);
                Assert.Contains(set.Runs[1].Summary.Clients.ToString(), hostileLine, StringComparison.Ordinal);
                Assert.Null(await page.EvaluateAsync<string?>("() => window.__injected || null"));
                Assert.Equal("Clients of Fabrikam (fabrikam-org-id)", await page.TextContentAsync("#r2-clients caption"));
                await AssertTilesAsync(page, "#r1-org", set.Runs[1]);

                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReportPage.OutputFolder, $"report-three-orgs-{width}.png"), FullPage = false });
                await page.ClickAsync("#totals tr[data-organization-id='fabrikam-org-id'] a");
                Assert.EndsWith("#r2-org", page.Url, StringComparison.Ordinal);
                await page.SelectOptionAsync("#r2-outcome", "Fail");
                Assert.Equal(set.Runs[2].Summary.ByOutcome[Outcome.Fail], await page.Locator("#r2-clients tr.client-row:visible").CountAsync());
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    $"At {width} px the page is wider than the window: " + await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") + " px.");
                Figure($"three merged organizations at {width} px: {new FileInfo(report.Path).Length:N0} bytes, ready in {report.LoadTime.TotalMilliseconds:N0} ms");
                await AssertQuietAsync(report);
            }
        }

        [SkippableFact]
        public async Task Dark_mode_and_print_are_styled_print_shows_every_client_s_details_and_hides_the_controls()
        {
            var browser = _chromium.Require();
            var run = DemoRuns.Demo();
            await using var report = await ReportPage.OpenAsync(browser, "report-dark.html", 1280, 900, ColorScheme.Dark, run);
            var page = report.Page;

            var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            Assert.Equal("rgb(13, 17, 23)", background);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReportPage.OutputFolder, "report-1280-dark.png"), FullPage = false });

            await page.SelectOptionAsync("#r0-outcome", "Fail");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            Assert.False(await page.Locator("#r0-org .filters").IsVisibleAsync());
            Assert.Equal(run.Summary.ByOutcome[Outcome.Fail], await page.Locator("#r0-clients tr.detail-row:visible").CountAsync());
            Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
            var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(ReportPage.OutputFolder, "report-print.pdf") });
            Assert.True(pdf.Length > 10_000, "The printed report is suspiciously small.");
            await AssertQuietAsync(report);
        }

        private async Task AssertTilesAsync(IPage page, string section, AuditRun run)
        {
            async Task<int> Tile(string key) => int.Parse((await page.TextContentAsync($"{section} [data-tile='{key}'] .tile-value"))!, System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(run.Summary.Clients, await Tile("clients"));
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                Assert.Equal(run.Summary.ByOutcome[outcome], await Tile(outcome.ToString()));
            }

            foreach (var severity in Enum.GetValues<Severity>())
            {
                Assert.Equal(run.Summary.BySeverity[severity], await Tile("severity-" + severity));
            }

            Assert.Equal(run.Summary.WaivedFindings, await Tile("waived"));
        }

        private static async Task<string[]> SeveritiesInOrderAsync(IPage page) =>
            await page.Locator("#r0-clients tr.client-row").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.severity)");

        private static string Severity(ClientAuditResult result) => result.Severity?.ToString() ?? string.Empty;

        private static int Rank(string severity) => Array.IndexOf(SeverityOrder, severity);

        private static async Task AssertQuietAsync(ReportPage report)
        {
            await report.Page.WaitForTimeoutAsync(100);
            Assert.Empty(report.Errors);
            Assert.Empty(report.Dialogs);
            Assert.Equal(new[] { report.Url }, report.Requests.ToArray());
        }

        private void Figure(string text)
        {
            _output.WriteLine(text);
            File.AppendAllText(Path.Combine(ReportPage.OutputFolder, "figures.txt"), text + Environment.NewLine);
        }

        private sealed class ScratchFolder : IDisposable
        {
            public ScratchFolder()
            {
                Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oauthaudit-browser-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Path);
            }

            public string Path { get; }

            public void Dispose() => Directory.Delete(Path, recursive: true);
        }
    }
}
