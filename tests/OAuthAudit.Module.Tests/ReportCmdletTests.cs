using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using OAuthAudit.Emulator;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// Export-GcOAuthAuditReport and Invoke-GcOAuthAudit against the demo snapshot and the emulator: a file for every
    /// format in the module's ReportWriters table, -WhatIf, -Force, the folder, -PassThru, bad paths, the pipeline from
    /// Test-GcOAuthClientScope, -FailOn, and runs that cannot list their organization.
    /// </summary>
    public sealed class ReportCmdletTests : IDisposable
    {
        private const string Audit = "Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline $baseline -WarningAction SilentlyContinue";
        private const string OrganizationFile = "oauth-audit-northwind-contact-center";

        private readonly PowerShellSession _shell = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-reports-" + Guid.NewGuid().ToString("N"));

        public ReportCmdletTests()
        {
            _shell.Run("Connect-GcOrganization -SnapshotPath $demo | Out-Null", Variables()).ThrowIfFailed();
        }

        public void Dispose()
        {
            _shell.Dispose();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        [Fact]
        public void Export_writes_every_format_of_the_table_told_from_its_extension_and_PassThru_gives_the_FileInfo()
        {
            var formats = Formats(_shell);
            Assert.NotEmpty(formats);

            foreach (var (format, extension) in formats)
            {
                var path = Path.Combine(_folder, "by-extension", "audit" + extension);
                var result = Run(Audit + " | Export-GcOAuthAuditReport -Path $path -PassThru", ("path", path));

                Assert.True(result.FirstError == null, $"{format}: {result.FirstError}");
                var file = Assert.IsType<FileInfo>(Assert.Single(result.Output).BaseObject);
                Assert.Equal(path, file.FullName);
                Assert.True(new FileInfo(path).Length > 0, $"{format}: {path} is empty");
                Assert.Equal(path, result.Output[0].Properties["PSPath"]?.Value?.ToString()?.Split("::").Last());
            }

            Assert.Equal(formats.Select(entry => "audit" + entry.Extension).OrderBy(name => name), Files("by-extension"));
        }

        [Fact]
        public void Several_formats_write_one_file_per_format_beside_Path()
        {
            var formats = Formats(_shell);
            var path = Path.Combine(_folder, "several", "audit.json");

            var result = Run(Audit + " | Export-GcOAuthAuditReport -Path $path -Format $formats -PassThru", ("path", path), ("formats", formats.Select(entry => entry.Format).ToArray()));

            Assert.True(result.FirstError == null, result.FirstError?.ToString());
            var expected = formats.Select(entry => "audit" + entry.Extension).OrderBy(name => name).ToArray();
            Assert.Equal(expected, result.Output.Select(item => ((FileInfo)item.BaseObject).Name).OrderBy(name => name));
            Assert.Equal(expected, Files("several"));
        }

        [Fact]
        public void Results_piped_from_Test_GcOAuthClientScope_make_a_run_naming_the_baseline_that_judged_them()
        {
            var path = Path.Combine(_folder, "audit.json");

            Run(Audit + " | Export-GcOAuthAuditReport -Path $path", ("path", path)).ThrowIfFailed();

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var run = document.RootElement;
            var expected = _shell.Run("$b = Get-GcOAuthBaseline -Path $baseline; $c = Get-GcContext; \"$($b.Name)|$($b.Sha256)|$($b.Rules.Count)|$($c.OrganizationId)|$($c.CapturedAt)\"", Variables()).ThrowIfFailed();
            var parts = Assert.Single(expected.Output).ToString().Split('|');
            Assert.Equal(parts[0], run.GetProperty("baseline").GetProperty("name").GetString());
            Assert.Equal(parts[1], run.GetProperty("baseline").GetProperty("sha256").GetString());
            Assert.Equal(int.Parse(parts[2]), run.GetProperty("baseline").GetProperty("rules").GetArrayLength());
            Assert.Equal(parts[3], run.GetProperty("organization").GetProperty("id").GetString());
            Assert.Equal("Snapshot", run.GetProperty("dataSource").GetProperty("kind").GetString());
            Assert.Equal(parts[4], run.GetProperty("dataSource").GetProperty("capturedAt").GetString());
            Assert.Equal(40, run.GetProperty("results").GetArrayLength());
            Assert.Equal(40, run.GetProperty("summary").GetProperty("clients").GetInt32());
            Assert.Equal(18, run.GetProperty("summary").GetProperty("byOutcome").GetProperty("Fail").GetInt32());
        }

        [Fact]
        public void A_run_of_Invoke_GcOAuthAudit_exports_as_the_same_document()
        {
            var path = Path.Combine(_folder, "run.json");

            Run("$run = Invoke-GcOAuthAudit -Baseline $baseline -WarningAction SilentlyContinue; $run | Export-GcOAuthAuditReport -Path $path", ("path", path)).ThrowIfFailed();

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(40, document.RootElement.GetProperty("results").GetArrayLength());
            Assert.Equal("northwind-policy", document.RootElement.GetProperty("baseline").GetProperty("name").GetString());
        }

        [Fact]
        public void A_format_that_refuses_the_runs_leaves_no_file_and_no_temporary_file()
        {
            // Two baselines make two runs of one organization; the JSON document holds one run per organization, so its writer refuses them.
            var path = Path.Combine(_folder, "two-runs", "audit.json");

            var result = Run("$clients = Get-GcOAuthClient; @($clients | Test-GcOAuthClientScope) + @($clients | Test-GcOAuthClientScope -Baseline $baseline -WarningAction SilentlyContinue) | Export-GcOAuthAuditReport -Path $path", ("path", path));

            result.AssertTerminating("ReportNotWritten", ErrorCategory.InvalidArgument);
            Assert.Contains("a set of runs holds one run per organization", result.Terminating!.ToString());
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder, "two-runs")));
        }

        [Fact]
        public void Two_contexts_of_one_organization_get_a_run_and_reports_each()
        {
            var result = Run("$a = Connect-GcOrganization -SnapshotPath $demo; $b = Connect-GcOrganization -SnapshotPath $demo; Invoke-GcOAuthAudit -Context $a, $b -OutputPath $folder -Format Json", ("folder", _folder));

            Assert.Null(result.FirstError);
            Assert.Equal(2, result.Output.Count);
            var id = _shell.Run("(Get-GcContext).OrganizationId").ThrowIfFailed().Output.Single().ToString();
            Assert.Equal(new[] { OrganizationFile + "-" + id + ".json", OrganizationFile + ".json" }.OrderBy(name => name), Files(string.Empty));
        }

        [Fact]
        public void Every_format_named_to_Format_is_written_or_refused_never_silently_skipped()
        {
            var written = Formats(_shell).Select(entry => entry.Format).ToHashSet();
            var all = _shell.Run("[enum]::GetNames([OAuthAudit.Engine.Reports.ReportFormat])").ThrowIfFailed().Output.Select(item => item.ToString()).ToArray();

            foreach (var format in all)
            {
                var path = Path.Combine(_folder, "format-" + format);
                var result = Run(Audit + " | Export-GcOAuthAuditReport -Path $path -Format $format", ("path", path), ("format", format));

                if (written.Contains(format))
                {
                    Assert.True(result.FirstError == null && File.Exists(path), $"{format}: {result.FirstError}");
                }
                else
                {
                    result.AssertTerminating("ReportFormatUnknown", ErrorCategory.NotImplemented);
                    Assert.Contains($"no writer for the {format} format", result.Terminating!.ToString());
                    Assert.False(File.Exists(path));
                }
            }
        }

        [Fact]
        public void An_unknown_extension_is_refused_with_the_list_of_extensions_and_nothing_is_written()
        {
            var extensions = Assert.Single(_shell.Run("[OAuthAudit.Engine.Reports.ReportWriters]::Extensions()").ThrowIfFailed().Output).ToString();
            var path = Path.Combine(_folder, "new", "audit.txt");

            var result = Run(Audit + " | Export-GcOAuthAuditReport -Path $path", ("path", path));

            result.AssertTerminating("ReportFormatUnknown", ErrorCategory.InvalidArgument);
            Assert.Contains("'.txt' is not a report extension", result.Terminating!.ToString());
            Assert.Contains(extensions, result.Terminating.ToString());
            Assert.False(Directory.Exists(Path.Combine(_folder, "new")));
        }

        [Fact]
        public void WhatIf_writes_no_file_and_creates_no_folder()
        {
            var path = Path.Combine(_folder, "whatif", "audit.json");
            var folder = Path.Combine(_folder, "whatif-run");

            var exported = Run(Audit + " | Export-GcOAuthAuditReport -Path $path -WhatIf -PassThru", ("path", path));
            var invoked = Run("Invoke-GcOAuthAudit -Baseline $baseline -OutputPath $folder -WhatIf -WarningAction SilentlyContinue", ("folder", folder));

            Assert.Null(exported.FirstError);
            Assert.Empty(exported.Output);
            Assert.Null(invoked.FirstError);
            Assert.Equal("OAuthAudit.Engine.Runs.AuditRun", Assert.Single(invoked.Output).BaseObject.GetType().FullName);
            Assert.False(Directory.Exists(_folder), "-WhatIf created " + _folder);
            Assert.Contains("What if: Performing the operation \"Write the Json report\"", _shell.Host.Text);
        }

        [Fact]
        public void An_existing_report_is_kept_without_Force_and_replaced_with_it_leaving_no_temporary_file()
        {
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, "audit.json");
            File.WriteAllText(path, "keep me");

            var refused = Run(Audit + " | Export-GcOAuthAuditReport -Path $path", ("path", path));
            var invokeRefused = Run("Invoke-GcOAuthAudit -OutputPath $folder -Format Json", ("folder", _folder));
            File.WriteAllText(Path.Combine(_folder, OrganizationFile + ".json"), "keep me too");
            var invokeRefusedExisting = Run("Invoke-GcOAuthAudit -OutputPath $folder -Format Json", ("folder", _folder));

            refused.AssertTerminating("ReportExists", ErrorCategory.ResourceExists);
            Assert.Contains("exists already", refused.Terminating!.ToString());
            Assert.Equal("keep me", File.ReadAllText(path));
            Assert.Null(invokeRefused.FirstError);
            invokeRefusedExisting.AssertTerminating("ReportExists", ErrorCategory.ResourceExists);
            Assert.Empty(invokeRefusedExisting.Output);
            Assert.Equal("keep me too", File.ReadAllText(Path.Combine(_folder, OrganizationFile + ".json")));

            Run(Audit + " | Export-GcOAuthAuditReport -Path $path -Force", ("path", path)).ThrowIfFailed();
            Run("Invoke-GcOAuthAudit -OutputPath $folder -Format Json -Force", ("folder", _folder)).ThrowIfFailed();

            using (var document = JsonDocument.Parse(File.ReadAllText(path)))
            {
                Assert.Equal(40, document.RootElement.GetProperty("results").GetArrayLength());
            }

            using (var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, OrganizationFile + ".json"))))
            {
                Assert.Equal("oauthaudit-default", document.RootElement.GetProperty("baseline").GetProperty("name").GetString());
            }

            Assert.Equal(new[] { "audit.json", OrganizationFile + ".json" }, Files(string.Empty));
        }

        [Fact]
        public void The_folders_of_a_report_are_created()
        {
            var path = Path.Combine(_folder, "a", "b", "c", "audit.json");

            Run(Audit + " | Export-GcOAuthAuditReport -Path $path", ("path", path)).ThrowIfFailed();

            Assert.True(File.Exists(path));
        }

        [Fact]
        public void A_relative_Path_is_relative_to_the_current_location()
        {
            Directory.CreateDirectory(_folder);

            Run("$ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null; " + Audit + " | Export-GcOAuthAuditReport -Path ./here/audit.json", ("folder", _folder)).ThrowIfFailed();

            Assert.True(File.Exists(Path.Combine(_folder, "here", "audit.json")));
        }

        [Fact]
        public void Nothing_piped_in_writes_nothing_and_says_so()
        {
            var path = Path.Combine(_folder, "empty.json");

            var result = Run("@() | Export-GcOAuthAuditReport -Path $path", ("path", path));

            Assert.StartsWith("NoAuditResults,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Null(result.Terminating);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void Invoke_writes_every_format_for_the_organization_and_returns_the_run_summary_first()
        {
            var formats = Formats(_shell);

            var result = Run("Invoke-GcOAuthAudit -Baseline $baseline -OutputPath $folder -WarningAction SilentlyContinue", ("folder", _folder));

            Assert.Null(result.FirstError);
            var run = Assert.Single(result.Output);
            Assert.Equal(formats.Select(entry => OrganizationFile + entry.Extension).OrderBy(name => name), Files(string.Empty));
            var before = _shell.Host.Text.Length;
            _shell.Run("$run | Out-Default", new() { ["run"] = run }).ThrowIfFailed();
            var lines = _shell.Host.Text.Substring(before).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
            var shownText = string.Join("\n", lines);
            Assert.True(lines.Length > 3 && lines[0].StartsWith("Summary", StringComparison.Ordinal), shownText);
            Assert.True(lines[0].EndsWith(": 40 clients: Pass 19, Fail 18, Warning 3", StringComparison.Ordinal), shownText);
            Assert.True(lines[1] == "Findings: Critical 9, High 17, Medium 11, Low 4, Info 1", shownText);
            Assert.True(lines[2] == "Waived findings: 1; errors: 0", shownText);
            var stages = result.Progress.Select(record => record.StatusDescription ?? string.Empty).ToArray();
            foreach (var stage in new[] { "Listing OAuth clients", "Resolving scopes and role grants", "Evaluating", "files to" })
            {
                Assert.Contains(stages, status => status.Contains(stage, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void FailOn_ends_with_AuditFailed_after_the_run_and_its_reports_are_written()
        {
            var result = Run("Invoke-GcOAuthAudit -Baseline $baseline -OutputPath $folder -Format Json -FailOn High -WarningAction SilentlyContinue", ("folder", _folder));

            result.AssertTerminating("AuditFailed", ErrorCategory.InvalidResult);
            Assert.Contains("at or above High", result.Terminating!.ToString());
            Assert.Contains("'Genesys Cloud Admin Tooling' Critical", result.Terminating.ToString());
            Assert.Single(result.Output);
            Assert.True(File.Exists(Path.Combine(_folder, OrganizationFile + ".json")));
        }

        [Fact]
        public void FailOn_above_every_outstanding_finding_ends_normally()
        {
            Directory.CreateDirectory(_folder);
            var lenient = Path.Combine(_folder, "lenient.yml");
            File.WriteAllText(lenient, "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata:\n  name: lenient\nspec:\n  rules:\n    - id: L-001\n      description: Nothing above Low.\n      severity: Low\n      forbiddenScopes: [oauth]\n");

            var passing = Run("Invoke-GcOAuthAudit -Baseline $lenient -FailOn Medium", ("lenient", lenient));
            var failing = Run("Invoke-GcOAuthAudit -Baseline $lenient -FailOn Low", ("lenient", lenient));

            Assert.Null(passing.FirstError);
            Assert.Single(passing.Output);
            failing.AssertTerminating("AuditFailed", ErrorCategory.InvalidResult);
        }

        [Fact]
        public async Task Invoke_against_the_emulator_counts_what_Test_GcOAuthClientScope_counts()
        {
            await using var org = await LiveOrganization.StartAsync();

            var result = org.RunConnected("""
                $run = Invoke-GcOAuthAudit -WarningAction SilentlyContinue
                $results = @(Get-GcOAuthClient | Test-GcOAuthClientScope -WarningAction SilentlyContinue)
                foreach ($outcome in [enum]::GetValues([OAuthAudit.Engine.Rules.Outcome])) {
                    "$outcome|$($run.Summary.ByOutcome[$outcome])|$(@($results | Where-Object Outcome -eq $outcome).Count)"
                }
                foreach ($severity in [enum]::GetValues([OAuthAudit.Engine.Rules.Severity])) {
                    "$severity|$($run.Summary.BySeverity[$severity])|$(@($results.Findings | Where-Object { $_.IsOutstanding -and $_.Severity -eq $severity }).Count)"
                }
                "Clients|$($run.Summary.Clients)|$($results.Count)"
                "Live|$($run.DataSource.Kind)|Live"
                """).ThrowIfFailed();

            Assert.Equal(13, result.Output.Count);
            foreach (var line in result.Output.Select(item => item.ToString().Split('|')))
            {
                Assert.True(line[1] == line[2], $"{line[0]}: the run counts {line[1]}, Test-GcOAuthClientScope {line[2]}");
            }

            Assert.Contains(result.Output, item => item.ToString() == "Clients|40|40");
        }

        [Fact]
        public async Task An_organization_that_cannot_be_listed_is_an_Error_run_never_a_pass_and_fails_FailOn()
        {
            await using var org = await LiveOrganization.StartAsync();
            var variables = org.Variables();
            variables["folder"] = _folder;
            // Before connecting: the first run takes the listing read when connecting, the second reads its own.
            org.Emulator.Faults.Enqueue(new Fault("/api/v2/oauth/clients", 403, times: 2));
            org.Shell.Run(LiveOrganization.Connect + " | Out-Null", variables).ThrowIfFailed();

            var quiet = org.Shell.Run("Invoke-GcOAuthAudit", variables);
            var gated = org.Shell.Run("Invoke-GcOAuthAudit -OutputPath $folder -Format Json -FailOn Critical", variables);

            var listingError = Assert.Single(quiet.Errors);
            Assert.Null(quiet.Terminating);
            var run = Assert.Single(quiet.Output).BaseObject;
            var summary = org.Shell.Run("\"$($run.Summary.Clients)|$($run.Summary.Errors)|$($run.Summary.ByOutcome[[OAuthAudit.Engine.Rules.Outcome]::Pass])|$($run.Errors[0].ErrorId)\"", new() { ["run"] = run }).ThrowIfFailed();
            Assert.Equal($"0|1|0|{listingError.FullyQualifiedErrorId.Split(',')[0]}", Assert.Single(summary.Output).ToString());
            gated.AssertTerminating("AuditFailed", ErrorCategory.InvalidResult);
            Assert.Contains("error(s) of the run as a whole", gated.Terminating!.ToString());
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, OrganizationFile + ".json")));
            Assert.Equal(1, document.RootElement.GetProperty("errors").GetArrayLength());
            Assert.Equal(0, document.RootElement.GetProperty("results").GetArrayLength());
        }

        /// <summary>The formats of the module's ReportWriters table, as the imported module has it.</summary>
        internal static (string Format, string Extension)[] Formats(PowerShellSession shell) =>
            shell.Run("[OAuthAudit.Engine.Reports.ReportWriters]::All | ForEach-Object { \"$($_.Format)|$($_.Extension)\" }").ThrowIfFailed()
                .Output.Select(item => item.ToString().Split('|')).Select(parts => (parts[0], parts[1])).ToArray();

        private string[] Files(string subfolder) =>
            Directory.EnumerateFiles(Path.Combine(_folder, subfolder)).Select(file => Path.GetFileName(file)!).OrderBy(name => name).ToArray();

        private ScriptResult Run(string script, params (string Name, object? Value)[] extra)
        {
            var variables = Variables();
            foreach (var (name, value) in extra)
            {
                variables[name] = value;
            }

            return _shell.Run(script, variables);
        }

        private Dictionary<string, object?> Variables() => new()
        {
            ["demo"] = RepositoryPaths.DemoSnapshot,
            ["baseline"] = Path.Combine(RepositoryPaths.Root, "samples", "baseline.yml"),
            ["folder"] = _folder,
        };
    }
}
