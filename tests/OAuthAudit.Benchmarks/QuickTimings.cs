using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Benchmarks
{
    /// <summary>
    /// --quick [clients]: each benchmark body timed with a stopwatch (best of five after a warm-up), wall and process CPU time, with the bytes it
    /// allocated: a rough figure in seconds, not BenchmarkDotNet's statistics.
    /// </summary>
    internal static class QuickTimings
    {
        /// <param name="only">Names of the bodies to time (ParseListing, EvaluateAll, ...); all of them when empty.</param>
        public static void Run(int clients, params string[] only)
        {
            var listing = new ListingBenchmarks { Clients = clients };
            var evaluation = new EvaluationBenchmarks { Clients = clients };
            var timeListing = new[] { "ParseListing", "BuildRegistries", "ResolveClients" }.Any(name => Wanted(name, only));
            if (timeListing)
            {
                listing.Setup();
            }

            evaluation.Setup();
            Console.WriteLine($"{clients} clients, {SyntheticOrganization.RoleCount} roles, {evaluation.Baseline.Rules.Count} rules; listing JSON {Workload.Build(1).ClientListingJson.Length} chars for one client");
            Time("ParseListing", () => listing.ParseListing(), only);
            Time("BuildRegistries", () => listing.BuildRegistries(), only);
            Time("ResolveClients", () => listing.ResolveClients(), only);
            Time("EvaluateAll", () => evaluation.EvaluateAll(), only);
            Console.WriteLine("Results digest: " + evaluation.Digest());
        }

        private static bool Wanted(string name, string[] only) => only.Length == 0 || only.Contains(name, StringComparer.OrdinalIgnoreCase);

        private static void Time(string name, Func<object> body, string[] only)
        {
            if (!Wanted(name, only))
            {
                return;
            }

            var result = body();
            var best = double.MaxValue;
            var bestCpu = double.MaxValue;
            long allocated = 0;
            for (var run = 0; run < 5; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = body();
                watch.Stop();
                bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,9:0.0} ms wall {2,9:0.0} ms CPU {3,9:0.0} MB allocated  {4}", name, best, bestCpu, allocated / 1048576.0, Describe(result)));
        }

        private static string Describe(object result) =>
            result is System.Collections.ICollection collection ? $"{collection.Count} items" : result.ToString() ?? string.Empty;
    }
}
