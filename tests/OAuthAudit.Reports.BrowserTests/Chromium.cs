using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace OAuthAudit.Reports.BrowserTests
{
    /// <summary>
    /// Debian's chromium driven by Playwright (its own driver, no browser download: the executable is given). Where
    /// /usr/bin/chromium is missing, a test fails on CI (which installs it) and is skipped, with the reason, elsewhere.
    /// </summary>
    public sealed class Chromium : IAsyncLifetime
    {
        public const string ExecutablePath = "/usr/bin/chromium";
        public const string Missing = "install chromium: apt-get install -y chromium (" + ExecutablePath + " is missing; the browser tests need it)";

        private IPlaywright? _playwright;

        public IBrowser? Browser { get; private set; }

        public static bool IsInstalled => File.Exists(ExecutablePath);

        /// <summary>Fails on CI, skips elsewhere, when the browser is missing; returns it otherwise.</summary>
        public IBrowser Require()
        {
            if (!IsInstalled)
            {
                if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                {
                    throw new InvalidOperationException(Missing);
                }

                Skip.If(true, Missing);
            }

            return Browser ?? throw new InvalidOperationException("Chromium was found but did not start; see the test output.");
        }

        public async Task InitializeAsync()
        {
            if (!IsInstalled)
            {
                return;
            }

            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Chromium's sandbox refuses to start as root (CI runs as root).
                Args = Environment.UserName == "root" ? new[] { "--no-sandbox" } : Array.Empty<string>(),
            });
        }

        public async Task DisposeAsync()
        {
            if (Browser != null)
            {
                await Browser.CloseAsync();
            }

            _playwright?.Dispose();
        }
    }
}
