using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace OAuthAudit.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/OAuthAudit.Benchmarks -- --filter '*' (BenchmarkDotNet's own arguments),
    /// or -- --quick [clients] [body ...] for a rough stopwatch figure of each body (or of the bodies named, e.g. EvaluateAll) in a few seconds.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--quick")
            {
                QuickTimings.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000, args.Skip(2).ToArray());
                return;
            }

            // The generated project is built on a shared 2-core machine too: give that build longer than the default 2 minutes.
            var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        }
    }
}
