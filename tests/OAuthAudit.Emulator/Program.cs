using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OAuthAudit.Emulator;

/// <summary>
/// Runs the emulator as a process, for test runners that cannot host it in-process (Pester, manual use).
/// Prints one JSON line with the endpoints and the auditor's credentials, then serves until stdin reaches EOF,
/// or SIGTERM / Ctrl+C. See README.md, "Run it standalone".
/// </summary>
internal static class Program
{
    private const int ExitOk = 0;
    private const int ExitFailed = 1;
    private const int ExitUsage = 2;

    private const string Usage = """
        Usage: OAuthAudit.Emulator --snapshot <file> [--clients-page-size <n>] [--latency-ms <n>] [--audit-outcome <outcome>]
                                   [--request-log <file>]

          --snapshot <file>          the organization to serve (docs/snapshot.md format), e.g. samples/demo-org.json
          --clients-page-size <n>    page GET /api/v2/oauth/clients by n (n >= 1); default: one page, as the real API
          --latency-ms <n>           delay every answer by n milliseconds (n >= 0); default 0
          --audit-outcome <outcome>  how audit queries end: Succeeded (default), Failed, Cancelled or NeverFinishes
          --request-log <file>       on exit, write every request seen (with its start and finish times) to file as JSON
          --help                     show this text

        Prints one line of JSON to stdout: {"loginBaseUri","apiBaseUri","clientId","secret"} (the auditing
        client's credentials, generated for this run), then serves on 127.0.0.1 until stdin reaches EOF or the
        process gets SIGTERM or Ctrl+C.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 1 && args[0] is ("--help" or "-h" or "-?" or "/?"))
        {
            Console.Out.WriteLine(Usage);
            return ExitOk;
        }

        if (!TryParse(args, out var settings, out var problem))
        {
            return UsageError(problem);
        }

        var snapshotPath = Path.GetFullPath(settings.SnapshotPath);
        if (!File.Exists(snapshotPath))
        {
            return UsageError($"There is no snapshot file '{snapshotPath}'.");
        }

        EmulatorOrganization organization;
        try
        {
            organization = EmulatorOrganization.FromSnapshotFile(snapshotPath);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or JsonException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"OAuthAudit.Emulator: cannot read the snapshot '{snapshotPath}': {unreadable.Message}");
            return ExitFailed;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => Stop(context, stop));

        await using var emulator = await GenesysCloudEmulator.StartAsync(organization);
        emulator.Knobs.ClientsPageSize = settings.ClientsPageSize;
        emulator.Knobs.Latency = TimeSpan.FromMilliseconds(settings.LatencyMilliseconds);
        emulator.Knobs.AuditQuery.Outcome = settings.AuditOutcome;

        var ready = new JObject
        {
            ["loginBaseUri"] = emulator.LoginBaseUri.ToString(),
            ["apiBaseUri"] = emulator.ApiBaseUri.ToString(),
            ["clientId"] = emulator.Auditor.ClientId,
            ["secret"] = emulator.Auditor.Secret,
        };
        var stdout = Console.Out;
        await stdout.WriteLineAsync(ready.ToString(Formatting.None));
        await stdout.FlushAsync();

        var endOfInput = WaitForEndOfInputAsync();
        var stopped = Task.Delay(Timeout.Infinite, stop.Token);
        await Task.WhenAny(endOfInput, stopped);
        return settings.RequestLogPath == null ? ExitOk : await WriteRequestLogAsync(emulator, settings.RequestLogPath);
    }

    private static async Task<int> WriteRequestLogAsync(GenesysCloudEmulator emulator, string path)
    {
        var fullPath = Path.GetFullPath(path);
        try
        {
            await File.WriteAllTextAsync(fullPath, RequestLogDocument.ToJson(emulator.Requests));
            return ExitOk;
        }
        catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"OAuthAudit.Emulator: cannot write the request log '{fullPath}': {unwritable.Message}");
            return ExitFailed;
        }
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        // Shut down in order (the emulator is disposed when Main returns) instead of the runtime's abrupt exit.
        context.Cancel = true;
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Completes when stdin is closed (the parent process closed the pipe, or Ctrl+D at a terminal).</summary>
    private static Task WaitForEndOfInputAsync() => Task.Factory.StartNew(
        () =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (IOException)
            {
            }
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private static int UsageError(string problem)
    {
        Console.Error.WriteLine("OAuthAudit.Emulator: " + problem);
        Console.Error.WriteLine();
        Console.Error.WriteLine(Usage);
        return ExitUsage;
    }

    private static bool TryParse(string[] args, out Settings settings, out string problem)
    {
        settings = new Settings();
        problem = string.Empty;
        for (var index = 0; index < args.Length; index++)
        {
            var name = args[index];
            if (name is not ("--snapshot" or "--clients-page-size" or "--latency-ms" or "--audit-outcome" or "--request-log"))
            {
                problem = $"Unknown argument '{name}'.";
                return false;
            }

            if (index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
            {
                problem = $"{name} needs a value.";
                return false;
            }

            var value = args[++index];
            switch (name)
            {
                case "--snapshot":
                    if (settings.SnapshotPath.Length > 0)
                    {
                        problem = "--snapshot is given more than once.";
                        return false;
                    }

                    settings.SnapshotPath = value;
                    break;
                case "--clients-page-size":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || pageSize < 1)
                    {
                        problem = $"--clients-page-size takes a whole number of at least 1, not '{value}'.";
                        return false;
                    }

                    settings.ClientsPageSize = pageSize;
                    break;
                case "--audit-outcome":
                    if (!Enum.TryParse<AuditQueryOutcome>(value, ignoreCase: false, out var outcome) || !Enum.IsDefined(outcome) || char.IsDigit(value[0]))
                    {
                        problem = $"--audit-outcome takes Succeeded, Failed, Cancelled or NeverFinishes, not '{value}'.";
                        return false;
                    }

                    settings.AuditOutcome = outcome;
                    break;
                case "--request-log":
                    settings.RequestLogPath = value;
                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var latency))
                    {
                        problem = $"--latency-ms takes a whole number of milliseconds (0 or more), not '{value}'.";
                        return false;
                    }

                    settings.LatencyMilliseconds = latency;
                    break;
            }
        }

        if (settings.SnapshotPath.Length == 0)
        {
            problem = "--snapshot <file> is required.";
            return false;
        }

        return true;
    }

    private sealed class Settings
    {
        public string SnapshotPath { get; set; } = string.Empty;

        public int? ClientsPageSize { get; set; }

        public int LatencyMilliseconds { get; set; }

        public AuditQueryOutcome AuditOutcome { get; set; } = AuditQueryOutcome.Succeeded;

        public string? RequestLogPath { get; set; }
    }
}
