using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// Hostile files: YAML that hangs a loader, wildcards and regular expressions that backtrack for minutes,
    /// devices, FIFOs, sockets, other providers' paths and over-size files given as a baseline or a snapshot.
    /// Each is refused fast with a clear terminating error (ErrorId, category, what is wrong) and no output.
    /// </summary>
    public sealed class FileAttackTests : IDisposable
    {
        private const string Audit = "Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ";
        /// <summary>A file in the process's working directory that an Env: path must not reach.</summary>
        private const string ProcessDirectoryDecoy = "OAUTHAUDIT_ATTACK";

        private const string Head = "apiVersion: oauthaudit/v1\nkind: Baseline\nmetadata: {name: x}\nspec:\n  rules:\n    - id: R\n      description: d\n      severity: High\n";

        private static readonly IReadOnlyDictionary<string, Attack> Attacks = BuildAttacks().ToDictionary(attack => attack.Label, StringComparer.Ordinal);

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oauthaudit-attacks-" + Guid.NewGuid().ToString("N"));
        private readonly PowerShellSession _shell = new PowerShellSession();
        private readonly List<IDisposable> _held = new List<IDisposable>();

        public FileAttackTests()
        {
            Directory.CreateDirectory(_folder);
            _shell.Run("Connect-GcOrganization -SnapshotPath $snapshot | Out-Null; $ExecutionContext.SessionState.Path.SetLocation($folder) | Out-Null",
                new() { ["snapshot"] = RepositoryPaths.DemoSnapshot, ["folder"] = _folder }).ThrowIfFailed();
        }

        public static IEnumerable<object[]> Labels() => Attacks.Keys.Select(label => new object[] { label });

        public void Dispose()
        {
            _held.ForEach(held => held.Dispose());
            File.Delete(Path.Combine(Environment.CurrentDirectory, ProcessDirectoryDecoy));
            _shell.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        [Theory]
        [MemberData(nameof(Labels))]
        public void A_hostile_file_is_refused_with_a_clear_error_and_no_output(string label)
        {
            var attack = Attacks[label];
            attack.Prepare?.Invoke(this);

            var result = _shell.Run(attack.Script);

            Assert.True(result.Terminating != null, $"{label}: expected {attack.ErrorId}; got output {result.Output.Count}, errors: {string.Join("; ", result.AllErrors)}");
            var error = result.AssertTerminating(attack.ErrorId, attack.Category);
            Assert.True(error.ToString().Contains(attack.Fragment, StringComparison.Ordinal), $"{label}: the message should say '{attack.Fragment}'; it says: {error}");
            Assert.True(attack.OutputAllowed || result.Output.Count == 0, $"{label}: wrote {result.Output.Count} object(s)");
        }

        [Fact]
        public void A_relative_path_is_read_from_the_current_location_not_the_process_directory()
        {
            File.Copy(RepositoryPaths.DemoSnapshot, Path.Combine(_folder, "org.json"));
            File.WriteAllText(Path.Combine(_folder, "b.yml"), Head + "      forbidUnknownScopes: true\n");
            Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "org.json")));

            var result = _shell.Run("Connect-GcOrganization -SnapshotPath org.json | Out-Null; (Get-GcOAuthBaseline -Path ./b.yml).Name; (Get-GcContext).Source");

            result.ThrowIfFailed();
            Assert.Equal("x", result.Output[0].BaseObject);
        }

        [Fact]
        public void The_wildcard_that_took_53_seconds_as_a_regex_matches_long_names_at_once()
        {
            WriteSnapshot("names.json", new string('a', 31), new string('a', 100_000));
            File.WriteAllText(Path.Combine(_folder, "wild.yml"), Head + "      match: { names: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*b'] }\n      forbidUnknownScopes: true\n"
                + "    - id: ALL\n      description: d\n      severity: Low\n      match: { names: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*'] }\n      forbidUnknownScopes: true\n");

            var result = _shell.Run("Connect-GcOrganization -SnapshotPath ./names.json | Out-Null; Get-GcOAuthClient | Test-GcOAuthClientScope -Baseline ./wild.yml | ForEach-Object { \"$($_.ClientName.Length):$($_.MatchedRules)\" }");

            result.ThrowIfFailed();
            Assert.Contains("31:ALL", result.Output.Select(item => item.BaseObject));
            Assert.Contains("100000:ALL", result.Output.Select(item => item.BaseObject));
        }

        private static IEnumerable<Attack> BuildAttacks()
        {
            // ~600 bytes: each key is a list of six aliases of the key before, so hashing the keys costs 6^11 node visits.
            var explosiveKeys = new StringBuilder(Head + "      match:\n        ? &a [x]\n        : a\n");
            for (var level = 1; level < 12; level++)
            {
                var (previous, current) = ((char)('a' + level - 1), (char)('a' + level));
                explosiveKeys.Append($"        ? &{current} [{string.Join(",", Enumerable.Repeat("*" + previous, 6))}]\n        : {current}\n");
            }

            yield return Baseline("YAML: list keys aliasing each other (the loader hang)", explosiveKeys.ToString(), "line 10, column 11: a mapping key here is a list; keys in a baseline are plain names");
            yield return Baseline("YAML: an alias as a key", Head + "      remediation: &n names\n      match:\n        ? *n\n        : ['x']\n", "line 11, column 11: a mapping key here is the alias '*n'");
            yield return Baseline("YAML: a flow mapping as a key", Head + "      match: { {names: x}: y }\n", "line 9, column 16: a mapping key here is a mapping");
            yield return Baseline("YAML: a complex key", Head + "      match:\n        ? [names]\n        : ['*']\n", "line 10, column 11: a mapping key here is a list");
            var laughs = new StringBuilder(Head + "      remediation: x\n      description: &l0 [x,x,x,x,x,x,x,x,x,x]\n");
            laughs.Replace("      description: d\n", string.Empty);
            for (var level = 1; level < 9; level++)
            {
                laughs.Append($"      l{level}: &l{level} [{string.Join(",", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
            }

            yield return Baseline("YAML: billion laughs", laughs.ToString(), "nodes by this point (an alias counts every node of its anchor each time it is used)");
            yield return new Attack("baseline over 1 MiB", Audit + "./big.yml", "BaselineInvalid", ErrorCategory.LimitsExceeded, "is 1,048,577 bytes, larger than the 1 MiB a baseline file may be")
            {
                Prepare = test => test.Sparse("big.yml", (1024 * 1024) + 1),
            };
            yield return new Attack("snapshot over 512 MiB", "Connect-GcOrganization -SnapshotPath ./big.json", "SnapshotInvalid", ErrorCategory.LimitsExceeded, "larger than the 512 MiB a snapshot file may be")
            {
                Prepare = test => test.Sparse("big.json", (512L * 1024 * 1024) + 1),
            };

            foreach (var device in new[] { "/dev/zero", "/dev/random", "/dev/null" })
            {
                yield return new Attack($"snapshot {device}", $"Connect-GcOrganization -SnapshotPath {device}", "SnapshotInvalid", ErrorCategory.InvalidType, $"'{device}' is a character device, not a regular file");
                yield return new Attack($"baseline {device}", Audit + device, "BaselineInvalid", ErrorCategory.InvalidType, $"'{device}' is a character device, not a regular file");
            }

            yield return new Attack("snapshot: a link to /dev/zero", "Connect-GcOrganization -SnapshotPath ./zero.json", "SnapshotInvalid", ErrorCategory.InvalidType, "zero.json' is a character device")
            {
                Prepare = test => File.CreateSymbolicLink(Path.Combine(test._folder, "zero.json"), "/dev/zero"),
            };
            yield return new Attack("snapshot: a FIFO", "Connect-GcOrganization -SnapshotPath ./pipe.json", "SnapshotInvalid", ErrorCategory.InvalidType, "pipe.json' is a FIFO (named pipe), not a regular file")
            {
                Prepare = test => test.Fifo("pipe.json"),
            };
            yield return new Attack("baseline: a FIFO", "Get-GcOAuthBaseline -Path ./pipe.yml", "BaselineInvalid", ErrorCategory.InvalidType, "pipe.yml' is a FIFO (named pipe), not a regular file")
            {
                Prepare = test => test.Fifo("pipe.yml"),
            };
            yield return new Attack("baseline: a socket", Audit + "./socket.yml", "BaselineInvalid", ErrorCategory.InvalidType, "socket.yml' is a socket, not a regular file")
            {
                Prepare = test => test.Socket("socket.yml"),
            };
            yield return new Attack("snapshot: Env:/X", "$env:OAUTHAUDIT_ATTACK = 'org.json'; Connect-GcOrganization -SnapshotPath Env:/OAUTHAUDIT_ATTACK", "SnapshotInvalid", ErrorCategory.InvalidArgument,
                "'Env:/OAUTHAUDIT_ATTACK' is an item of the PowerShell Environment provider, not a file")
            {
                Prepare = test => File.Copy(RepositoryPaths.DemoSnapshot, Path.Combine(Environment.CurrentDirectory, ProcessDirectoryDecoy), overwrite: true),
            };
            yield return new Attack("baseline: Variable:/X", "$X = 'b.yml'; Get-GcOAuthBaseline -Path Variable:/X", "BaselineInvalid", ErrorCategory.InvalidArgument, "'Variable:/X' is an item of the PowerShell Variable provider, not a file");
            yield return new Attack("baseline: Function:/prompt", Audit + "Function:/prompt", "BaselineInvalid", ErrorCategory.InvalidArgument, "is an item of the PowerShell Function provider, not a file");
            yield return new Attack("snapshot: a drive that does not exist", "Connect-GcOrganization -SnapshotPath NoSuchDrive:/org.json", "SnapshotNotFound", ErrorCategory.ObjectNotFound, "'NoSuchDrive:/org.json' is not a path to a snapshot file");
            yield return new Attack("a name regex that backtracks for minutes", "Connect-GcOrganization -SnapshotPath ./slow.json | Out-Null; " + Audit + "./slow.yml", "BaselinePatternTimeout", ErrorCategory.LimitsExceeded,
                "Rule R: the name pattern '^(a|aa)+$' took longer than 1 s on client '" + new string('a', 60) + "!' (attack-0)")
            {
                Prepare = test =>
                {
                    test.WriteSnapshot("slow.json", new string('a', 60) + "!");
                    File.WriteAllText(Path.Combine(test._folder, "slow.yml"), Head + "      match: { namePatterns: ['^(a|aa)+$'] }\n      forbidUnknownScopes: true\n");
                },
            };
        }

        private static Attack Baseline(string label, string yaml, string fragment) =>
            new Attack(label, "Get-GcOAuthBaseline -Path ./hostile.yml", "BaselineInvalid", ErrorCategory.InvalidData, fragment)
            {
                Prepare = test => File.WriteAllText(Path.Combine(test._folder, "hostile.yml"), yaml),
            };

        /// <summary>The demo snapshot with its first clients renamed (ids attack-0, attack-1, …), the rest removed.</summary>
        private void WriteSnapshot(string name, params string[] clientNames)
        {
            var root = JsonNode.Parse(File.ReadAllText(RepositoryPaths.DemoSnapshot))!.AsObject();
            var clients = root["clients"]!.AsArray();
            var kept = new JsonArray();
            for (var index = 0; index < clientNames.Length; index++)
            {
                var client = clients[index]!.DeepClone();
                client["name"] = clientNames[index];
                client["id"] = $"attack-{index}";
                kept.Add(client);
            }

            root["clients"] = kept;
            File.WriteAllText(Path.Combine(_folder, name), root.ToJsonString());
        }

        private void Sparse(string name, long length)
        {
            using var file = File.Create(Path.Combine(_folder, name));
            file.SetLength(length);
        }

        private void Fifo(string name)
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(_folder, name)) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        private void Socket(string name)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_folder, name)));
            _held.Add(socket);
        }

        private sealed class Attack
        {
            public Attack(string label, string script, string errorId, ErrorCategory category, string fragment)
            {
                Label = label;
                Script = script;
                ErrorId = errorId;
                Category = category;
                Fragment = fragment;
            }

            public string Label { get; }

            public string Script { get; }

            public string ErrorId { get; }

            public ErrorCategory Category { get; }

            public string Fragment { get; }

            public Action<FileAttackTests>? Prepare { get; init; }

            public bool OutputAllowed { get; init; }
        }
    }
}
